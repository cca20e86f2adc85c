// SPDX-License-Identifier: GPL-3.0-or-later
#include "wizard/SetupWizard.h"

#include "desktop/Icons.h"
#include "wizard/IdentityPage.h"
#include "wizard/NetworkPage.h"
#include "wizard/PassphrasePage.h"
#include "wizard/PortPage.h"
#include "wizard/SetupModel.h"
#include "wizard/SummaryPage.h"
#include "wizard/WelcomePage.h"

#include <QAbstractButton>
#include <QEvent>

namespace orion::app::wizard {

SetupWizard::SetupWizard(SetupModel *model, QWidget *parent)
    : QWizard(parent)
    , m_model(model) {
    setWindowIcon(desktop::Icons::app());
    setOption(QWizard::NoBackButtonOnStartPage);
    setOption(QWizard::NoDefaultButton, false);
    setPage(WelcomeId, new WelcomePage(model));
    setPage(IdentityId, new IdentityPage(model));
    setPage(PassphraseId, new PassphrasePage(model));
    setPage(NetworkId, new NetworkPage(model));
    setPage(PortId, new PortPage(model));
    setPage(SummaryId, new SummaryPage(model));
    const int em = fontMetrics().height();
    setPixmap(QWizard::LogoPixmap, desktop::Icons::app().pixmap(3 * em, 3 * em));
    retranslate();
    resize(46 * em, 34 * em);
}

void SetupWizard::retranslate() {
    setWindowTitle(tr("Set up Orion"));
    // Our own texts for the standard buttons, so they follow our translation too.
    setButtonText(QWizard::BackButton, tr("< &Back"));
    setButtonText(QWizard::NextButton, tr("&Next >"));
    setButtonText(QWizard::FinishButton, tr("&Finish"));
    setButtonText(QWizard::CancelButton, tr("Cancel"));
    for (QWizard::WizardButton which :
         {QWizard::BackButton, QWizard::NextButton, QWizard::FinishButton, QWizard::CancelButton}) {
        if (QAbstractButton *b = button(which)) {
            b->setAccessibleName(b->text()
                                     .remove(QLatin1Char('&'))
                                     .remove(QLatin1Char('<'))
                                     .remove(QLatin1Char('>'))
                                     .trimmed());
        }
    }
}

void SetupWizard::changeEvent(QEvent *event) {
    if (event->type() == QEvent::LanguageChange) {
        retranslate();
    }
    QWizard::changeEvent(event);
}

} // namespace orion::app::wizard
