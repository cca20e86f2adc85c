// SPDX-License-Identifier: GPL-3.0-or-later
// PassphraseChange: both key files re-sealed; a wrong current passphrase (on either file)
// leaves every byte as it was; an interrupted change is finished by running it again; the
// files keep their Argon2id limits unless told otherwise; the lock rule.
#include "identity/NetworkKey.h"
#include "identity/NodeIdentity.h"
#include "identity/SealedKeyFile.h"
#include "node/PassphraseChange.h"
#include "node/ProfileLock.h"
#include "node/ProfileSetup.h"

#include <QTemporaryDir>
#include <QtTest>

using namespace orion;
using namespace orion::node;

namespace {

const QByteArray kOld = "old passphrase";
const QByteArray kNew = "new passphrase";

Profile setUp(const QTemporaryDir &tmp) {
    const Profile profile(tmp.filePath(QStringLiteral("p")));
    ProfileSetup::Plan p;
    p.identity = identity::NodeIdentity::generate();
    p.networkKey = identity::NetworkKey::generate();
    p.passphrase = crypto::SecureBuffer::fromBytes(kOld);
    p.keys.limits = crypto::Argon2id::Limits::minimum();
    p.port = 7411;
    if (!ProfileSetup::create(profile, p)) {
        qFatal("profile setup failed");
    }
    return profile;
}

QByteArray bytesOf(const QString &path) {
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

bool opens(const Profile &profile, QByteArrayView passphrase) {
    return identity::NodeIdentity::load(profile.identityPath(), passphrase).ok() &&
           identity::NetworkKey::load(profile.networkKeyPath(), passphrase).ok();
}

crypto::Argon2id::Limits limitsOf(const QString &path, const char *format) {
    return identity::SealedKeyFile::read(path, QLatin1String(format))->limits();
}

} // namespace

class TestPassphraseChange : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void changesBothKeyFiles() {
        QTemporaryDir tmp;
        const Profile profile = setUp(tmp);
        const auto id = identity::NodeIdentity::readPublic(profile.identityPath())->nodeId;
        const Status changed = PassphraseChange::run(profile, kOld, kNew, {});
        QVERIFY2(changed.ok(), qPrintable(changed.ok() ? QString() : changed.error()));
        QVERIFY(opens(profile, kNew));
        QVERIFY(!identity::NodeIdentity::load(profile.identityPath(), kOld).ok());
        QVERIFY(!identity::NetworkKey::load(profile.networkKeyPath(), kOld).ok());
        QCOMPARE(identity::NodeIdentity::readPublic(profile.identityPath())->nodeId, id);
        // No limits given: each file keeps those it was written with.
        QVERIFY(limitsOf(profile.identityPath(), "orion-identity") ==
                crypto::Argon2id::Limits::minimum());
        QVERIFY(limitsOf(profile.networkKeyPath(), "orion-network-key") ==
                crypto::Argon2id::Limits::minimum());
        QVERIFY(!QFile::exists(profile.lockPath()));
    }

    void explicitLimitsAreRecorded() {
        QTemporaryDir tmp;
        const Profile profile = setUp(tmp);
        PassphraseChange::Options options;
        options.limits = crypto::Argon2id::Limits::interactive();
        QVERIFY(PassphraseChange::run(profile, kOld, kNew, options).ok());
        QVERIFY(limitsOf(profile.identityPath(), "orion-identity") ==
                crypto::Argon2id::Limits::interactive());
        QVERIFY(limitsOf(profile.networkKeyPath(), "orion-network-key") ==
                crypto::Argon2id::Limits::interactive());
    }

    void aWrongCurrentPassphraseTouchesNothing() {
        QTemporaryDir tmp;
        const Profile profile = setUp(tmp);
        const QByteArray identityBefore = bytesOf(profile.identityPath());
        const QByteArray networkBefore = bytesOf(profile.networkKeyPath());
        const Status wrong = PassphraseChange::run(profile, "not it", kNew, {});
        QVERIFY(!wrong.ok());
        QVERIFY2(wrong.error().contains(QStringLiteral("wrong passphrase")),
                 qPrintable(wrong.error()));
        QCOMPARE(bytesOf(profile.identityPath()), identityBefore);
        QCOMPARE(bytesOf(profile.networkKeyPath()), networkBefore);
        QVERIFY(opens(profile, kOld));
    }

