// SPDX-License-Identifier: GPL-3.0-or-later
#include "crypto/Argon2id.h"
#include "crypto/Blake2b.h"
#include "identity/NodeIdentity.h"
#include "identity/SealedKeyFile.h"
#include "util/AtomicFile.h"

#include <QtTest>

#include <QDir>
#include <QDirIterator>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMap>
#include <QTemporaryDir>

using namespace orion;
using namespace orion::identity;
using crypto::Argon2id;

namespace {

SaveOptions cheap() {
    SaveOptions options;
    options.limits = Argon2id::Limits::minimum();
    return options;
}

// Every file under a directory with its exact bytes and permissions.
QMap<QString, QByteArray> snapshot(const QString &dir) {
    QMap<QString, QByteArray> files;
    QDirIterator it(dir, QDir::Files | QDir::Hidden | QDir::System, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString path = it.next();
        QFile f(path);
        f.open(QIODevice::ReadOnly);
        files.insert(path, f.readAll() + "|perm=" + QByteArray::number(int(f.permissions())));
    }
    return files;
}

QByteArray readAll(const QString &path) {
    QFile f(path);
    f.open(QIODevice::ReadOnly);
    return f.readAll();
}

void writeAll(const QString &path, const QByteArray &bytes) {
    QFile f(path);
    QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
    f.write(bytes);
}

} // namespace

class TestNodeIdentity : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString path(const QString &name) const { return m_dir.filePath(name); }

