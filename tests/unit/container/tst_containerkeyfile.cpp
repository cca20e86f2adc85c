// SPDX-License-Identifier: GPL-3.0-or-later
// container.key at rest: the seed sealed under the host identity's wrap key, the public key
// readable without it, old clear files sealed when first opened, and clear errors naming the
// file for another node's key and for damage.
#include "TestKeyWrap.h"
#include "container/ContainerKeyFile.h"
#include "container/ContainerRepository.h"
#include "crypto/Random.h"

#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QtTest>

#include <sys/stat.h>

using namespace orion;
using namespace orion::container;
using identity::NodeIdentity;

namespace {

int modeOf(const QString &path) {
    struct stat st {};
    if (::stat(QFile::encodeName(path).constData(), &st) != 0) {
        return -1;
    }
    return int(st.st_mode & 0777);
}

QByteArray readAll(const QString &path) {
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

bool writeAll(const QString &path, const QByteArray &bytes) {
    QFile f(path);
    return f.open(QIODevice::WriteOnly | QIODevice::Truncate) && f.write(bytes) == bytes.size();
}

QByteArray seedOf(const NodeIdentity &key) {
    return key.keyPair().seed().view().toByteArray();
}

// A file in the format version 1 wrote (no "version", the seed in clear), as
// ContainerKeyFile::write produced it before the seed was sealed.
bool writeLegacy(const QString &path, const NodeIdentity &key) {
    const QJsonObject o{
        {QStringLiteral("format"), QStringLiteral("orion-container-key")},
        {QStringLiteral("algorithm"), QStringLiteral("ed25519")},
        {QStringLiteral("public_key"), QString::fromLatin1(key.publicKey().toHex())},
        {QStringLiteral("key"), key.nodeId().toHex()},
        {QStringLiteral("seed"), QString::fromLatin1(seedOf(key).toHex())}};
    return writeAll(path, QJsonDocument(o).toJson(QJsonDocument::Indented)) &&
           QFile::setPermissions(path, QFile::ReadOwner | QFile::WriteOwner);
}

// The seed appears in the bytes in any form a file could hold it.
bool holdsSeed(const QByteArray &file, const NodeIdentity &key) {
    const QByteArray seed = seedOf(key);
    return file.contains(seed) || file.contains(seed.toHex()) ||
           file.contains(seed.toHex().toUpper()) || file.contains(seed.toBase64());
}

QJsonObject jsonOf(const QString &path) {
    return QJsonDocument::fromJson(readAll(path)).object();
}

bool writeJson(const QString &path, const QJsonObject &o) {
    return writeAll(path, QJsonDocument(o).toJson(QJsonDocument::Indented));
}

// One hex digit changed to another, so the field stays well-formed.
QString flipDigit(QString hex, int at) {
    hex[at] = hex[at] == u'0' ? u'1' : u'0';
    return hex;
}

const QString kEcho = QStringLiteral("(defun main ()\n  (reply MESSAGE))\n");

} // namespace

class TestContainerKeyFile : public QObject {
    Q_OBJECT

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    std::shared_ptr<const ContainerKeyWrap> m_wrap = test::TestKeyWrap::make(1);
    std::shared_ptr<const ContainerKeyWrap> m_otherWrap = test::TestKeyWrap::make(2);

    QString path() const { return m_dir->filePath(QStringLiteral("container.key")); }

private Q_SLOTS:
    void init() {
        m_dir = std::make_unique<QTemporaryDir>();
        QVERIFY(m_dir->isValid());
    }

    void wrapKeyComesFromTheIdentitySeed() {
        // Same identity, same key; another identity, another key and host.
        QVERIFY(m_wrap->key().equals(test::TestKeyWrap::make(1)->key()));
        QVERIFY(!m_wrap->key().equals(m_otherWrap->key()));
        QCOMPARE(m_wrap->hostId(), test::TestKeyWrap::hostIdentity(1).nodeId());
        QCOMPARE(m_wrap->key().size(), size_t(ContainerKeyWrap::kKeyBytes));
        // Not the seed itself.
        const QByteArray seed = seedOf(test::TestKeyWrap::hostIdentity(1));
        QVERIFY(m_wrap->key().view().toByteArray() != seed);
    }

