// SPDX-License-Identifier: GPL-3.0-or-later
// The typed codes of identity failures: callers (passwd, the unlock dialog) decide on them,
// so each kind of failure must carry its own code whatever the message says.
#include "crypto/Argon2id.h"
#include "identity/NetworkKey.h"
#include "identity/NodeIdentity.h"

#include <QtTest>

#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
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

QByteArray readAll(const QString &path) {
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

bool writeAll(const QString &path, const QByteArray &bytes) {
    QFile f(path);
    return f.open(QIODevice::WriteOnly | QIODevice::Truncate) && f.write(bytes) == bytes.size();
}

} // namespace

class TestIdentityErrors : public QObject {
    Q_OBJECT

    QTemporaryDir m_dir;

private Q_SLOTS:
    void wrongPassphraseHasItsCode() {
        const QString file = m_dir.filePath(QStringLiteral("wrong.key"));
        QVERIFY(NodeIdentity::generate().save(file, "right", cheap()).ok());
        QVERIFY(NodeIdentity::load(file, "right").ok()); // positive control

        const auto loaded = NodeIdentity::load(file, "wrong");
        QVERIFY(!loaded.ok());
        QCOMPARE(loaded.errorCode(), ErrorCode::WrongPassphrase);
        const Status changed =
            NodeIdentity::changePassphrase(file, "wrong", "new", Argon2id::Limits::minimum());
        QCOMPARE(changed.errorCode(), ErrorCode::WrongPassphrase);

        const QString netFile = m_dir.filePath(QStringLiteral("wrong.netkey"));
        QVERIFY(NetworkKey::generate().save(netFile, "right", cheap()).ok());
        QVERIFY(NetworkKey::load(netFile, "right").ok());
        const auto net = NetworkKey::load(netFile, "wrong");
        QVERIFY(!net.ok());
        QCOMPARE(net.errorCode(), ErrorCode::WrongPassphrase);
    }

    void aDamagedFileIsCorruptNotAWrongPassphrase() {
        const QString good = m_dir.filePath(QStringLiteral("damaged-src.key"));
        QVERIFY(NodeIdentity::generate().save(good, "pw", cheap()).ok());
        const QByteArray bytes = readAll(good);
        const QString secret =
            QJsonDocument::fromJson(bytes).object().value(QStringLiteral("secret")).toString();
        QVERIFY(!secret.isEmpty());
        QByteArray flipped = bytes;
        const qsizetype at = flipped.indexOf(secret.toLatin1()) + 5;
        flipped[at] = flipped[at] == 'a' ? 'b' : 'a';
        const QString bad = m_dir.filePath(QStringLiteral("damaged.key"));
        QVERIFY(writeAll(bad, flipped));
        QCOMPARE(NodeIdentity::load(bad, "pw").errorCode(), ErrorCode::Corrupt);

        QVERIFY(writeAll(bad, bytes.left(bytes.size() / 2)));
        QCOMPARE(NodeIdentity::load(bad, "pw").errorCode(), ErrorCode::Corrupt);
    }

    void aNewerFormatIsUnsupported() {
        const QString file = m_dir.filePath(QStringLiteral("future.key"));
        QVERIFY(NodeIdentity::generate().save(file, "pw", cheap()).ok());
        QJsonObject o = QJsonDocument::fromJson(readAll(file)).object();
        o.insert(QStringLiteral("version"), 99);
        QVERIFY(writeAll(file, QJsonDocument(o).toJson()));
        QCOMPARE(NodeIdentity::load(file, "pw").errorCode(), ErrorCode::Unsupported);
    }

    void aMissingFileIsNotFound() {
        const QString file = m_dir.filePath(QStringLiteral("absent.key"));
        QCOMPARE(NodeIdentity::load(file, "pw").errorCode(), ErrorCode::NotFound);
        QCOMPARE(NodeIdentity::readPublic(file).errorCode(), ErrorCode::NotFound);
        QCOMPARE(NetworkKey::load(file, "pw").errorCode(), ErrorCode::NotFound);
    }

    void anExistingFileIsNotReplaced() {
        const QString file = m_dir.filePath(QStringLiteral("exists.key"));
        QVERIFY(NodeIdentity::generate().save(file, "pw", cheap()).ok());
        const Status again = NodeIdentity::generate().save(file, "pw", cheap());
        QVERIFY(!again.ok());
        QCOMPARE(again.errorCode(), ErrorCode::AlreadyExists);
        SaveOptions replace = cheap();
        replace.replaceExisting = true;
        QVERIFY(NodeIdentity::generate().save(file, "pw", replace).ok());
    }

    void anUnwritableDirectoryIsIo() {
        const QString file = m_dir.filePath(QStringLiteral("no-such-dir/identity.key"));
        const Status saved = NodeIdentity::generate().save(file, "pw", cheap());
        QVERIFY(!saved.ok());
        QCOMPARE(saved.errorCode(), ErrorCode::Io);
    }
};

QTEST_GUILESS_MAIN(TestIdentityErrors)
#include "tst_identityerrors.moc"