private Q_SLOTS:
    void nodeIdIsHashOfPublicKey() {
        const NodeIdentity id = NodeIdentity::generate();
        QVERIFY(!id.isNull());
        QCOMPARE(id.nodeId().toBytes(), crypto::Blake2b::hash160(id.publicKey()));
        auto fixed = NodeIdentity::fromSeed(QByteArray::fromHex(
            "9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60"));
        QVERIFY(fixed.ok());
        QCOMPARE(fixed->nodeId().toHex(),
                 QStringLiteral("1b3517cf5af0ac86b8efe88452908c45f5c7e079"));
        const QByteArray sig = fixed->sign("m");
        QVERIFY(crypto::Ed25519::verify(fixed->publicKey(), "m", sig));
        QCOMPARE(fixed->clone().nodeId(), fixed->nodeId());
    }

    void saveAndLoad() {
        const NodeIdentity id = NodeIdentity::generate();
        const QString file = path("roundtrip.key");
        QVERIFY(id.save(file, "pass phrase", cheap()).ok());
        QCOMPARE(QFile::permissions(file), QFileDevice::ReadOwner | QFileDevice::WriteOwner |
                                               QFileDevice::ReadUser | QFileDevice::WriteUser);
        auto loaded = NodeIdentity::load(file, "pass phrase");
        QVERIFY2(loaded.ok(), qPrintable(loaded.ok() ? QString() : loaded.error()));
        QCOMPARE(loaded->publicKey(), id.publicKey());
        QCOMPARE(loaded->nodeId(), id.nodeId());
        QVERIFY(loaded->keyPair().secretKey().equals(id.keyPair().secretKey()));

        auto pub = NodeIdentity::readPublic(file);
        QVERIFY(pub.ok());
        QCOMPARE(pub->nodeId, id.nodeId());
        QCOMPARE(pub->publicKey, id.publicKey());
        QVERIFY(pub->encrypted);

        // The file holds no secret in clear: neither the seed nor its hex appears.
        const QByteArray bytes = readAll(file);
        const QByteArray seed = id.keyPair().seed().view().toByteArray();
        QVERIFY(!bytes.contains(seed));
        QVERIFY(!bytes.contains(seed.toHex()));
        const QJsonObject o = QJsonDocument::fromJson(bytes).object();
        QCOMPARE(o.value("format").toString(), QStringLiteral("orion-identity"));
        QCOMPARE(o.value("version").toInt(), 1);
        QCOMPARE(o.value("algorithm").toString(), QStringLiteral("ed25519"));
        QCOMPARE(o.value("node_id").toString(), id.nodeId().toHex());
        const QJsonObject p = o.value("protection").toObject();
        QCOMPARE(p.value("kdf").toString(), QStringLiteral("argon2id13"));
        QCOMPARE(p.value("cipher").toString(), QStringLiteral("xchacha20poly1305-ietf"));
        QCOMPARE(p.value("opslimit").toInteger(), qint64(Argon2id::Limits::minimum().opsLimit));
        QCOMPARE(p.value("memlimit").toInteger(), qint64(Argon2id::Limits::minimum().memLimit));
        QCOMPARE(p.value("salt").toString().size(), 32);
        QCOMPARE(p.value("nonce").toString().size(), 48);
    }

    void defaultLimitsAreModerateAndRecorded() {
        // One real derivation with libsodium's MODERATE limits.
        const NodeIdentity id = NodeIdentity::generate();
        const QString file = path("moderate.key");
        QVERIFY(id.save(file, "moderate").ok());
        auto parsed = SealedKeyFile::read(file, QStringLiteral("orion-identity"));
        QVERIFY(parsed.ok());
        QVERIFY(parsed->limits() == Argon2id::Limits::moderate());
        auto loaded = NodeIdentity::load(file, "moderate");
        QVERIFY(loaded.ok());
        QCOMPARE(loaded->nodeId(), id.nodeId());
    }

    void wrongPassphraseIsClearAndChangesNothing() {
        QTemporaryDir dir;
        const NodeIdentity id = NodeIdentity::generate();
        const QString file = dir.filePath("identity.key");
        QVERIFY(id.save(file, "right", cheap()).ok());
        writeAll(dir.filePath("other.txt"), "unrelated");
        const auto before = snapshot(dir.path());

        auto loaded = NodeIdentity::load(file, "wrong");
        QVERIFY(!loaded.ok());
        QVERIFY2(loaded.error().contains(QStringLiteral("wrong passphrase")),
                 qPrintable(loaded.error()));
        const Status changed =
            NodeIdentity::changePassphrase(file, "wrong", "new", Argon2id::Limits::minimum());
        QVERIFY(!changed.ok());
        QVERIFY(changed.error().contains(QStringLiteral("wrong passphrase")));
        QVERIFY(!NodeIdentity::load(file, "").ok());

        QCOMPARE(snapshot(dir.path()), before);
        QVERIFY(NodeIdentity::load(file, "right").ok());
    }

    void truncatedFileGivesClearError() {
        const NodeIdentity id = NodeIdentity::generate();
        const QString good = path("truncate-src.key");
        QVERIFY(id.save(good, "pw", cheap()).ok());
        const QByteArray bytes = readAll(good);
        const QString bad = path("truncated.key");
        for (qsizetype length = 0; length < bytes.size() - 2; ++length) {
            writeAll(bad, bytes.left(length));
            auto loaded = NodeIdentity::load(bad, "pw");
            QVERIFY(!loaded.ok());
            QVERIFY2(loaded.error().contains(bad), qPrintable(loaded.error()));
            QVERIFY2(loaded.error().contains(QStringLiteral("truncated")) ||
                         loaded.error().contains(QStringLiteral("empty")),
                     qPrintable(loaded.error()));
            QVERIFY(!NodeIdentity::readPublic(bad).ok());
        }
    }

    void corruptedFileNamesTheProblem() {
        const NodeIdentity id = NodeIdentity::generate();
        const QString good = path("corrupt-src.key");
        QVERIFY(id.save(good, "pw", cheap()).ok());
        const QByteArray bytes = readAll(good);
        const QString bad = path("corrupt.key");

        // A flipped bit anywhere inside a value is damage, not a wrong passphrase.
        const QJsonObject original = QJsonDocument::fromJson(bytes).object();
        const QString secret = original.value("secret").toString();
        QByteArray flipped = bytes;
        const qsizetype at = flipped.indexOf(secret.toLatin1()) + 5;
        flipped[at] = flipped[at] == 'a' ? 'b' : 'a';
        writeAll(bad, flipped);
        auto loaded = NodeIdentity::load(bad, "pw");
        QVERIFY(!loaded.ok());
        QVERIFY2(loaded.error().contains(QStringLiteral("damaged")), qPrintable(loaded.error()));
        QVERIFY(!loaded.error().contains(QStringLiteral("wrong passphrase")));

        // A missing field is named.
        for (const char *field : {"secret", "protection", "checksum", "format", "public_key"}) {
            QJsonObject o = original;
            o.remove(QLatin1String(field));
            writeAll(bad, QJsonDocument(o).toJson());
            auto r = NodeIdentity::load(bad, "pw");
            QVERIFY(!r.ok());
            QVERIFY2(r.error().contains(QLatin1String(field)) || r.error().contains("checksum"),
                     qPrintable(r.error()));
        }
        writeAll(bad, "{\"format\":\"orion-network-key\"}");
        QVERIFY(
            NodeIdentity::load(bad, "pw").error().contains(QStringLiteral("orion-network-key")));
        writeAll(bad, "[1,2,3]");
        QVERIFY(
            NodeIdentity::load(bad, "pw").error().contains(QStringLiteral("not a JSON object")));
        QVERIFY(NodeIdentity::load(path("missing.key"), "pw").error().contains("does not exist"));
    }

    void refusesToReplaceExistingIdentity() {
        const QString file = path("existing.key");
        const NodeIdentity first = NodeIdentity::generate();
        QVERIFY(first.save(file, "pw", cheap()).ok());
        const QByteArray before = readAll(file);
        const Status again = NodeIdentity::generate().save(file, "pw", cheap());
        QVERIFY(!again.ok());
        QVERIFY(again.error().contains(QStringLiteral("refusing to replace")));
        QCOMPARE(readAll(file), before);

        SaveOptions force = cheap();
        force.replaceExisting = true;
        const NodeIdentity second = NodeIdentity::generate();
        QVERIFY(second.save(file, "pw", force).ok());
        QCOMPARE(NodeIdentity::load(file, "pw")->nodeId(), second.nodeId());
    }

    void changePassphrase() {
        const QString file = path("passwd.key");
        const NodeIdentity id = NodeIdentity::generate();
        QVERIFY(id.save(file, "old", cheap()).ok());
        QVERIFY(
            NodeIdentity::changePassphrase(file, "old", "new", Argon2id::Limits::minimum()).ok());
        QVERIFY(!NodeIdentity::load(file, "old").ok());
        QCOMPARE(NodeIdentity::load(file, "new")->nodeId(), id.nodeId());
        QVERIFY(!NodeIdentity::changePassphrase(file, "new", "", Argon2id::Limits::minimum()).ok());
        QCOMPARE(NodeIdentity::load(file, "new")->nodeId(), id.nodeId());
    }

    void interruptedSaveKeepsOldIdentity() {
        QTemporaryDir dir;
        const QString file = dir.filePath("identity.key");
        const NodeIdentity oldId = NodeIdentity::generate();
        QVERIFY(oldId.save(file, "pw", cheap()).ok());

        // Fault injection: the new file is written and synced, then the "crash" hits
        // before the rename.
        SaveOptions interrupted = cheap();
        interrupted.replaceExisting = true;
        interrupted.interruptBeforeCommit = true;
        QVERIFY(!NodeIdentity::generate().save(file, "pw", interrupted).ok());
        QCOMPARE(NodeIdentity::load(file, "pw")->nodeId(), oldId.nodeId());

        // A real crash leaves the temporary file behind, half written: it is ignored.
        auto newBytes = SealedKeyFile::encode(QStringLiteral("orion-identity"), {},
                                              crypto::SecureBuffer::fromBytes(QByteArray(32, 'x')),
                                              "pw", cheap());
        QVERIFY(newBytes.ok());
        writeAll(file + QStringLiteral(".Xa1b2c"), newBytes->left(newBytes->size() / 2));
        QCOMPARE(NodeIdentity::load(file, "pw")->nodeId(), oldId.nodeId());
        // ... and the next save still succeeds.
        QVERIFY(
            NodeIdentity::changePassphrase(file, "pw", "pw2", Argon2id::Limits::minimum()).ok());
        QCOMPARE(NodeIdentity::load(file, "pw2")->nodeId(), oldId.nodeId());
    }

    void unencryptedKeyForHeadlessServers() {
        const QString file = path("clear.key");
        const NodeIdentity id = NodeIdentity::generate();
        SaveOptions clear;
        clear.unencrypted = true;
        QTest::ignoreMessage(QtWarningMsg, QRegularExpression("UNENCRYPTED"));
        QVERIFY(id.save(file, {}, clear).ok());
        QVERIFY(!NodeIdentity::readPublic(file)->encrypted);
        auto loaded = NodeIdentity::load(file, {});
        QVERIFY(loaded.ok());
        QCOMPARE(loaded->nodeId(), id.nodeId());
        QVERIFY(!id.save(path("empty-pass.key"), {}, cheap()).ok());
    }

    void tamperedPublicPartIsRejected() {
        const QString file = path("swap.key");
        QVERIFY(NodeIdentity::generate().save(file, "pw", cheap()).ok());
        // Put another node's public key and ID in, with a recomputed checksum: the clear
        // parts are bound to the ciphertext, so it cannot be opened as this identity.
        const NodeIdentity other = NodeIdentity::generate();
        QJsonObject o = QJsonDocument::fromJson(readAll(file)).object();
        o.insert("public_key", QString::fromLatin1(other.publicKey().toHex()));
        o.insert("node_id", other.nodeId().toHex());
        o.remove("checksum");
        o.insert(
            "checksum",
            QString::fromLatin1(
                crypto::Blake2b::hash256(QJsonDocument(o).toJson(QJsonDocument::Compact)).toHex()));
        writeAll(file, QJsonDocument(o).toJson());
        QVERIFY(NodeIdentity::readPublic(file).ok());
        QVERIFY(!NodeIdentity::load(file, "pw").ok());

        // A node ID that is not the hash of the key is refused even without the passphrase.
        o.insert("node_id", NodeIdentity::generate().nodeId().toHex());
        o.remove("checksum");
        o.insert(
            "checksum",
            QString::fromLatin1(
                crypto::Blake2b::hash256(QJsonDocument(o).toJson(QJsonDocument::Compact)).toHex()));
        writeAll(file, QJsonDocument(o).toJson());
        QVERIFY(NodeIdentity::readPublic(file).error().contains(QStringLiteral("not the hash")));
    }
};

QTEST_GUILESS_MAIN(TestNodeIdentity)
#include "tst_nodeidentity.moc"
