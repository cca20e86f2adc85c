// SPDX-License-Identifier: GPL-3.0-or-later
#include "node/ProfileSetup.h"

#include "identity/MemberFile.h"
#include "node/BootstrapList.h"
#include "node/MemberAddress.h"
#include "node/MemberExport.h"
#include "node/ProfileLock.h"
#include "node/Settings.h"
#include "node/SettingsKeys.h"
#include "util/AtomicFile.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>

#include <vector>

namespace orion::node {

namespace {

// The files a setup may touch, as they were before it: rollback() writes each back
// (atomically, with its old mode) or removes it, in the reverse order of writing.
class FileRollback {
public:
    Status remember(const QString &path) {
        Before before{path, QFileInfo::exists(path), {}, {}};
        if (before.existed) {
            QFile file(path);
            if (!file.open(QIODevice::ReadOnly)) {
                return Status::failure(
                    QStringLiteral("cannot read %1: %2").arg(path, file.errorString()));
            }
            before.bytes = file.readAll();
            before.permissions = file.permissions();
        }
        m_files.push_back(std::move(before));
        return Status::success();
    }

    void rollback() {
        for (auto it = m_files.rbegin(); it != m_files.rend(); ++it) {
            if (!it->existed) {
                QFile::remove(it->path);
                continue;
            }
            const bool readable =
                it->permissions & (QFileDevice::ReadGroup | QFileDevice::ReadOther);
            (void)util::AtomicFile::write(it->path, it->bytes,
                                          readable ? util::AtomicFile::Access::Readable
                                                   : util::AtomicFile::Access::OwnerOnly);
        }
        m_files.clear();
    }

private:
    struct Before {
        QString path;
        bool existed = false;
        QByteArray bytes;
        QFileDevice::Permissions permissions;
    };
    std::vector<Before> m_files;
};

Status checkPlan(const ProfileSetup::Plan &plan) {
    if (plan.identity.isNull()) {
        return Status::failure(QStringLiteral("there is no identity to write"));
    }
    if (plan.networkKey.isNull()) {
        return Status::failure(QStringLiteral("there is no network key to write"));
    }
    if (plan.passphrase.isEmpty() && !plan.keys.unencrypted) {
        return Status::failure(QStringLiteral("the keys need a passphrase (or an explicit "
                                              "choice to store them unencrypted)"));
    }
    if (plan.firstPeer) {
        if (const Status ok = plan.firstPeer->verifyForNetwork(plan.networkKey.networkId()); !ok) {
            return ok;
        }
    }
    return Status::success();
}

Status refuseExisting(const Profile &profile) {
    if (profile.hasIdentity()) {
        return Status::failure(ErrorCode::AlreadyExists,
                               QStringLiteral("this profile already has an identity (%1); it "
                                              "is never replaced without confirmation")
                                   .arg(profile.identityPath()));
    }
    if (QFileInfo::exists(profile.networkKeyPath())) {
        return Status::failure(ErrorCode::AlreadyExists,
                               QStringLiteral("this profile already holds a network key (%1); "
                                              "it is never replaced without confirmation")
                                   .arg(profile.networkKeyPath()));
    }
    return Status::success();
}

// The steps after the lock is held and the old files are remembered.
Status writeFiles(const Profile &profile, const ProfileSetup::Plan &plan, const QString &peerPath) {
    identity::SaveOptions options = plan.keys;
    options.replaceExisting = plan.replaceExisting;
    const QByteArrayView passphrase = plan.passphrase.view();
    if (const Status saved = plan.networkKey.save(profile.networkKeyPath(), passphrase, options);
        !saved) {
        return Status::failure(
            QStringLiteral("cannot save the network key: %1").arg(saved.error()));
    }
    if (plan.firstPeer) {
        if (const Status saved =
                BootstrapList::add(profile, *plan.firstPeer, plan.networkKey.networkId());
            !saved) {
            return Status::failure(QStringLiteral("cannot save the peer's member file %1: %2")
                                       .arg(peerPath, saved.error()));
        }
    }
    Settings settings(profile);
    settings.setPort(plan.port);
    settings.setAddresses(plan.addresses);
    if (!plan.listenAddress.isEmpty()) {
        settings.setText(keys::kListenAddress, plan.listenAddress);
    }
    if (const Status synced = settings.sync(); !synced) {
        return synced;
    }
    // A member file nobody can dial is worse than none: it imports and never connects.
    const auto addresses = MemberAddress::choose(
        plan.addresses, plan.listenAddress.isEmpty() ? QHostAddress(QHostAddress::Any)
                                                     : QHostAddress(plan.listenAddress));
    if (addresses && plan.port != 0) {
        const identity::MemberRecord self = MemberExport::sign(
            plan.identity, plan.networkKey.networkId(), addresses->addresses, plan.port);
        if (const Status written = identity::MemberFile::write(profile.memberFilePath(), self);
            !written) {
            return written;
        }
    }
    if (const Status saved = plan.identity.save(profile.identityPath(), passphrase, options);
        !saved) {
        return Status::failure(QStringLiteral("cannot save the identity: %1").arg(saved.error()));
    }
    if (!plan.backupPath.isEmpty()) {
        QFile identityFile(profile.identityPath());
        if (!identityFile.open(QIODevice::ReadOnly)) {
            return Status::failure(
                QStringLiteral("cannot read %1 back for the backup").arg(profile.identityPath()));
        }
        if (const Status copied = util::AtomicFile::write(plan.backupPath, identityFile.readAll());
            !copied) {
            return Status::failure(QStringLiteral("cannot write the identity backup to %1: %2")
                                       .arg(plan.backupPath, copied.error()));
        }
    }
    return Status::success();
}

} // namespace

bool ProfileSetup::isSetUp(const Profile &profile) {
    return profile.hasIdentity() || QFileInfo::exists(profile.networkKeyPath());
}

Status ProfileSetup::create(const Profile &profile, const Plan &plan) {
    if (const Status ok = checkPlan(plan); !ok) {
        return ok;
    }
    // Folders the lock and the steps may create, removed again on failure when new.
    const QString peersDir = BootstrapList::directory(profile);
    const QStringList folders{peersDir, profile.containersDirectory(), profile.directory()};
    QList<bool> existed;
    for (const QString &folder : folders) {
        existed << QFileInfo(folder).isDir();
    }
    auto removeNewFolders = [&]() {
        for (qsizetype i = 0; i < folders.size(); ++i) {
            if (!existed[i]) {
                QDir().rmdir(folders[i]); // only when empty: nothing else is lost
            }
        }
    };

    Status result = Status::success();
    {
        auto lock = ProfileLock::acquireForWrite(profile);
        if (!lock) {
            removeNewFolders();
            return Status(lock.errorValue());
        }
        if (!plan.replaceExisting) {
            result = refuseExisting(profile);
        }
        const QString peerPath =
            plan.firstPeer
                ? QDir(peersDir).filePath(plan.firstPeer->nodeId.toHex() + QStringLiteral(".json"))
                : QString();
        FileRollback rollback;
        QStringList touched{profile.networkKeyPath(), profile.settingsPath(),
                            profile.memberFilePath(), profile.identityPath()};
        if (!peerPath.isEmpty()) {
            touched << peerPath;
        }
        if (!plan.backupPath.isEmpty()) {
            touched << plan.backupPath;
        }
        for (const QString &path : touched) {
            if (result) {
                result = rollback.remember(path);
            }
        }
        if (result) {
            result = writeFiles(profile, plan, peerPath);
            if (!result) {
                rollback.rollback();
            }
        }
    } // the lock is released here, so its file is gone before the folders are removed
    if (!result) {
        removeNewFolders();
    }
    return result;
}

Result<identity::NodeIdentity> ProfileSetup::importIdentity(const QString &keyFile,
                                                            QByteArrayView passphrase) {
    using R = Result<identity::NodeIdentity>;
    if (auto pub = identity::NodeIdentity::readPublic(keyFile); !pub) {
        return R::failure(
            QStringLiteral("this is not a usable identity file: %1").arg(pub.error()));
    }
    return identity::NodeIdentity::load(keyFile, passphrase);
}

} // namespace orion::node
