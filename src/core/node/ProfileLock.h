// SPDX-License-Identifier: GPL-3.0-or-later
// ProfileLock: the lock file that gives one node exclusive use of a profile while it lives;
// a lock left by a dead process is taken over. Owned by the node; its creating thread.
#pragma once

#include "node/Profile.h"
#include "util/Result.h"

#include <memory>

namespace orion::node {

class HeldLockFile;

class ProfileLock {
public:
    // Fails at once (no waiting) when a live process holds the profile, naming it. A node
    // takes its profile this way, so a second node on one profile is refused even inside
    // the same process.
    static Result<std::unique_ptr<ProfileLock>> acquire(const Profile &profile);
    // For a short write to the profile's files (profile setup, passphrase change): joins
    // the lock when this process holds it already (the desktop app, whose node keeps its
    // profile for as long as it runs), otherwise acquires it like acquire(). The lock file
    // is released when its last holder in this process lets go.
    static Result<std::unique_ptr<ProfileLock>> acquireForWrite(const Profile &profile);

    struct Token {
        explicit Token() = default;
    };
    // Use acquire(); public only so std::make_unique can construct it.
    ProfileLock(HeldLockFile *held, Token);
    ~ProfileLock();
    ProfileLock(const ProfileLock &) = delete;
    ProfileLock &operator=(const ProfileLock &) = delete;

    const QString &path() const;

private:
    HeldLockFile *m_held;
};

} // namespace orion::node
