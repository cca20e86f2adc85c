// SPDX-License-Identifier: GPL-3.0-or-later
#include "windows/UnlockDialog.h"

#include "desktop/Icons.h"
#include "desktop/PassphraseStore.h"
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
    setPassphraseStore(nullptr, QString(), false);
    connect(m_ui->buttons, &QDialogButtonBox::accepted, this, &UnlockDialog::accept);
    connect(&m_watcher, &QFutureWatcher<Status>::finished, this,
            [this]() { unlocked(m_watcher.result()); });
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

void UnlockDialog::setPassphraseStore(desktop::PassphraseStore *store, const QString &account,
                                      bool remembered) {
    m_store = store;
    m_account = account;
    m_remembered = remembered;
    const QString reason = store ? store->unavailableReason()
                                 : tr("This build of Orion has no keyring support (qtkeychain).");
    m_ui->rememberCheck->setEnabled(reason.isEmpty());
    m_ui->rememberCheck->setChecked(reason.isEmpty() && remembered);
    m_ui->rememberCheck->setToolTip(
        reason.isEmpty() ? tr("Orion keeps the passphrase in your desktop's keyring and unlocks "
                              "at start without asking. Anyone who can open your keyring can "
                              "then start this node.")
                         : tr("Not available: %1").arg(reason));
}

bool UnlockDialog::tryStoredPassphrase() {
    if (!m_store || !m_remembered || !m_store->isAvailable() || m_watcher.isRunning()) {
        return false;
    }
    setBusy(true);
    showMessage(tr("Unlocking with the passphrase from your keyring…"));
    m_store->read(
        m_account, this,
        [this](const std::shared_ptr<const crypto::SecureBuffer> &passphrase, const Status &read) {
            if (!read) {
                setBusy(false);
                showMessage(tr("The passphrase could not be read from your desktop's "
                               "keyring: %1 Enter it below.")
                                .arg(read.error()));
                Q_EMIT storedAttemptFinished(false);
                return;
            }
            unlock(passphrase->clone(), true);
        });
    return true;
}

void UnlockDialog::setBusy(bool busy) {
    m_ui->progressBar->setVisible(busy);
    m_ui->passphraseEdit->setEnabled(!busy);
    m_ui->rememberCheck->setEnabled(!busy && m_store && m_store->isAvailable());
    m_ui->buttons->button(QDialogButtonBox::Ok)->setEnabled(!busy);
}

void UnlockDialog::accept() {
    if (m_watcher.isRunning() || !m_ui->passphraseEdit->isEnabled()) {
        return;
    }
    QByteArray typed = m_ui->passphraseEdit->text().toUtf8();
    crypto::SecureBuffer passphrase = crypto::SecureBuffer::fromBytes(typed);
    crypto::wipe(typed.data(), size_t(typed.size()));
    showMessage(tr("Unlocking…"));
    unlock(std::move(passphrase), false);
}

void UnlockDialog::unlock(crypto::SecureBuffer passphrase, bool fromStore) {
    m_passphrase = std::move(passphrase);
    m_fromStore = fromStore;
    setBusy(true);
    auto secret = std::make_shared<crypto::SecureBuffer>(m_passphrase.clone());
    const QString path = m_identityPath;
    m_watcher.setFuture(QtConcurrent::run([path, secret]() -> Status {
        const auto loaded = identity::NodeIdentity::load(path, secret->view());
        return loaded ? Status::success() : Status::failure(loaded.errorValue());
    }));
}

void UnlockDialog::unlocked(const Status &opened) {
    setBusy(false);
    if (opened && m_fromStore) {
        QDialog::accept();
        Q_EMIT storedAttemptFinished(true);
        return;
    }
    if (opened) {
        finishWithKeyring();
        return;
    }
    m_passphrase = {};
    if (m_fromStore && opened.errorCode() == ErrorCode::WrongPassphrase) {
        showMessage(tr("The passphrase stored in your desktop's keyring does not open the "
                       "identity (was the passphrase changed?). Enter it below; with "
                       "“Remember” on, the keyring keeps the new one."));
    } else {
        showMessage(failureText(opened, m_identityPath));
    }
    m_ui->passphraseEdit->selectAll();
    m_ui->passphraseEdit->setFocus();
    if (m_fromStore) {
        m_fromStore = false;
        Q_EMIT storedAttemptFinished(false);
    }
}

void UnlockDialog::finishWithKeyring() {
    const bool wanted = m_ui->rememberCheck->isEnabled() && m_ui->rememberCheck->isChecked();
    if (!m_store || !m_store->isAvailable() || (!wanted && !m_remembered)) {
        m_remembered = false;
        QDialog::accept();
        return;
    }
    setBusy(true);
    const auto done = [this, wanted](const Status &result) {
        setBusy(false);
        m_keyringResult = result;
        // A keyring that refused the passphrase leaves it not remembered; one that could not
        // delete it still holds it, and the next start will find it.
        m_remembered = wanted ? result.ok() : !result.ok();
        QDialog::accept();
    };
    if (wanted) {
        showMessage(tr("Storing the passphrase in your desktop's keyring…"));
        m_store->write(m_account, m_passphrase, this, done);
    } else {
        showMessage(tr("Removing the passphrase from your desktop's keyring…"));
        m_store->remove(m_account, this, done);
    }
}

} // namespace orion::app::windows
