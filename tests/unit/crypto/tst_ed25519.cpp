// SPDX-License-Identifier: GPL-3.0-or-later
#include "crypto/Ed25519.h"

#include <QtTest>

using orion::crypto::Ed25519;

class TestEd25519 : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void rfc8032Vectors_data() {
        QTest::addColumn<QByteArray>("secret");
        QTest::addColumn<QByteArray>("publicKey");
        QTest::addColumn<QByteArray>("message");
        QTest::addColumn<QByteArray>("signature");
        // RFC 8032 section 7.1: TEST 1, TEST 2, TEST 3 and TEST SHA(abc).
        QTest::newRow("TEST 1")
            << QByteArray::fromHex(
                   "9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60")
            << QByteArray::fromHex(
                   "d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a")
            << QByteArray()
            << QByteArray::fromHex(
                   "e5564300c360ac729086e2cc806e828a84877f1eb8e5d974d873e06522490155"
                   "5fb8821590a33bacc61e39701cf9b46bd25bf5f0595bbe24655141438e7a100b");
        QTest::newRow("TEST 2")
            << QByteArray::fromHex(
                   "4ccd089b28ff96da9db6c346ec114e0f5b8a319f35aba624da8cf6ed4fb8a6fb")
            << QByteArray::fromHex(
                   "3d4017c3e843895a92b70aa74d1b7ebc9c982ccf2ec4968cc0cd55f12af4660c")
            << QByteArray::fromHex("72")
            << QByteArray::fromHex(
                   "92a009a9f0d4cab8720e820b5f642540a2b27b5416503f8fb3762223ebdb69da"
                   "085ac1e43e15996e458f3613d0f11d8c387b2eaeb4302aeeb00d291612bb0c00");
        QTest::newRow("TEST 3")
            << QByteArray::fromHex(
                   "c5aa8df43f9f837bedb7442f31dcb7b166d38535076f094b85ce3a2e0b4458f7")
            << QByteArray::fromHex(
                   "fc51cd8e6218a1a38da47ed00230f0580816ed13ba3303ac5deb911548908025")
            << QByteArray::fromHex("af82")
            << QByteArray::fromHex(
                   "6291d657deec24024827e69c3abe01a30ce548a284743a445e3680d7db5ac3ac"
                   "18ff9b538d16f290ae67f760984dc6594a7c15e9716ed28dc027beceea1ec40a");
        QTest::newRow("TEST SHA(abc)")
            << QByteArray::fromHex(
                   "833fe62409237b9d62ec77587520911e9a759cec1d19755b7da901b96dca3d42")
            << QByteArray::fromHex(
                   "ec172b93ad5e563bf4932c70e1245034c35467ef2efd4d64ebf819683467e2bf")
            << QByteArray::fromHex(
                   "ddaf35a193617abacc417349ae20413112e6fa4e89a97ea20a9eeee64b55d39a"
                   "2192992a274fc1a836ba3c23a3feebbd454d4423643ce80e2a9ac94fa54ca49f")
            << QByteArray::fromHex(
                   "dc2a4459e7369633a52b1bf277839a00201009a3efbf3ecb69bea2186c26b589"
                   "09351fc9ac90b3ecfdfbc7c66431e0303dca179c138ac17ad9bef1177331a704");
    }

    void rfc8032Vectors() {
        QFETCH(QByteArray, secret);
        QFETCH(QByteArray, publicKey);
        QFETCH(QByteArray, message);
        QFETCH(QByteArray, signature);
        auto key = Ed25519::fromSeed(secret);
        QVERIFY(key.ok());
        QCOMPARE(key->publicKey().toHex(), publicKey.toHex());
        QCOMPARE(key->sign(message).toHex(), signature.toHex());
        QVERIFY(Ed25519::verify(publicKey, message, signature));
        // The 64-byte libsodium form round-trips through fromSecretKey.
        auto again = Ed25519::fromSecretKey(key->secretKey().view());
        QVERIFY(again.ok());
        QCOMPARE(again->publicKey(), publicKey);
        QCOMPARE(QByteArray(key->seed().view().toByteArray()), secret);

        QByteArray badSignature = signature;
        badSignature[0] = char(badSignature[0] ^ 0x01);
        QVERIFY(!Ed25519::verify(publicKey, message, badSignature));
        QVERIFY(!Ed25519::verify(publicKey, message + "x", signature));
        QVERIFY(!Ed25519::verify(publicKey.left(31), message, signature));
    }

    void rejectsMalformedKeys() {
        QVERIFY(!Ed25519::fromSeed(QByteArray(31, 'a')).ok());
        QVERIFY(!Ed25519::fromSecretKey(QByteArray(63, 'a')).ok());
        Ed25519 a = Ed25519::generate();
        QByteArray mixed = a.seed().view().toByteArray() + Ed25519::generate().publicKey();
        const auto mismatch = Ed25519::fromSecretKey(mixed);
        QVERIFY(!mismatch.ok());
        QVERIFY(mismatch.error().contains(QStringLiteral("does not match")));
    }

    void generatedKeysSignAndVerify() {
        const Ed25519 a = Ed25519::generate();
        const Ed25519 b = Ed25519::generate();
        QVERIFY(a.publicKey() != b.publicKey());
        const QByteArray sig = a.sign("hello");
        QVERIFY(Ed25519::verify(a.publicKey(), "hello", sig));
        QVERIFY(!Ed25519::verify(b.publicKey(), "hello", sig));
        const Ed25519 copy = a.clone();
        QVERIFY(copy.secretKey().equals(a.secretKey()));
    }
};

QTEST_GUILESS_MAIN(TestEd25519)
#include "tst_ed25519.moc"
