// SPDX-License-Identifier: GPL-3.0-or-later
#include "wizard/SummaryPage.h"

#include "ui_SummaryPage.h"
#include "wizard/SetupModel.h"

#include <QDir>
#include <QEvent>
#include <QFileDialog>
#include <QWizard>

namespace orion::app::wizard {

SummaryPage::SummaryPage(SetupModel *model, QWidget *parent)
    : QWizardPage(parent)
    , m_ui(std::make_unique<Ui::SummaryPage>())
    , m_model(model) {
    m_ui->setupUi(this);
    setCommitPage(false);
    m_ui->progressBar->setRange(0, 1);
    m_ui->progressBar->setValue(0);
    m_ui->progressBar->setVisible(false);
    m_ui->backupEdit->setText(QDir::home().filePath(QStringLiteral("orion-identity-backup.key")));
    m_ui->backupEdit->setEnabled(false);
    m_ui->backupBrowseButton->setEnabled(false);
    connect(m_ui->backupCheck, &QCheckBox::toggled, m_ui->backupEdit, &QWidget::setEnabled);
    connect(m_ui->backupCheck, &QCheckBox::toggled, m_ui->backupBrowseButton, &QWidget::setEnabled);
    connect(m_ui->backupBrowseButton, &QPushButton::clicked, this, &SummaryPage::chooseBackup);
    connect(m_model, &SetupModel::busyChanged, this, &SummaryPage::showBusy);
    connect(m_model, &SetupModel::committed, this, [this]() {
        m_ui->statusLabel->setText(tr("Everything is saved. Starting the node…"));
        m_ui->progressBar->setValue(1);
        if (m_finishing && wizard()) {
            m_finishing = false;
            wizard()->accept();
        }
    });
    connect(m_model, &SetupModel::commitFailed, this, [this](const QString &reason) {
        m_finishing = false;
        m_ui->statusLabel->setText(tr("Nothing was changed: %1").arg(reason));
        Q_EMIT completeChanged();
    });
}

SummaryPage::~SummaryPage() = default;

void SummaryPage::initializePage() {
    auto row = [](const QString &caption, const QString &value) {
        return QStringLiteral("<tr><td style=\"padding-right:1em\">%1</td><td>%2</td></tr>")
            .arg(caption.toHtmlEscaped(), value.toHtmlEscaped());
    };
    QString html = QStringLiteral("<table>");
    html += row(tr("Node ID:"), m_model->nodeIdHex());
    html += row(tr("Identity:"), m_model->identityImported() ? tr("imported") : tr("new"));
    html +=
        row(tr("Network:"), m_model->networkChoice() == SetupModel::NetworkChoice::Create
                                ? tr("new network %1").arg(m_model->networkIdHex().left(16))
                                : tr("joining network %1").arg(m_model->networkIdHex().left(16)));
    if (m_model->memberRecord() && m_model->networkChoice() == SetupModel::NetworkChoice::Join) {
        html += row(tr("First peer:"), m_model->memberRecord()->nodeId.toHex());
    }
    html += row(tr("Port:"), QString::number(m_model->port()));
    html += row(tr("Profile folder:"), m_model->profileDir());
    html += row(tr("Identity file:"), m_model->identityPath());
    html += row(tr("Network key file:"), m_model->networkKeyPath());
    html += row(tr("Settings:"), m_model->settingsPath());
    html += row(tr("Your member file:"), m_model->memberFilePath());
    html += QStringLiteral("</table><p>%1</p>")
                .arg(tr("The identity and the network key are encrypted with your passphrase. "
                        "Keep a backup of the identity file: without it this node ID is lost.")
                         .toHtmlEscaped());
    m_ui->summaryLabel->setText(html);
    m_ui->statusLabel->clear();
}

void SummaryPage::chooseBackup() {
    const QString file = QFileDialog::getSaveFileName(
        this, tr("Identity backup"), m_ui->backupEdit->text(), tr("Orion identity (*.key)"));
    if (!file.isEmpty()) {
        m_ui->backupEdit->setText(file);
    }
}

void SummaryPage::showBusy(bool busy) {
    m_ui->progressBar->setRange(0, busy ? 0 : 1);
    m_ui->progressBar->setVisible(busy);
    if (busy && m_finishing) {
        m_ui->statusLabel->setText(tr("Encrypting and saving the keys…"));
    }
    m_ui->backupCheck->setEnabled(!busy);
    if (wizard()) {
        wizard()->button(QWizard::BackButton)->setEnabled(!busy);
        wizard()->button(QWizard::CancelButton)->setEnabled(!busy);
    }
    Q_EMIT completeChanged();
}

bool SummaryPage::isComplete() const {
    return m_model->isCommitted() || !m_model->isBusy();
}

bool SummaryPage::validatePage() {
    if (m_model->isCommitted()) {
        return true;
    }
    // Argon2id takes about a second per key: write in the background and finish when done.
    m_model->setBackupPath(m_ui->backupCheck->isChecked() ? m_ui->backupEdit->text().trimmed()
                                                          : QString());
    m_finishing = true;
    m_model->commit();
    return false;
}

void SummaryPage::changeEvent(QEvent *event) {
    if (event->type() == QEvent::LanguageChange) {
        m_ui->retranslateUi(this);
        if (wizard() && wizard()->currentPage() == this) {
            initializePage();
        }
    }
    QWizardPage::changeEvent(event);
}

} // namespace orion::app::wizard
