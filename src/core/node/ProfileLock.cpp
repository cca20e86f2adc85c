// SPDX-License-Identifier: GPL-3.0-or-later
#include "node/ProfileLock.h"

#include <QHash>
#include <QLockFile>
#include <QMutex>
#include <QMutexLocker>

namespace orion::node {

// One locked QLockFile per profile and process, shared by the ProfileLocks that hold it.
class HeldLockFile {
public:
    explicit HeldLockFile(const QString &path)
        : m_path(path)
        , m_lock(path) {
        // A running node may hold its profile for weeks: only a dead owner makes a lock
        // stale (QLockFile checks whether the recorded process still runs on this host).
        m_lock.setStaleLockTime(0);
    }

    QString m_path;
    QLockFile m_lock;
    int m_users = 0;
};

namespace {

// The profiles this process holds. A lock belongs to the process (the lock file names its
// PID), so this table is the process's own view of those files, not node state: it only
// lets a short write join a lock its own node holds instead of being refused by it.
struct HeldLocks {
    QMutex mutex;
    QHash<QString, HeldLockFile *> byPath;
};

HeldLocks &heldLocks() {
    static HeldLocks locks;
    return locks;
}

Result<std::unique_ptr<ProfileLock>> lockNow(const Profile &profile, HeldLocks &locks) {
    using R = Result<std::unique_ptr<ProfileLock>>;
    if (auto created = profile.create(); !created) {
        return R::failure(created.error());
    }
    auto held = std::make_unique<HeldLockFile>(profile.lockPath());
    if (held->m_lock.tryLock(0)) {
        HeldLockFile *raw = held.release();
        locks.byPath.insert(raw->m_path, raw);
        raw->m_users = 1;
        return std::make_unique<ProfileLock>(raw, ProfileLock::Token{});
    }
    if (held->m_lock.error() == QLockFile::LockFailedError) {
        qint64 pid = 0;
        QString host, app;
        if (held->m_lock.getLockInfo(&pid, &host, &app)) {
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

} // namespace

ProfileLock::ProfileLock(HeldLockFile *held, Token)
    : m_held(held) {}

ProfileLock::~ProfileLock() {
    HeldLocks &locks = heldLocks();
    const QMutexLocker guard(&locks.mutex);
    if (--m_held->m_users == 0) {
        m_held->m_lock.unlock();
        locks.byPath.remove(m_held->m_path);
        delete m_held;
    }
}

const QString &ProfileLock::path() const {
    return m_held->m_path;
}

Result<std::unique_ptr<ProfileLock>> ProfileLock::acquire(const Profile &profile) {
    HeldLocks &locks = heldLocks();
    const QMutexLocker guard(&locks.mutex);
    // Held in this process already: the lock file is locked and a second QLockFile on it
    // fails like any other process would, naming this process.
    return lockNow(profile, locks);
}

Result<std::unique_ptr<ProfileLock>> ProfileLock::acquireForWrite(const Profile &profile) {
    HeldLocks &locks = heldLocks();
    const QMutexLocker guard(&locks.mutex);
    if (HeldLockFile *held = locks.byPath.value(profile.lockPath())) {
        ++held->m_users;
        return std::make_unique<ProfileLock>(held, Token{});
    }
    return lockNow(profile, locks);
}

} // namespace orion::node
