// SPDX-License-Identifier: GPL-3.0-or-later
// UnlockDialog: asks for the passphrase at start and proves it opens the identity (Argon2id
// on the thread pool, the window stays responsive) before the node starts; it grows with its
// message and shows the progress bar only while unlocking. With a PassphraseStore it offers
// to remember the passphrase in the desktop's keyring (off unless chosen), and tries the
// remembered one first, without showing itself; when that fails it says why. GUI thread.
#pragma once

#include "crypto/SecureBuffer.h"
#include "util/Result.h"

#include <QDialog>
#include <QFutureWatcher>

#include <memory>

namespace Ui {
class UnlockDialog;
}

namespace orion::app::desktop {
class PassphraseStore;
}

namespace orion::app::windows {

class UnlockDialog : public QDialog {
    Q_OBJECT

public:
    UnlockDialog(const QString &identityPath, const QString &profileName,
                 QWidget *parent = nullptr);
    ~UnlockDialog() override;

    // The passphrase that opened the identity (valid after accept).
    crypto::SecureBuffer takePassphrase() { return std::move(m_passphrase); }

    void accept() override;

    // Offers "remember" for the entry `account` of `store` (null: this build has none). The
    // check box is disabled, with the reason as its tool tip, when the store is unavailable;
    // it starts checked when the passphrase is remembered already.
    void setPassphraseStore(desktop::PassphraseStore *store, const QString &account,
                            bool remembered);
    // Unlocks with the remembered passphrase, without showing the dialog; storedAttempt-
    // Finished follows (opened: the dialog is accepted). False when there is nothing to try.
    bool tryStoredPassphrase();
    // After accept: whether the passphrase is remembered now (the keyring took it, or kept it).
    bool rememberPassphrase() const { return m_remembered; }
    // The keyring's answer to the last write or delete, for the status bar (success if none).
    Status keyringResult() const { return m_keyringResult; }

    // What the dialog says when the identity did not open: a full sentence chosen by the
    // failure's code, with the technical reason only where it helps (damaged files).
    static QString failureText(const Status &failure, const QString &identityPath);

Q_SIGNALS:
    void storedAttemptFinished(bool opened);

private:
    void showMessage(const QString &text);
    void unlock(crypto::SecureBuffer passphrase, bool fromStore);
    void unlocked(const Status &opened);
    // Updates the keyring to the check box's choice, then accepts.
    void finishWithKeyring();
    void setBusy(bool busy);

    std::unique_ptr<Ui::UnlockDialog> m_ui;
    QString m_identityPath;
    crypto::SecureBuffer m_passphrase;
    QFutureWatcher<Status> m_watcher;
    desktop::PassphraseStore *m_store = nullptr;
    QString m_account;
    bool m_remembered = false;
    bool m_fromStore = false;
    Status m_keyringResult;
};

} // namespace orion::app::windows