    void roundTrip() {
        const NodeIdentity key = NodeIdentity::generate();
        QVERIFY(ContainerKeyFile::write(path(), key, *m_wrap).ok());
        QCOMPARE(modeOf(path()), 0600);
        QCOMPARE(ContainerKeyFile::version(path()).value(), ContainerKeyFile::kVersion);

        auto read = ContainerKeyFile::read(path(), *m_wrap);
        QVERIFY2(read.ok(), qPrintable(read.ok() ? QString() : read.error()));
        QCOMPARE(read->publicKey(), key.publicKey());
        QCOMPARE(read->nodeId(), key.nodeId());
        QCOMPARE(seedOf(*read), seedOf(key));
        // It signs as the original does.
        const QByteArray message("provider record");
        QVERIFY(crypto::Ed25519::verify(key.publicKey(), message, read->sign(message)));

        // The public key needs no wrap key.
        QCOMPARE(ContainerKeyFile::readPublicKey(path()).value(), key.publicKey());
        // Reading a sealed file does not rewrite it.
        const QByteArray before = readAll(path());
        QVERIFY(ContainerKeyFile::read(path(), *m_wrap).ok());
        QCOMPARE(readAll(path()), before);
        // A key never changes: the file is not replaced.
        const auto again = ContainerKeyFile::write(path(), NodeIdentity::generate(), *m_wrap);
        QVERIFY(!again.ok());
        QCOMPARE(again.errorCode(), ErrorCode::AlreadyExists);
        QCOMPARE(readAll(path()), before);
    }

    void sealedFileDoesNotHoldTheSeed() {
        const NodeIdentity key = NodeIdentity::generate();
        QVERIFY(ContainerKeyFile::write(path(), key, *m_wrap).ok());
        const QByteArray sealed = readAll(path());
        QVERIFY(!sealed.isEmpty());
        QVERIFY(!holdsSeed(sealed, key));
        QVERIFY(!jsonOf(path()).contains(QStringLiteral("seed")));
        // Positive control: the old format holds it, and holdsSeed() finds it there.
        const QString legacy = m_dir->filePath(QStringLiteral("legacy.key"));
        QVERIFY(writeLegacy(legacy, key));
        QVERIFY(holdsSeed(readAll(legacy), key));
    }

    void legacyFileIsSealedWhenFirstOpened() {
        const NodeIdentity key = NodeIdentity::generate();
        QVERIFY(writeLegacy(path(), key));
        QVERIFY(holdsSeed(readAll(path()), key));
        QCOMPARE(ContainerKeyFile::version(path()).value(), ContainerKeyFile::kLegacyVersion);
        // Without the wrap key it is only read: public key out, file untouched.
        const QByteArray before = readAll(path());
        QCOMPARE(ContainerKeyFile::readPublicKey(path()).value(), key.publicKey());
        QCOMPARE(readAll(path()), before);

        auto read = ContainerKeyFile::read(path(), *m_wrap);
        QVERIFY2(read.ok(), qPrintable(read.ok() ? QString() : read.error()));
        QCOMPARE(seedOf(*read), seedOf(key));
        QCOMPARE(read->publicKey(), key.publicKey());

        // On disk now: version 2, owner-only, no seed, and it opens to the same key.
        QCOMPARE(ContainerKeyFile::version(path()).value(), ContainerKeyFile::kVersion);
        QCOMPARE(modeOf(path()), 0600);
        QVERIFY(!holdsSeed(readAll(path()), key));
        auto reopened = ContainerKeyFile::read(path(), *m_wrap);
        QVERIFY(reopened.ok());
        QCOMPARE(seedOf(*reopened), seedOf(key));
        QCOMPARE(ContainerKeyFile::readPublicKey(path()).value(), key.publicKey());
        // Sealed for this host: another node's key does not open the migrated file.
        QCOMPARE(ContainerKeyFile::read(path(), *m_otherWrap).errorCode(),
                 ErrorCode::WrongPassphrase);
        // No temporary file is left beside it.
        QCOMPARE(QDir(m_dir->path()).entryList(QDir::Files),
                 QStringList{QStringLiteral("container.key")});
    }

