// SPDX-License-Identifier: GPL-3.0-or-later
// ChangePassphraseDialog: re-encrypts the profile's identity and network key under a new
// passphrase (or removes it), after proving the current one; the Argon2id work runs on the
// thread pool. GUI thread.
#pragma once

#include "util/Result.h"

#include <QDialog>
#include <QFutureWatcher>

#include <memory>

namespace Ui {
class ChangePassphraseDialog;
}

namespace orion::app::windows {

class ChangePassphraseDialog : public QDialog {
    Q_OBJECT

public:
    explicit ChangePassphraseDialog(const QString &profileDir, QWidget *parent = nullptr);
    ~ChangePassphraseDialog() override;

    QString resultMessage() const { return m_result; }

    // The work itself, usable without the dialog: an empty `next` removes the passphrase.
    static Status change(const QString &profileDir, const QByteArray &current,
                         const QByteArray &next);

    void accept() override;

private:
    void updateControls();

    std::unique_ptr<Ui::ChangePassphraseDialog> m_ui;
    QString m_profileDir;
    QString m_result;
    QFutureWatcher<Status> m_watcher;
};

} // namespace orion::app::windows
