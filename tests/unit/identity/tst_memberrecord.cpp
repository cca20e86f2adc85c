// SPDX-License-Identifier: GPL-3.0-or-later
#include "crypto/Blake2b.h"
#include "identity/MemberFile.h"
#include "identity/MemberRecord.h"
#include "identity/NetworkKey.h"
#include "identity/NodeIdentity.h"

#include <QtTest>

#include <QJsonArray>
#include <QJsonDocument>
#include <QTemporaryDir>
#include <QTimeZone>

using namespace orion;
using namespace orion::identity;

namespace {

NodeIdentity fixedIdentity() {
    QByteArray seed;
    for (int i = 0; i < 32; ++i) {
        seed.append(char(i));
    }
    return std::move(NodeIdentity::fromSeed(seed).value());
}

MemberRecord fixedRecord(const NodeIdentity &identity) {
    MemberRecord r = MemberRecord::create(
        identity, crypto::Blake2b::hash256(QByteArray(32, char(0x42))),
        {QStringLiteral("127.0.0.1"), QStringLiteral("node.example.org")}, 7400);
    r.agent = QStringLiteral("orion/0.1.0");
    r.created = QDateTime::fromSecsSinceEpoch(1700000000, QTimeZone::utc());
    r.sign(identity);
    return r;
}

} // namespace