    void legacyFileWhoseSeedDoesNotMatchIsRefusedAndKept() {
        const NodeIdentity key = NodeIdentity::generate();
        QVERIFY(writeLegacy(path(), key));
        QJsonObject o = jsonOf(path());
        o.insert(QStringLiteral("seed"),
                 QString::fromLatin1(seedOf(NodeIdentity::generate()).toHex()));
        QVERIFY(writeJson(path(), o));
        const QByteArray before = readAll(path());
        const auto read = ContainerKeyFile::read(path(), *m_wrap);
        QVERIFY(!read.ok());
        QCOMPARE(read.errorCode(), ErrorCode::Corrupt);
        QVERIFY2(read.error().startsWith(path() + QStringLiteral(": ")), qPrintable(read.error()));
        QCOMPARE(readAll(path()), before); // nothing sealed from a file that is wrong
    }

    void anotherNodesKeyIsNamedNotCrashed() {
        const NodeIdentity key = NodeIdentity::generate();
        QVERIFY(ContainerKeyFile::write(path(), key, *m_wrap).ok());
        const auto read = ContainerKeyFile::read(path(), *m_otherWrap);
        QVERIFY(!read.ok());
        QCOMPARE(read.errorCode(), ErrorCode::WrongPassphrase);
        QVERIFY2(read.error().startsWith(path() +
                                         QStringLiteral(": sealed by the identity of "
                                                        "node ") +
                                         m_wrap->hostId().toHex()),
                 qPrintable(read.error()));
        QVERIFY(read.error().contains(m_otherWrap->hostId().toHex()));
        // Positive control: the right key opens the same file.
        QVERIFY(ContainerKeyFile::read(path(), *m_wrap).ok());
        // A wrap key that claims this file's host but is not its key: the seal does not open.
        const ContainerKeyWrap impostor(crypto::SecureBuffer::fromBytes(crypto::Random::bytes(32)),
                                        m_wrap->hostId());
        const auto forged = ContainerKeyFile::read(path(), impostor);
        QVERIFY(!forged.ok());
        QCOMPARE(forged.errorCode(), ErrorCode::Corrupt);
        QVERIFY(forged.error().startsWith(path() + QStringLiteral(": the sealed seed does not "
                                                                  "open")));
    }

    void damageIsReported_data() {
        QTest::addColumn<QString>("field"); // what is changed; "" for the whole file
        QTest::addColumn<QByteArray>("replacement");
        QTest::addColumn<int>("code");
        QTest::addColumn<QString>("reason");
        const int corrupt = int(ErrorCode::Corrupt);
        QTest::newRow("sealed_seed first byte")
            << QStringLiteral("sealed_seed:0") << QByteArray() << corrupt
            << QStringLiteral("the sealed seed does not open");
        QTest::newRow("sealed_seed tag")
            << QStringLiteral("sealed_seed:95") << QByteArray() << corrupt
            << QStringLiteral("the sealed seed does not open");
        QTest::newRow("nonce") << QStringLiteral("nonce:10") << QByteArray() << corrupt
                               << QStringLiteral("the sealed seed does not open");
        QTest::newRow("public key of another container")
            << QStringLiteral("public_key") << QByteArray() << corrupt
            << QStringLiteral("the sealed seed does not open");
        QTest::newRow("key not the hash")
            << QStringLiteral("key:3") << QByteArray() << corrupt
            << QStringLiteral("the field 'key' is not the hash of the public key");
        QTest::newRow("sealed_seed short")
            << QStringLiteral("sealed_seed=") << QByteArray("00ff") << corrupt
            << QStringLiteral("the field 'sealed_seed' is missing or not 96 hex digits");
        QTest::newRow("clear seed added")
            << QStringLiteral("seed=") << QByteArray(64, '0') << corrupt
            << QStringLiteral("a sealed key file holds a clear 'seed' as well");
        QTest::newRow("truncated") << QString() << QByteArray("{\n  \"format\": \"orion-con")
                                   << corrupt << QStringLiteral("not valid JSON");
        QTest::newRow("empty") << QString() << QByteArray() << corrupt
                               << QStringLiteral("not valid JSON");
        QTest::newRow("binary") << QString() << QByteArray("\x89PNG\r\n\x1a\n\xff\xfe", 10)
                                << corrupt << QStringLiteral("not valid JSON");
        QTest::newRow("version 3")
            << QStringLiteral("version=") << QByteArray("3") << int(ErrorCode::Unsupported)
            << QStringLiteral("unsupported container key file version 3");
    }

