// SPDX-License-Identifier: GPL-3.0-or-later
// UnlockDialog: asks for the passphrase at start and proves it opens the identity (Argon2id
// on the thread pool, the window stays responsive) before the node starts; it grows with its
// message and shows the progress bar only while unlocking. GUI thread.
#pragma once

#include "crypto/SecureBuffer.h"
#include "util/Result.h"

#include <QDialog>
#include <QFutureWatcher>

#include <memory>

namespace Ui {
class UnlockDialog;
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

    // What the dialog says when the identity did not open: a full sentence chosen by the
    // failure's code, with the technical reason only where it helps (damaged files).
    static QString failureText(const Status &failure, const QString &identityPath);

private:
    void showMessage(const QString &text);

    std::unique_ptr<Ui::UnlockDialog> m_ui;
    QString m_identityPath;
    crypto::SecureBuffer m_passphrase;
    QFutureWatcher<Status> m_watcher;
};

} // namespace orion::app::windows
