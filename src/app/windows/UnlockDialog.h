// SPDX-License-Identifier: GPL-3.0-or-later
// UnlockDialog: asks for the passphrase at start and proves it opens the identity (Argon2id
// on the thread pool, the window stays responsive) before the node starts. GUI thread.
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

private:
    std::unique_ptr<Ui::UnlockDialog> m_ui;
    QString m_identityPath;
    crypto::SecureBuffer m_passphrase;
    QFutureWatcher<Status> m_watcher;
};

} // namespace orion::app::windows