    void damageIsReported() {
        QFETCH(QString, field);
        QFETCH(QByteArray, replacement);
        QFETCH(int, code);
        QFETCH(QString, reason);
        const NodeIdentity key = NodeIdentity::generate();
        QVERIFY(ContainerKeyFile::write(path(), key, *m_wrap).ok());
        // Positive control: the file opens before it is damaged.
        QVERIFY(ContainerKeyFile::read(path(), *m_wrap).ok());

        if (field.isEmpty()) {
            QVERIFY(writeAll(path(), replacement));
        } else {
            QJsonObject o = jsonOf(path());
            QJsonObject wrap = o.value(QStringLiteral("wrap")).toObject();
            if (field.endsWith(u'=')) {
                const QString name = field.chopped(1);
                if (name == u"version") {
                    o.insert(name, replacement.toInt());
                } else {
                    o.insert(name, QString::fromLatin1(replacement));
                }
            } else if (field == u"public_key") {
                const NodeIdentity other = NodeIdentity::generate();
                o.insert(QStringLiteral("public_key"),
                         QString::fromLatin1(other.publicKey().toHex()));
                o.insert(QStringLiteral("key"), other.nodeId().toHex());
            } else {
                const QString name = field.section(u':', 0, 0);
                const int at = field.section(u':', 1).toInt();
                if (name == u"nonce") {
                    wrap.insert(name, flipDigit(wrap.value(name).toString(), at));
                    o.insert(QStringLiteral("wrap"), wrap);
                } else {
                    o.insert(name, flipDigit(o.value(name).toString(), at));
                }
            }
            QVERIFY(writeJson(path(), o));
        }
        const auto read = ContainerKeyFile::read(path(), *m_wrap);
        QVERIFY(!read.ok());
        QCOMPARE(int(read.errorCode()), code);
        QVERIFY2(read.error().startsWith(path() + QStringLiteral(": ") + reason),
                 qPrintable(read.error()));
    }

    void repositorySealsOpensAndRejectsPerContainer() {
        const QString dir = m_dir->filePath(QStringLiteral("containers"));
        ContainerRepository repository(dir, m_wrap);
        QVERIFY(repository.create(QStringLiteral("sealed"), kEcho, {}, {}).ok());
        QVERIFY(repository.create(QStringLiteral("old"), kEcho, {}, {}).ok());
        const QString oldKey =
            repository.directoryOf(QStringLiteral("old")) + QStringLiteral("/container.key");
        const NodeIdentity oldIdentity = repository.loadKey(QStringLiteral("old")).value();
        QVERIFY(QFile::remove(oldKey));
        QVERIFY(writeLegacy(oldKey, oldIdentity));

        // Without the wrap key: listed from the public keys, nothing opened or rewritten.
        ContainerRepository readOnly(dir);
        QCOMPARE(readOnly.scan().loaded.size(), size_t(2));
        QCOMPARE(ContainerKeyFile::version(oldKey).value(), ContainerKeyFile::kLegacyVersion);
        QVERIFY(!readOnly.loadKey(QStringLiteral("sealed")).ok());
        QVERIFY(!readOnly.create(QStringLiteral("new"), kEcho, {}, {}).ok());
        QVERIFY(!readOnly.exists(QStringLiteral("new")));

        // Another node's identity: "sealed" is rejected naming its file; "old", still in
        // clear, is read and sealed for that node.
        const auto foreign = ContainerRepository(dir, m_otherWrap).scan();
        QCOMPARE(foreign.loaded.size(), size_t(1));
        QCOMPARE(foreign.loaded.front().definition.name, QStringLiteral("old"));
        QCOMPARE(foreign.rejected.size(), size_t(1));
        QCOMPARE(foreign.rejected.front().name, QStringLiteral("sealed"));
        QVERIFY2(foreign.rejected.front().reason.startsWith(
                     repository.directoryOf(QStringLiteral("sealed")) +
                     QStringLiteral("/container.key: sealed by the identity of node")),
                 qPrintable(foreign.rejected.front().reason));
        QCOMPARE(ContainerKeyFile::version(oldKey).value(), ContainerKeyFile::kVersion);
        QVERIFY(!holdsSeed(readAll(oldKey), oldIdentity));

        // Positive control: this node's identity opens "sealed".
        const auto own = repository.scan();
        QCOMPARE(own.loaded.size(), size_t(1));
        QCOMPARE(own.loaded.front().definition.name, QStringLiteral("sealed"));
    }
};

QTEST_GUILESS_MAIN(TestContainerKeyFile)
#include "tst_containerkeyfile.moc"
