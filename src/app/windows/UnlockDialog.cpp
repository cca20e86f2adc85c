// SPDX-License-Identifier: GPL-3.0-or-later
#include "windows/UnlockDialog.h"

#include "desktop/Icons.h"
#include "identity/NodeIdentity.h"
#include "ui_UnlockDialog.h"

#include <QDir>
#include <QLayout>
#include <QPushButton>
#include <QtConcurrent/QtConcurrentRun>

namespace orion::app::windows {

UnlockDialog::UnlockDialog(const QString &identityPath, const QString &profileName, QWidget *parent)
    : QDialog(parent)
    , m_ui(std::make_unique<Ui::UnlockDialog>())
    , m_identityPath(identityPath) {
    m_ui->setupUi(this);
    setWindowIcon(desktop::Icons::app());
    m_ui->introLabel->setText(
        tr("Enter the passphrase of the profile \u201c%1\u201d to start the node.")
            .arg(profileName));
    // Wrapped labels get the width of about 48 average characters, and the dialog never
    // shrinks below what they need: a long reason makes it taller instead of being cut off.
    const int width = 48 * fontMetrics().averageCharWidth();
    m_ui->introLabel->setMinimumWidth(width);
    m_ui->messageLabel->setMinimumWidth(width);
    layout()->setSizeConstraint(QLayout::SetMinimumSize);
    m_ui->progressBar->setRange(0, 0);
    m_ui->progressBar->setVisible(false);
    m_ui->messageLabel->setVisible(false);
    connect(m_ui->buttons, &QDialogButtonBox::accepted, this, &UnlockDialog::accept);
    connect(&m_watcher, &QFutureWatcher<Status>::finished, this, [this]() {
        const Status opened = m_watcher.result();
        m_ui->progressBar->setVisible(false);
        m_ui->passphraseEdit->setEnabled(true);
        m_ui->buttons->button(QDialogButtonBox::Ok)->setEnabled(true);
        if (opened) {
            QDialog::accept();
            return;
        }
        m_passphrase = {};
        showMessage(failureText(opened, m_identityPath));
        m_ui->passphraseEdit->selectAll();
        m_ui->passphraseEdit->setFocus();
    });
}

UnlockDialog::~UnlockDialog() {
    m_watcher.waitForFinished();
}

QString UnlockDialog::failureText(const Status &failure, const QString &identityPath) {
    const QString file = QDir::toNativeSeparators(identityPath);
    QString details = failure.error().trimmed();
    if (!details.endsWith(QLatin1Char('.'))) {
        details += QLatin1Char('.');
    }
    switch (failure.errorCode()) {
    case ErrorCode::WrongPassphrase:
        return tr("This passphrase does not open the identity. Check it (and Caps Lock) and try "
                  "again.");
    case ErrorCode::NotFound:
        return tr("The identity file %1 is missing. Restore it from a backup, or start Orion "
                  "with another profile.")
            .arg(file);
    case ErrorCode::Corrupt:
    case ErrorCode::Unsupported:
        return tr("The identity file %1 is damaged or not an Orion identity, so no passphrase "
                  "can open it. Restore it from a backup. Details: %2")
            .arg(file, details);
    default:
        return tr("The identity file %1 could not be opened. Details: %2").arg(file, details);
    }
}

void UnlockDialog::showMessage(const QString &text) {
    m_ui->messageLabel->setText(text);
    m_ui->messageLabel->setVisible(!text.isEmpty());
    // Let the layout's minimum (with the wrapped label's height) take effect at once.
    adjustSize();
}

void UnlockDialog::accept() {
    if (m_watcher.isRunning()) {
        return;
    }
    QByteArray typed = m_ui->passphraseEdit->text().toUtf8();
    m_passphrase = crypto::SecureBuffer::fromBytes(typed);
    crypto::wipe(typed.data(), size_t(typed.size()));
    m_ui->progressBar->setVisible(true);
    showMessage(tr("Unlocking…"));
    m_ui->passphraseEdit->setEnabled(false);
    m_ui->buttons->button(QDialogButtonBox::Ok)->setEnabled(false);
    auto secret = std::make_shared<crypto::SecureBuffer>(m_passphrase.clone());
    const QString path = m_identityPath;
    m_watcher.setFuture(QtConcurrent::run([path, secret]() -> Status {
        const auto loaded = identity::NodeIdentity::load(path, secret->view());
        return loaded ? Status::success() : Status::failure(loaded.errorValue());
    }));
}

} // namespace orion::app::windows
