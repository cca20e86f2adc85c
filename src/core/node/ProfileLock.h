// SPDX-License-Identifier: GPL-3.0-or-later
// ProfileLock: the lock file that gives one node exclusive use of a profile while it lives;
// a lock left by a dead process is taken over. Owned by the node; its creating thread.
#pragma once

#include "node/Profile.h"
#include "util/Result.h"

#include <QLockFile>

#include <memory>

namespace orion::node {

class ProfileLock {
public:
    // Fails at once (no waiting) when a live process holds the profile, naming it.
    static Result<std::unique_ptr<ProfileLock>> acquire(const Profile &profile);

    struct Token {
        explicit Token() = default;
    };
    // Use acquire(); public only so std::make_unique can construct it.
    ProfileLock(const QString &path, Token);
    ~ProfileLock();
    ProfileLock(const ProfileLock &) = delete;
    ProfileLock &operator=(const ProfileLock &) = delete;

    const QString &path() const { return m_path; }

private:
    QString m_path;
    QLockFile m_lock;
};

} // namespace orion::node
