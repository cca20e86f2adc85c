// SPDX-License-Identifier: GPL-3.0-or-later
// KeychainPassphraseStore: a PassphraseStore in the desktop's keyring (a Secret Service such as
// GNOME Keyring, or KWallet) through qtkeychain, never in a plain file. Without qtkeychain in
// the build, or without a keyring in the session, it says why and stores nothing. GUI thread.
#pragma once

#include "desktop/PassphraseStore.h"

namespace orion::app::desktop {

class KeychainPassphraseStore : public PassphraseStore {
    Q_OBJECT

public:
    // The keyring's "service" the entries are filed under.
    static constexpr const char *kService = "org.orion.Orion";

    explicit KeychainPassphraseStore(QObject *parent = nullptr);
    ~KeychainPassphraseStore() override;

    QString unavailableReason() const override;
    void read(const QString &account, QObject *context, ReadDone done) override;
    void write(const QString &account, const crypto::SecureBuffer &passphrase, QObject *context,
               Done done) override;
    void remove(const QString &account, QObject *context, Done done) override;

private:
    mutable bool m_checked = false;
    mutable QString m_unavailable;
};

} // namespace orion::app::desktop
