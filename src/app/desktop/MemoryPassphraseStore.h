// SPDX-License-Identifier: GPL-3.0-or-later
// MemoryPassphraseStore: a PassphraseStore in memory, for tests and the screenshot tour. It
// answers on the next turn of the event loop like a keyring does, and can be told to be
// unavailable or to fail its reads. GUI thread.
#pragma once

#include "desktop/PassphraseStore.h"

#include <QHash>

namespace orion::app::desktop {

class MemoryPassphraseStore : public PassphraseStore {
    Q_OBJECT

public:
    explicit MemoryPassphraseStore(QObject *parent = nullptr);
    ~MemoryPassphraseStore() override;

    QString unavailableReason() const override { return m_unavailable; }
    void read(const QString &account, QObject *context, ReadDone done) override;
    void write(const QString &account, const crypto::SecureBuffer &passphrase, QObject *context,
               Done done) override;
    void remove(const QString &account, QObject *context, Done done) override;

    // Test controls.
    void setUnavailableReason(const QString &reason) { m_unavailable = reason; }
    // A non-empty reason makes every read fail with it.
    void setReadFailure(const QString &reason) { m_readFailure = reason; }
    bool contains(const QString &account) const { return m_entries.contains(account); }
    QByteArray entry(const QString &account) const;
    int writes() const { return m_writes; }

private:
    QString m_unavailable;
    QString m_readFailure;
    QHash<QString, std::shared_ptr<const crypto::SecureBuffer>> m_entries;
    int m_writes = 0;
};

} // namespace orion::app::desktop
