// SPDX-License-Identifier: GPL-3.0-or-later
#include "node/ProfileLock.h"

#include "identity/IdentityLog.h"

namespace orion::node {

ProfileLock::ProfileLock(const QString &path, Token)
    : m_path(path)
    , m_lock(path) {
    // A running node may hold its profile for weeks: only a dead owner makes a lock stale
    // (QLockFile checks whether the recorded process still runs on this host).
    m_lock.setStaleLockTime(0);
}

ProfileLock::~ProfileLock() {
    m_lock.unlock();
}

Result<std::unique_ptr<ProfileLock>> ProfileLock::acquire(const Profile &profile) {
    using R = Result<std::unique_ptr<ProfileLock>>;
    if (auto created = profile.create(); !created) {
        return R::failure(created.error());
    }
    auto lock = std::make_unique<ProfileLock>(profile.lockPath(), Token{});
    if (lock->m_lock.tryLock(0)) {
        return lock;
    }
    if (lock->m_lock.error() == QLockFile::LockFailedError) {
        qint64 pid = 0;
        QString host, app;
        if (lock->m_lock.getLockInfo(&pid, &host, &app)) {
            return R::failure(
                QStringLiteral("the profile %1 is in use by %2 (PID %3 on %4)")
                    .arg(profile.directory(), app.isEmpty() ? QStringLiteral("another node") : app)
                    .arg(pid)
                    .arg(host));
        }
        return R::failure(
            QStringLiteral("the profile %1 is in use by another process").arg(profile.directory()));
    }
    return R::failure(QStringLiteral("cannot create the lock file %1").arg(profile.lockPath()));
}

} // namespace orion::node
