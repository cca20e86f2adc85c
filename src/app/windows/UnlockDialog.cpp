// SPDX-License-Identifier: GPL-3.0-or-later
#include "windows/UnlockDialog.h"

#include "desktop/Icons.h"
#include "identity/NodeIdentity.h"
#include "ui_UnlockDialog.h"

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
    m_ui->progressBar->setRange(0, 1);
    m_ui->progressBar->setValue(0);
    connect(m_ui->buttons, &QDialogButtonBox::accepted, this, &UnlockDialog::accept);
    connect(&m_watcher, &QFutureWatcher<Status>::finished, this, [this]() {
        const Status opened = m_watcher.result();
        m_ui->progressBar->setRange(0, 1);
        m_ui->passphraseEdit->setEnabled(true);
        m_ui->buttons->button(QDialogButtonBox::Ok)->setEnabled(true);
        if (opened) {
            QDialog::accept();
            return;
        }
        m_passphrase = {};
        m_ui->messageLabel->setText(tr("The identity could not be opened: %1").arg(opened.error()));
        m_ui->passphraseEdit->selectAll();
        m_ui->passphraseEdit->setFocus();
    });
}

UnlockDialog::~UnlockDialog() {
    m_watcher.waitForFinished();
}

void UnlockDialog::accept() {
    if (m_watcher.isRunning()) {
        return;
    }
    QByteArray typed = m_ui->passphraseEdit->text().toUtf8();
    m_passphrase = crypto::SecureBuffer::fromBytes(typed);
    crypto::wipe(typed.data(), size_t(typed.size()));
    m_ui->progressBar->setRange(0, 0);
    m_ui->messageLabel->setText(tr("Unlocking…"));
    m_ui->passphraseEdit->setEnabled(false);
    m_ui->buttons->button(QDialogButtonBox::Ok)->setEnabled(false);
    auto secret = std::make_shared<crypto::SecureBuffer>(m_passphrase.clone());
    const QString path = m_identityPath;
    m_watcher.setFuture(QtConcurrent::run([path, secret]() -> Status {
        const auto loaded = identity::NodeIdentity::load(path, secret->view());
        return loaded ? Status::success() : Status::failure(loaded.error());
    }));
}

} // namespace orion::app::windows
