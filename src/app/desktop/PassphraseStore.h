// SPDX-License-Identifier: GPL-3.0-or-later
// PassphraseStore: where "remember the passphrase" keeps it, one entry per profile. The
// desktop's keyring in the app (KeychainPassphraseStore), an in-memory one in tests
// (MemoryPassphraseStore). Calls answer later, on the GUI thread, through `done`, unless
// `context` is gone by then. GUI thread.
#pragma once

#include "crypto/SecureBuffer.h"
#include "util/Result.h"

#include <QObject>
#include <QString>

#include <functional>
#include <memory>

namespace orion::app::desktop {

class PassphraseStore : public QObject {
    Q_OBJECT

public:
    using ReadDone = std::function<void(
        const std::shared_ptr<const crypto::SecureBuffer> &passphrase, const Status &result)>;
    using Done = std::function<void(const Status &result)>;

    explicit PassphraseStore(QObject *parent = nullptr);
    ~PassphraseStore() override;

    // Empty when the store can be used; otherwise why not, as a sentence for the user.
    virtual QString unavailableReason() const = 0;
    bool isAvailable() const { return unavailableReason().isEmpty(); }

    // Reads the entry of `account`; a missing entry fails with ErrorCode::NotFound.
    virtual void read(const QString &account, QObject *context, ReadDone done) = 0;
    virtual void write(const QString &account, const crypto::SecureBuffer &passphrase,
                       QObject *context, Done done) = 0;
    // Deleting an entry that does not exist succeeds.
    virtual void remove(const QString &account, QObject *context, Done done) = 0;

    // The entry's name for a profile: its absolute folder, so profiles never share one.
    static QString accountFor(const QString &profileDir);
};

} // namespace orion::app::desktop