    void aNetworkKeyTheCurrentPassphraseDoesNotOpenStopsBeforeWriting() {
        QTemporaryDir tmp;
        const Profile profile = setUp(tmp);
        // The network key under a third passphrase: the identity opens, the key does not.
        QVERIFY(identity::NetworkKey::changePassphrase(profile.networkKeyPath(), kOld, "third",
                                                       crypto::Argon2id::Limits::minimum())
                    .ok());
        const QByteArray identityBefore = bytesOf(profile.identityPath());
        const QByteArray networkBefore = bytesOf(profile.networkKeyPath());
        QVERIFY(!PassphraseChange::run(profile, kOld, kNew, {}).ok());
        QCOMPARE(bytesOf(profile.identityPath()), identityBefore);
        QCOMPARE(bytesOf(profile.networkKeyPath()), networkBefore);
    }

    void anInterruptedChangeIsFinished() {
        QTemporaryDir tmp;
        const Profile profile = setUp(tmp);
        // As if a change stopped after the network key (the first file written).
        QVERIFY(identity::NetworkKey::changePassphrase(profile.networkKeyPath(), kOld, kNew,
                                                       crypto::Argon2id::Limits::minimum())
                    .ok());
        QVERIFY(PassphraseChange::run(profile, kOld, kNew, {}).ok());
        QVERIFY(opens(profile, kNew));
        // Both under the new one already: the "current" passphrase given is wrong.
        const QByteArray identityBefore = bytesOf(profile.identityPath());
        const Status again = PassphraseChange::run(profile, kOld, kNew, {});
        QVERIFY(!again.ok());
        QVERIFY(again.error().contains(QStringLiteral("wrong passphrase")));
        QVERIFY2(again.errorCode() == ErrorCode::WrongPassphrase, qPrintable(again.error()));
        QCOMPARE(bytesOf(profile.identityPath()), identityBefore);
    }

    void thePassphraseCanBeRemoved() {
        QTemporaryDir tmp;
        const Profile profile = setUp(tmp);
        PassphraseChange::Options options;
        options.removePassphrase = true;
        QVERIFY(PassphraseChange::run(profile, kOld, {}, options).ok());
        QVERIFY(!identity::NodeIdentity::readPublic(profile.identityPath())->encrypted);
        QVERIFY(opens(profile, {}));
        // And put back: an unencrypted file opens with any current passphrase.
        QVERIFY(PassphraseChange::run(profile, {}, kNew, {}).ok());
        QVERIFY(identity::NodeIdentity::readPublic(profile.identityPath())->encrypted);
        QVERIFY(opens(profile, kNew));
        // An empty new passphrase without the explicit choice is refused.
        QVERIFY(!PassphraseChange::run(profile, kNew, {}, {}).ok());
        QVERIFY(opens(profile, kNew));
    }

    void theLockRule() {
        QTemporaryDir tmp;
        const Profile profile = setUp(tmp);
        {
            // The desktop app's own node holds the profile: the change joins its lock.
            auto nodeLock = ProfileLock::acquire(profile);
            QVERIFY(nodeLock.ok());
            QVERIFY(PassphraseChange::run(profile, kOld, kNew, {}).ok());
            QVERIFY(!ProfileLock::acquire(profile).ok());
        }
        QVERIFY(!QFile::exists(profile.lockPath()));
        QVERIFY(
            !PassphraseChange::run(Profile(tmp.filePath(QStringLiteral("none"))), kNew, kOld, {})
                 .ok());
    }
};

QTEST_GUILESS_MAIN(TestPassphraseChange)
#include "tst_passphrasechange.moc"
