// SPDX-License-Identifier: GPL-3.0-or-later
// ProfileSetup: one order of files, nothing half-written when a step fails (a new profile
// disappears, a replaced one comes back byte for byte), an identity never replaced without
// confirmation, and the profile lock respected (another process: refused; this process's
// own node: joined).
#include "identity/MemberFile.h"
#include "identity/NetworkKey.h"
#include "identity/NodeIdentity.h"
#include "identity/SealedKeyFile.h"
#include "node/BootstrapList.h"
#include "node/ProfileLock.h"
#include "node/ProfileSetup.h"
#include "node/Settings.h"

#include <QDirIterator>
#include <QProcess>
#include <QSettings>
#include <QSysInfo>
#include <QTemporaryDir>
#include <QtTest>

using namespace orion;
using namespace orion::node;

namespace {

const QByteArray kPassphrase = "correct horse";

ProfileSetup::Plan plan(quint16 port = 7411) {
    ProfileSetup::Plan p;
    p.identity = identity::NodeIdentity::generate();
    p.networkKey = identity::NetworkKey::generate();
    p.passphrase = crypto::SecureBuffer::fromBytes(kPassphrase);
    p.keys.limits = crypto::Argon2id::Limits::minimum();
    p.port = port;
    p.addresses = {QStringLiteral("127.0.0.1")};
    return p;
}

// Every file under `dir` (relative path -> bytes): what "as it was" compares.
QMap<QString, QByteArray> snapshot(const QString &dir) {
    QMap<QString, QByteArray> files;
    QDirIterator it(dir, QDir::Files | QDir::Dirs | QDir::NoDotAndDotDot | QDir::Hidden,
                    QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString path = it.next();
        QFile file(path);
        QByteArray bytes = "<dir>";
        if (QFileInfo(path).isFile() && file.open(QIODevice::ReadOnly)) {
            bytes = file.readAll();
        }
        files.insert(QDir(dir).relativeFilePath(path), bytes);
    }
    return files;
}

identity::MemberRecord memberOf(const identity::NetworkKey &network) {
    const auto peer = identity::NodeIdentity::generate();
    auto record = identity::MemberRecord::create(peer, network.networkId(),
                                                 {QStringLiteral("127.0.0.1")}, 7499);
    record.sign(peer);
    return record;
}

} // namespace

class TestProfileSetup : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void createsEveryFile() {
        QTemporaryDir tmp;
        const Profile profile(tmp.filePath(QStringLiteral("p")));
        ProfileSetup::Plan p = plan();
        const auto nodeId = p.identity.nodeId();
        const QByteArray networkId = p.networkKey.networkId();
        p.firstPeer = memberOf(p.networkKey);
        const QString backup = tmp.filePath(QStringLiteral("backup.key"));
        p.backupPath = backup;
        const Status created = ProfileSetup::create(profile, p);
        QVERIFY2(created.ok(), qPrintable(created.ok() ? QString() : created.error()));

