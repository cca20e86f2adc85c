// SPDX-License-Identifier: GPL-3.0-or-later
#include "crypto/Argon2id.h"
#include "crypto/Blake2b.h"
#include "identity/NetworkKey.h"

#include <QtTest>

#include <QTemporaryDir>

using namespace orion;
using namespace orion::identity;

class TestNetworkKey : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void knownTextForm() {
        // Computed independently: "orion-net:" + base64url(key || blake2b-256(key)[:4]).
        auto key = NetworkKey::fromBytes(QByteArray(32, char(0x42)));
        QVERIFY(key.ok());
        QCOMPARE(key->toText(),
                 QStringLiteral("orion-net:QkJCQkJCQkJCQkJCQkJCQkJCQkJCQkJCQkJCQkJCQkJ1OLhJ"));
        QCOMPARE(
            key->networkIdHex(),
            QStringLiteral("7538b84957fd8dd92c00e3529a664f3366f52b5f7529d7fe5ecaeaeed3fbb9f3"));
        QCOMPARE(key->networkId(), crypto::Blake2b::hash256(QByteArray(32, char(0x42))));
        QCOMPARE(key->toHex(), QString(QStringLiteral("42")).repeated(32));
    }

    void textAndHexRoundTrip() {
        const NetworkKey key = NetworkKey::generate();
        QCOMPARE(key.bytes().size(), std::size_t(32));
        QVERIFY(key.toText().startsWith(QStringLiteral("orion-net:")));
        auto fromText = NetworkKey::parse(key.toText());
        QVERIFY(fromText.ok());
        QVERIFY(fromText->bytes().equals(key.bytes()));
        auto withSpace =
            NetworkKey::parse(QStringLiteral("  ") + key.toText() + QStringLiteral("\n"));
        QVERIFY(withSpace.ok());
        auto fromHex = NetworkKey::parse(key.toHex());
        QVERIFY(fromHex.ok());
        QVERIFY(fromHex->bytes().equals(key.bytes()));
        QVERIFY(NetworkKey::parse(key.toHex().toUpper()).ok());
        QVERIFY(NetworkKey::generate().networkId() != key.networkId());
    }

    void checksumCatchesEveryMistypedCharacter() {
        const NetworkKey key = NetworkKey::generate();
        const QString text = key.toText();
        const QString alphabet =
            QStringLiteral("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_");
        const int prefix = int(qstrlen(NetworkKey::kTextPrefix));
        for (int i = prefix; i < text.size(); ++i) {
            for (int shift : {1, 17, 40}) {
                QString typo = text;
                typo[i] = alphabet[(alphabet.indexOf(text[i]) + shift) % alphabet.size()];
                auto parsed = NetworkKey::parse(typo);
                QVERIFY2(!parsed.ok(), qPrintable(typo));
                QVERIFY2(parsed.error().contains(QStringLiteral("checksum")),
                         qPrintable(parsed.error()));
            }
        }
        // Swapped neighbours are caught too.
        QString swapped = text;
        for (int i = prefix; i + 1 < text.size(); ++i) {
            if (text[i] != text[i + 1]) {
                std::swap(swapped[i], swapped[i + 1]);
                break;
            }
        }
        QVERIFY(!NetworkKey::parse(swapped).ok());
    }

    void malformedInputsAreNamed() {
        const QString text = NetworkKey::generate().toText();
        QVERIFY(NetworkKey::parse(text.chopped(1)).error().contains(QStringLiteral("cut short")));
        QVERIFY(NetworkKey::parse(text + u'A').error().contains(QStringLiteral("cut short")));
        QString bad = text;
        bad[15] = u'*';
        QVERIFY(NetworkKey::parse(bad).error().contains(QStringLiteral("invalid character")));
        QVERIFY(!NetworkKey::parse(QStringLiteral("hello")).ok());
        QVERIFY(!NetworkKey::parse(QString(64, u'g')).ok());
        QVERIFY(!NetworkKey::parse(QString(63, u'a')).ok());
        QVERIFY(!NetworkKey::fromBytes(QByteArray(31, 'x')).ok());
    }

    void savedWithThePassphrase() {
        QTemporaryDir dir;
        const QString file = dir.filePath("network.key");
        const NetworkKey key = NetworkKey::generate();
        SaveOptions options;
        options.limits = crypto::Argon2id::Limits::minimum();
        QVERIFY(key.save(file, "pw", options).ok());
        QFile f(file);
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QByteArray bytes = f.readAll();
        QVERIFY(!bytes.contains(key.toHex().toLatin1()));
        QVERIFY(!bytes.contains(key.toText().mid(10).toLatin1()));
        QVERIFY(bytes.contains(key.networkIdHex().toLatin1()));

        QCOMPARE(NetworkKey::readNetworkId(file).value(), key.networkId());
        QVERIFY(
            NetworkKey::load(file, "nope").error().contains(QStringLiteral("wrong passphrase")));
        auto loaded = NetworkKey::load(file, "pw");
        QVERIFY(loaded.ok());
        QVERIFY(loaded->bytes().equals(key.bytes()));
        QVERIFY(!NetworkKey::generate().save(file, "pw", options).ok());
        QVERIFY(NetworkKey::changePassphrase(file, "pw", "pw2", options.limits).ok());
        QVERIFY(NetworkKey::load(file, "pw2")->bytes().equals(key.bytes()));
    }
};

QTEST_GUILESS_MAIN(TestNetworkKey)
#include "tst_networkkey.moc"
