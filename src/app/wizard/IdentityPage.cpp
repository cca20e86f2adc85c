// SPDX-License-Identifier: GPL-3.0-or-later
#include "wizard/IdentityPage.h"

#include "ui_IdentityPage.h"
#include "wizard/SetupModel.h"

#include <QEvent>
#include <QFileDialog>

namespace orion::app::wizard {

IdentityPage::IdentityPage(SetupModel *model, QWidget *parent)
    : QWizardPage(parent)
    , m_ui(std::make_unique<Ui::IdentityPage>())
    , m_model(model) {
    m_ui->setupUi(this);
    m_ui->progressBar->setRange(0, 1);
    m_ui->progressBar->setValue(0);
    m_ui->progressBar->setVisible(false);
    connect(m_ui->generateRadio, &QRadioButton::toggled, this, &IdentityPage::updateControls);
    connect(m_ui->fileEdit, &QLineEdit::textChanged, this, &IdentityPage::updateControls);
    connect(m_ui->runButton, &QPushButton::clicked, this, &IdentityPage::run);
    connect(m_ui->filePassphraseEdit, &QLineEdit::returnPressed, this, &IdentityPage::run);
    connect(m_ui->browseButton, &QPushButton::clicked, this, [this]() {
        const QString file = QFileDialog::getOpenFileName(
            this, tr("Import identity"), QString(), tr("Orion identity (*.key);;All files (*)"));
        if (!file.isEmpty()) {
            m_ui->fileEdit->setText(file);
            m_ui->filePassphraseEdit->setFocus();
        }
    });
    connect(m_model, &SetupModel::busyChanged, this, &IdentityPage::showBusy);
    connect(m_model, &SetupModel::identityReady, this, [this](const QString &id) {
        m_ui->resultLabel->setText(tr("Your node ID: %1").arg(id));
        m_ui->progressBar->setValue(1);
        Q_EMIT completeChanged();
    });
    connect(m_model, &SetupModel::identityFailed, this, [this](const QString &reason) {
        m_ui->resultLabel->setText(reason);
        m_ui->progressBar->setValue(0);
        Q_EMIT completeChanged();
    });
    updateControls();
}

IdentityPage::~IdentityPage() = default;

void IdentityPage::initializePage() {
    updateControls();
}

void IdentityPage::updateControls() {
    const bool importing = m_ui->importRadio->isChecked();
    m_ui->importBox->setEnabled(importing && !m_model->isBusy());
    m_ui->runButton->setText(importing ? tr("&Unlock and import") : tr("Create the &keys"));
    m_ui->runButton->setEnabled(!m_model->isBusy() &&
                                (!importing || !m_ui->fileEdit->text().trimmed().isEmpty()));
    if (!m_model->hasIdentity() && !m_model->isBusy()) {
        m_ui->resultLabel->setText(importing ? tr("Choose the identity file and enter its "
                                                  "passphrase.")
                                             : tr("Press \u201c"
                                                  "Create the keys\u201d to create "
                                                  "your node's key pair."));
    }
}

void IdentityPage::showBusy(bool busy) {
    // An indeterminate bar while the key work runs on the thread pool.
    m_ui->progressBar->setRange(0, busy ? 0 : 1);
    m_ui->progressBar->setVisible(busy);
    m_ui->generateRadio->setEnabled(!busy);
    m_ui->importRadio->setEnabled(!busy);
    if (busy) {
        m_ui->resultLabel->setText(m_ui->importRadio->isChecked()
                                       ? tr("Unlocking the identity file…")
                                       : tr("Generating the key pair…"));
    }
    updateControls();
    Q_EMIT completeChanged();
}

void IdentityPage::run() {
    if (m_model->isBusy()) {
        return;
    }
    if (m_ui->importRadio->isChecked()) {
        m_model->importIdentity(m_ui->fileEdit->text().trimmed(), m_ui->filePassphraseEdit->text());
    } else {
        m_model->generateIdentity();
    }
}

bool IdentityPage::isComplete() const {
    return m_model->hasIdentity() && !m_model->isBusy();
}

void IdentityPage::changeEvent(QEvent *event) {
    if (event->type() == QEvent::LanguageChange) {
        m_ui->retranslateUi(this);
        updateControls();
    }
    QWizardPage::changeEvent(event);
}

} // namespace orion::app::wizard