        auto id = identity::NodeIdentity::load(profile.identityPath(), kPassphrase);
        QVERIFY(id.ok());
        QCOMPARE(id->nodeId(), nodeId);
        QCOMPARE(QFile::permissions(profile.identityPath()) & 0x0077, QFileDevice::Permissions());
        auto key = identity::NetworkKey::load(profile.networkKeyPath(), kPassphrase);
        QVERIFY(key.ok());
        QCOMPARE(key->networkId(), networkId);
        // One set of KDF limits: what the plan says, recorded in both files.
        for (const auto &[path, format] :
             {std::pair{profile.identityPath(), "orion-identity"},
              std::pair{profile.networkKeyPath(), "orion-network-key"}}) {
            auto sealed = identity::SealedKeyFile::read(path, QLatin1String(format));
            QVERIFY(sealed.ok());
            QVERIFY(sealed->limits() == crypto::Argon2id::Limits::minimum());
        }
        auto member = identity::MemberFile::read(profile.memberFilePath());
        QVERIFY(member.ok());
        QCOMPARE(member->nodeId, nodeId);
        QCOMPARE(member->networkId, networkId);
        QCOMPARE(member->port, quint16(7411));
        QCOMPARE(BootstrapList::load(profile, networkId).size(), size_t(1));
        const QSettings ini(profile.settingsPath(), QSettings::IniFormat);
        QCOMPARE(ini.value(QStringLiteral("settings/version")).toInt(), Settings::kVersion);
        QCOMPARE(ini.value(QStringLiteral("network/port")).toInt(), 7411);
        QVERIFY(identity::NodeIdentity::load(backup, kPassphrase).ok());
        // The lock was held only while writing.
        QVERIFY(!QFile::exists(profile.lockPath()));
        QVERIFY(ProfileLock::acquire(profile).ok());
    }

    void aFailureMidwayLeavesNoNewProfile() {
        QTemporaryDir tmp;
        const Profile profile(tmp.filePath(QStringLiteral("p")));
        ProfileSetup::Plan p = plan();
        // The last step fails: the backup's folder does not exist.
        p.backupPath = tmp.filePath(QStringLiteral("missing/folder/backup.key"));
        const Status created = ProfileSetup::create(profile, p);
        QVERIFY(!created.ok());
        QVERIFY2(created.error().contains(QStringLiteral("backup")), qPrintable(created.error()));
        QVERIFY(!QFileInfo::exists(profile.directory()));

        // Positive control: the same plan with a usable backup path succeeds.
        p.backupPath = tmp.filePath(QStringLiteral("backup.key"));
        QVERIFY(ProfileSetup::create(profile, p).ok());
        QVERIFY(profile.hasIdentity());
    }

    void aFailureAfterTheNetworkKeyPutsEverythingBack() {
        QTemporaryDir tmp;
        const Profile profile(tmp.filePath(QStringLiteral("p")));
        QVERIFY(profile.create().ok());
        // A plain file where peers/ must go: storing the first peer fails after network.key
        // was written.
        QFile blocker(BootstrapList::directory(profile));
        QVERIFY(blocker.open(QIODevice::WriteOnly));
        blocker.write("not a folder");
        blocker.close();
        const auto before = snapshot(profile.directory());
        ProfileSetup::Plan p = plan();
        p.firstPeer = memberOf(p.networkKey);
        const Status created = ProfileSetup::create(profile, p);
        QVERIFY(!created.ok());
        QVERIFY2(created.error().contains(QStringLiteral("peer")), qPrintable(created.error()));
        QCOMPARE(snapshot(profile.directory()), before);
        QVERIFY(!QFileInfo::exists(profile.networkKeyPath()));
    }

    void neverReplacesAnIdentityWithoutConfirmation() {
        QTemporaryDir tmp;
        const Profile profile(tmp.filePath(QStringLiteral("p")));
        QVERIFY(ProfileSetup::create(profile, plan()).ok());
        const auto before = snapshot(profile.directory());
        const Status again = ProfileSetup::create(profile, plan(7422));
        QVERIFY(!again.ok());
        QVERIFY2(again.error().contains(profile.identityPath()), qPrintable(again.error()));
        QCOMPARE(again.errorCode(), ErrorCode::AlreadyExists);
        QCOMPARE(snapshot(profile.directory()), before);

        // A network key alone (an unfinished setup) is not replaced either.
        const Profile other(tmp.filePath(QStringLiteral("q")));
        QVERIFY(other.create().ok());
        QVERIFY(identity::NetworkKey::generate()
                    .save(other.networkKeyPath(), kPassphrase, plan().keys)
                    .ok());
        const Status refused = ProfileSetup::create(other, plan());
        QVERIFY(!refused.ok());
        QVERIFY(refused.error().contains(other.networkKeyPath()));
        QVERIFY(!other.hasIdentity());
    }

    void aFailedReplacementRestoresTheOldProfile() {
        QTemporaryDir tmp;
        const Profile profile(tmp.filePath(QStringLiteral("p")));
        QVERIFY(ProfileSetup::create(profile, plan()).ok());
        const auto oldId = identity::NodeIdentity::readPublic(profile.identityPath())->nodeId;
        const auto before = snapshot(profile.directory());

        ProfileSetup::Plan replace = plan(7433);
        replace.replaceExisting = true; // confirmed by the user
        replace.backupPath = tmp.filePath(QStringLiteral("missing/backup.key"));
        QVERIFY(!ProfileSetup::create(profile, replace).ok());
        QCOMPARE(snapshot(profile.directory()), before);
        QCOMPARE(identity::NodeIdentity::readPublic(profile.identityPath())->nodeId, oldId);
        QVERIFY(identity::NodeIdentity::load(profile.identityPath(), kPassphrase).ok());

        // Positive control: confirmed and possible, the replacement happens.
        replace.backupPath.clear();
        const auto newId = replace.identity.nodeId();
        QVERIFY(ProfileSetup::create(profile, replace).ok());
        QCOMPARE(identity::NodeIdentity::readPublic(profile.identityPath())->nodeId, newId);
        QCOMPARE(Settings(profile).port(), quint16(7433));
    }

    void refusedWhileAnotherProcessHoldsTheProfile() {
        QTemporaryDir tmp;
        const Profile profile(tmp.filePath(QStringLiteral("p")));
        QVERIFY(profile.create().ok());
        // A live process recorded in the lock file, as a running orion-node would be.
        QProcess holder;
        holder.start(QStringLiteral("sleep"), {QStringLiteral("60")});
        QVERIFY(holder.waitForStarted());
        QFile lock(profile.lockPath());
        QVERIFY(lock.open(QIODevice::WriteOnly));
        lock.write(QByteArray::number(holder.processId()) + "\nsleep\n" +
                   QSysInfo::machineHostName().toUtf8() + "\n");
        lock.close();
        const Status refused = ProfileSetup::create(profile, plan());
        QVERIFY(!refused.ok());
        QVERIFY2(refused.error().contains(QStringLiteral("in use")), qPrintable(refused.error()));
        QVERIFY(refused.error().contains(QString::number(holder.processId())));
        QVERIFY(!profile.hasIdentity());
        QVERIFY(QFile::exists(profile.lockPath()));

        // Positive control: once the holder is gone its lock is stale and taken over.
        holder.kill();
        QVERIFY(holder.waitForFinished());
        QVERIFY(ProfileSetup::create(profile, plan()).ok());
    }

    void joinsTheLockItsOwnProcessHolds() {
        QTemporaryDir tmp;
        const Profile profile(tmp.filePath(QStringLiteral("p")));
        auto nodeLock = ProfileLock::acquire(profile); // as the desktop app's node holds it
        QVERIFY(nodeLock.ok());
        QVERIFY(ProfileSetup::create(profile, plan()).ok());
        // Still held by the node after the write, and still exclusive for nodes.
        QVERIFY(QFile::exists(profile.lockPath()));
        QVERIFY(!ProfileLock::acquire(profile).ok());
        nodeLock.value().reset();
        QVERIFY(!QFile::exists(profile.lockPath()));
    }

    void importOpensOnlyIdentityFiles() {
        QTemporaryDir tmp;
        const auto identity = identity::NodeIdentity::generate();
        const QString file = tmp.filePath(QStringLiteral("id.key"));
        QVERIFY(identity.save(file, kPassphrase, plan().keys).ok());
        auto imported = ProfileSetup::importIdentity(file, kPassphrase);
        QVERIFY(imported.ok());
        QCOMPARE(imported->nodeId(), identity.nodeId());
        auto wrong = ProfileSetup::importIdentity(file, "nope");
        QVERIFY(!wrong.ok());
        QVERIFY(wrong.error().contains(QStringLiteral("wrong passphrase")));
        const QString network = tmp.filePath(QStringLiteral("network.key"));
        QVERIFY(identity::NetworkKey::generate().save(network, kPassphrase, plan().keys).ok());
        auto notIdentity = ProfileSetup::importIdentity(network, kPassphrase);
        QVERIFY(!notIdentity.ok());
        QVERIFY2(notIdentity.error().contains(QStringLiteral("not a usable identity file")),
                 qPrintable(notIdentity.error()));
    }
};

QTEST_GUILESS_MAIN(TestProfileSetup)
#include "tst_profilesetup.moc"
