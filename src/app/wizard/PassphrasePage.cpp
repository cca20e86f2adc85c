// SPDX-License-Identifier: GPL-3.0-or-later
#include "wizard/PassphrasePage.h"

#include "ui_PassphrasePage.h"
#include "wizard/PassphraseStrength.h"
#include "wizard/SetupModel.h"

#include <QEvent>

namespace orion::app::wizard {

PassphrasePage::PassphrasePage(SetupModel *model, QWidget *parent)
    : QWizardPage(parent)
    , m_ui(std::make_unique<Ui::PassphrasePage>())
    , m_model(model) {
    m_ui->setupUi(this);
    connect(m_ui->passphraseEdit, &QLineEdit::textChanged, this, &PassphrasePage::updateFeedback);
    connect(m_ui->confirmEdit, &QLineEdit::textChanged, this, &PassphrasePage::updateFeedback);
    connect(m_ui->showCheck, &QCheckBox::toggled, this, [this](bool show) {
        const auto mode = show ? QLineEdit::Normal : QLineEdit::Password;
        m_ui->passphraseEdit->setEchoMode(mode);
        m_ui->confirmEdit->setEchoMode(mode);
    });
    // Off unless chosen. Without a keyring the option is shown disabled with the reason, so
    // the user knows it exists and is not misled into thinking the passphrase is remembered.
    m_ui->keyringCheck->setChecked(false);
    connect(m_ui->keyringCheck, &QCheckBox::toggled, this,
            [this](bool on) { m_model->setRememberPassphrase(on); });
    updateFeedback();
}

PassphrasePage::~PassphrasePage() = default;

void PassphrasePage::initializePage() {
    updateFeedback();
}

void PassphrasePage::updateFeedback() {
    const QString passphrase = m_ui->passphraseEdit->text();
    const int score = PassphraseStrength::score(passphrase);
    m_ui->strengthBar->setValue(passphrase.isEmpty() ? 0 : score + (score < 4 ? 1 : 0));
    m_ui->strengthLabel->setText(passphrase.isEmpty() ? QString()
                                                      : PassphraseStrength::label(score));
    m_ui->hintLabel->setText(PassphraseStrength::hint(passphrase));
    const QString confirmation = m_ui->confirmEdit->text();
    if (confirmation.isEmpty()) {
        m_ui->matchLabel->setText(tr("Type the passphrase again to confirm it."));
    } else if (confirmation != passphrase) {
        m_ui->matchLabel->setText(tr("The confirmation does not match."));
    } else {
        m_ui->matchLabel->setText(tr("The passphrases match."));
    }
    const QString keyring = m_model->keyringUnavailableReason();
    m_ui->keyringCheck->setEnabled(keyring.isEmpty());
    m_ui->keyringCheck->setToolTip(keyring);
    if (!keyring.isEmpty()) {
        m_ui->keyringCheck->setChecked(false);
    }
    m_ui->keyringNote->setText(
        keyring.isEmpty()
            ? tr("Orion then unlocks at start without asking. Anyone who can open your "
                 "keyring can start this node.")
            : tr("Not available: %1 You will enter the passphrase when Orion starts.")
                  .arg(keyring));
    Q_EMIT completeChanged();
}

bool PassphrasePage::isComplete() const {
    return SetupModel::checkPassphrase(m_ui->passphraseEdit->text(), m_ui->confirmEdit->text())
        .ok();
}

bool PassphrasePage::validatePage() {
    return m_model->setPassphrase(m_ui->passphraseEdit->text(), m_ui->confirmEdit->text()).ok();
}

void PassphrasePage::changeEvent(QEvent *event) {
    if (event->type() == QEvent::LanguageChange) {
        m_ui->retranslateUi(this);
        updateFeedback();
    }
    QWizardPage::changeEvent(event);
}

} // namespace orion::app::wizard
