// SPDX-License-Identifier: GPL-3.0-or-later
#include "crypto/Blake2b.h"

#include <QtTest>

using orion::crypto::Blake2b;

class TestBlake2b : public QObject {
    Q_OBJECT

private Q_SLOTS:
    // Expected values computed independently with Python's hashlib.blake2b.
    void knownAnswers_data() {
        QTest::addColumn<QByteArray>("input");
        QTest::addColumn<QByteArray>("hash160");
        QTest::addColumn<QByteArray>("hash256");
        QTest::newRow("empty")
            << QByteArray() << QByteArray("3345524abf6bbe1809449224b5972c41790b6cf2")
            << QByteArray("0e5751c026e543b2e8ab2eb06099daa1d1e5df47778f7787faab45cdf12fe3a8");
        QTest::newRow("abc")
            << QByteArray("abc") << QByteArray("384264f676f39536840523f284921cdc68b6846b")
            << QByteArray("bddd813c634239723171ef3fee98579b94964e3bb1cb3e427262c8c068d52319");
        QTest::newRow("fox")
            << QByteArray("The quick brown fox jumps over the lazy dog")
            << QByteArray("3c523ed102ab45a37d54f5610d5a983162fde84f")
            << QByteArray("01718cec35cd3d796dd00020e0bfecb473ad23457d063b75eff29c0ffa2e58a9");
    }

    void knownAnswers() {
        QFETCH(QByteArray, input);
        QFETCH(QByteArray, hash160);
        QFETCH(QByteArray, hash256);
        QCOMPARE(Blake2b::hash160(input).toHex(), hash160);
        QCOMPARE(Blake2b::hash256(input).toHex(), hash256);
    }

    void fullLengthAbc() {
        QCOMPARE(Blake2b::hash(QByteArray("abc"), 64).toHex(),
                 QByteArray("ba80a53f981c4d0d6a2797b69f12f6e94c212f14685ac4b74b12bb6fdbffa2d1"
                            "7d87c5392aab792dc252d5de4533cc9518d38aa8dbf1925ab92386edd4009923"));
    }

    void nodeIdOfRfc8032PublicKey() {
        // The node ID of RFC 8032 TEST 1's public key (hashlib.blake2b(pk, digest_size=20)).
        const QByteArray pk =
            QByteArray::fromHex("d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a");
        QCOMPARE(Blake2b::hash160(pk).toHex(),
                 QByteArray("1b3517cf5af0ac86b8efe88452908c45f5c7e079"));
    }

    void keyedDerivation() {
        // hashlib.blake2b(label, key=bytes(range(32)), digest_size=32): the container key
        // wrap (docs/containers.md) and a second label, which gives an unrelated key.
        QByteArray secretBytes(32, Qt::Uninitialized);
        for (int i = 0; i < 32; ++i) {
            secretBytes[i] = char(i);
        }
        const auto secret = orion::crypto::SecureBuffer::fromBytes(secretBytes);
        QCOMPARE(Blake2b::deriveKey(secret, "orion-container-key-wrap-v1", 32)
                     .view()
                     .toByteArray()
                     .toHex(),
                 QByteArray("2725c207163a9725ce2cf0811f6368cbf559645776b37efd5b0f3a63a19f66ea"));
        QCOMPARE(Blake2b::deriveKey(secret, "other-label", 32).view().toByteArray().toHex(),
                 QByteArray("28caf71dc426b347b83a30c32fd3016a548d6a701e1cf3953d786d1c34467fda"));
    }
};

QTEST_GUILESS_MAIN(TestBlake2b)
#include "tst_blake2b.moc"
