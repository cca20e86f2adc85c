// SPDX-License-Identifier: GPL-3.0-or-later
#include "wizard/WelcomePage.h"

#include "ui_WelcomePage.h"
#include "wizard/SetupModel.h"

#include <QEvent>

namespace orion::app::wizard {

WelcomePage::WelcomePage(SetupModel *model, QWidget *parent)
    : QWizardPage(parent)
    , m_ui(std::make_unique<Ui::WelcomePage>())
    , m_model(model) {
    m_ui->setupUi(this);
}

WelcomePage::~WelcomePage() = default;

void WelcomePage::initializePage() {
    m_ui->profileLabel->setText(tr("Profile folder: %1").arg(m_model->profileDir()));
    const bool exists = m_model->identityExists();
    m_ui->existingLabel->setVisible(exists);
    m_ui->existingLabel->setText(
        tr("This profile already has an identity (%1). Orion never replaces an existing "
           "identity: start Orion without the setup, or choose another profile with --profile.")
            .arg(m_model->identityPath()));
}

bool WelcomePage::isComplete() const {
    return !m_model->identityExists();
}

void WelcomePage::changeEvent(QEvent *event) {
    if (event->type() == QEvent::LanguageChange) {
        m_ui->retranslateUi(this);
        initializePage();
    }
    QWizardPage::changeEvent(event);
}

} // namespace orion::app::wizard