class TestMemberRecord : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void canonicalEncodingIsFixed() {
        // Expected bytes and signature computed independently (Python: hand-written CBOR,
        // and the cryptography package's Ed25519); docs/identity.md walks through them.
        const NodeIdentity identity = fixedIdentity();
        const MemberRecord r = fixedRecord(identity);
        QCOMPARE(
            r.signingBytes().toHex(),
            QByteArray("896c6f72696f6e2d6d656d62657201582003a107bff3ce10be1d70dd18e74bc09967e4d63"
                       "09ba50d5f1ddc8664125531b854f0a594d2978da8803f696325ea0aaa5045cf2e9458207538"
                       "b84957fd8dd92c00e3529a664f3366f52b5f7529d7fe5ecaeaeed3fbb9f382693132372e30"
                       "2e302e31706e6f64652e6578616d706c652e6f7267191ce86b6f72696f6e2f302e312e301a"
                       "6553f100"));
        QCOMPARE(
            r.signature.toHex(),
            QByteArray("fc6cc761bfc567d259f474297eb0e4de2dfb80d2c2f99da4ac6d8a4fa2ad7d63f71ecfab0c"
                       "cf908b8e6669b463a9ad41afe84f1c547b38fe840468c7d3e84105"));
        QVERIFY(r.verify().ok());
        QCOMPARE(r.toJsonObject().value("created").toString(),
                 QStringLiteral("2023-11-14T22:13:20Z"));
    }

    void jsonAndCborRoundTrip() {
        const NodeIdentity identity = NodeIdentity::generate();
        MemberRecord r = MemberRecord::create(identity, NetworkKey::generate().networkId(),
                                              {QStringLiteral("::1")}, 0);
        r.sign(identity);
        QVERIFY(r.verify().ok());
        QCOMPARE(r.agent, MemberRecord::defaultAgent());

        auto fromJson = MemberRecord::fromJson(r.toJson());
        QVERIFY(fromJson.ok());
        QCOMPARE(*fromJson, r);
        QVERIFY(fromJson->verify().ok());

        // Whitespace and key order do not matter: the signature covers the values.
        auto compact =
            MemberRecord::fromJson(QJsonDocument(r.toJsonObject()).toJson(QJsonDocument::Compact));
        QVERIFY(compact.ok() && compact->verify().ok());

        auto fromCbor = MemberRecord::fromCbor(r.toCbor());
        QVERIFY(fromCbor.ok());
        QCOMPARE(*fromCbor, r);
        QVERIFY(fromCbor->verify().ok());
        QVERIFY(!MemberRecord::fromCbor(r.toCbor().left(20)).ok());
        QVERIFY(!MemberRecord::fromJson("{").ok());
    }

    void everyTamperedJsonFieldIsRejected() {
        const NodeIdentity identity = fixedIdentity();
        const QJsonObject original = fixedRecord(identity).toJsonObject();
        const NodeIdentity other = NodeIdentity::generate();
        // One plausible change per field; every key of the file must be covered.
        const QMap<QString, QJsonValue> changes{
            {"format", QStringLiteral("orion-membre")},
            {"version", 2},
            {"public_key", QString::fromLatin1(other.publicKey().toHex())},
            {"node_id", other.nodeId().toHex()},
            {"network_id", QString::fromLatin1(crypto::Blake2b::hash256("other").toHex())},
            {"addresses",
             QJsonArray{QStringLiteral("127.0.0.2"), QStringLiteral("node.example.org")}},
            {"port", 7401},
            {"agent", QStringLiteral("orion/0.1.1")},
            {"created", QStringLiteral("2023-11-14T22:13:21Z")},
            {"signature",
             QString(original.value("signature").toString()).replace(0, 2, QStringLiteral("00"))},
        };
        QCOMPARE(QStringList(changes.keys()), original.keys());
        for (auto it = changes.begin(); it != changes.end(); ++it) {
            QJsonObject tampered = original;
            tampered.insert(it.key(), it.value());
            auto parsed = MemberRecord::fromJson(QJsonDocument(tampered).toJson());
            const QString reason =
                parsed.ok() ? (parsed->verify().ok() ? QString() : parsed->verify().error())
                            : parsed.error();
            QVERIFY2(!reason.isEmpty(),
                     qPrintable(QStringLiteral("tampered %1 was accepted").arg(it.key())));
            qDebug().noquote() << it.key() << "->" << reason;
        }
        // Removing any field, or changing its type, is rejected with the field's name.
        for (const QString &key : original.keys()) {
            QJsonObject missing = original;
            missing.remove(key);
            auto parsed = MemberRecord::fromJson(QJsonDocument(missing).toJson());
            QVERIFY2(!parsed.ok() && parsed.error().contains(key), qPrintable(key));
            QJsonObject wrongType = original;
            wrongType.insert(key, QJsonValue(true));
            QVERIFY(!MemberRecord::fromJson(QJsonDocument(wrongType).toJson()).ok());
        }
        // Uppercase hex is not the canonical form.
        QJsonObject upper = original;
        upper.insert("node_id", original.value("node_id").toString().toUpper());
        QVERIFY(!MemberRecord::fromJson(QJsonDocument(upper).toJson()).ok());
    }

    void everyTamperedRecordFieldIsRejected() {
        const NodeIdentity identity = fixedIdentity();
        const MemberRecord original = fixedRecord(identity);
        const QList<std::function<void(MemberRecord &)>> changes{
            [](MemberRecord &r) { r.version = 2; },
            [](MemberRecord &r) { r.publicKey = NodeIdentity::generate().publicKey(); },
            [](MemberRecord &r) { r.nodeId = NodeIdentity::generate().nodeId(); },
            [](MemberRecord &r) { r.networkId[0] = char(r.networkId[0] ^ 1); },
            [](MemberRecord &r) { r.addresses.append(QStringLiteral("10.0.0.1")); },
            [](MemberRecord &r) { r.addresses.removeLast(); },
            [](MemberRecord &r) { r.port = 1; },
            [](MemberRecord &r) { r.agent += u'!'; },
            [](MemberRecord &r) { r.created = r.created.addSecs(1); },
            [](MemberRecord &r) { r.signature[63] = char(r.signature[63] ^ 0x40); },
        };
        for (int i = 0; i < changes.size(); ++i) {
            MemberRecord r = original;
            changes[i](r);
            const Status valid = r.verify();
            QVERIFY2(!valid.ok(), qPrintable(QString::number(i)));
            QVERIFY(valid.error().startsWith(QStringLiteral("member record rejected: ")));
            // The CBOR form carries the change and is rejected too.
            auto viaCbor = MemberRecord::fromCbor(r.toCbor());
            QVERIFY(!viaCbor.ok() || !viaCbor->verify().ok());
        }
    }

    void idThatIsNotTheHashOfTheKeyIsRejected() {
        const NodeIdentity identity = NodeIdentity::generate();
        MemberRecord r = fixedRecord(identity);
        // Validly signed by the key, but claiming another node ID.
        r.nodeId = NodeIdentity::generate().nodeId();
        r.signature = identity.sign(r.signingBytes());
        QVERIFY(crypto::Ed25519::verify(r.publicKey, r.signingBytes(), r.signature));
        const Status valid = r.verify();
        QVERIFY(!valid.ok());
        QVERIFY2(
            valid.error().contains(QStringLiteral("node ID is not the hash of the public key")),
            qPrintable(valid.error()));
    }

    void limitsAndNetwork() {
        const NodeIdentity identity = NodeIdentity::generate();
        MemberRecord r = fixedRecord(identity);
        QVERIFY(r.verifyForNetwork(r.networkId).ok());
        QVERIFY(r.verifyForNetwork(QByteArray(32, 0))
                    .error()
                    .contains(QStringLiteral("another network")));
        r.addresses = {QStringLiteral("bad address")};
        r.sign(identity);
        QVERIFY(!r.verify().ok());
        r.addresses = QStringList(17, QStringLiteral("h"));
        r.sign(identity);
        QVERIFY(!r.verify().ok());
        r.addresses = {};
        r.agent = QString(65, u'a');
        r.sign(identity);
        QVERIFY(!r.verify().ok());
    }

    void memberFileOnDisk() {
        QTemporaryDir dir;
        const QString file = dir.filePath("a.member");
        const NodeIdentity identity = NodeIdentity::generate();
        MemberRecord r = fixedRecord(identity);
        QVERIFY(MemberFile::write(file, r).ok());
        auto read = MemberFile::read(file);
        QVERIFY(read.ok());
        QCOMPARE(*read, r);
        r.port = 1; // unsigned change
        QVERIFY(!MemberFile::write(dir.filePath("b.member"), r).ok());
        QVERIFY(!QFile::exists(dir.filePath("b.member")));
        QFile f(file);
        QVERIFY(f.open(QIODevice::ReadWrite));
        QByteArray bytes = f.readAll();
        bytes.replace("7400", "7401");
        f.seek(0);
        f.write(bytes);
        f.close();
        auto tampered = MemberFile::read(file);
        QVERIFY(!tampered.ok());
        QVERIFY(tampered.error().contains(file));
        QVERIFY(tampered.error().contains(QStringLiteral("signature")));
    }
};

QTEST_GUILESS_MAIN(TestMemberRecord)
#include "tst_memberrecord.moc"
