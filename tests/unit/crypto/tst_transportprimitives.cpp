// SPDX-License-Identifier: GPL-3.0-or-later
#include "crypto/Ed25519.h"
#include "crypto/Ed25519ToCurve25519.h"
#include "crypto/HmacSha512256.h"
#include "crypto/SecretBox.h"
#include "crypto/Sha256.h"
#include "crypto/X25519.h"

#include <QtTest>

using namespace orion::crypto;

class TestTransportPrimitives : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void sha256KnownAnswer() {
        QCOMPARE(Sha256::hash("abc").toHex(),
                 QByteArray("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"));
        std::uint8_t out[32];
        Sha256().update("a").update("bc").finish(out);
        QCOMPARE(QByteArray(reinterpret_cast<char *>(out), 32), Sha256::hash("abc"));
    }

    void hmacVerifies() {
        const QByteArray key(32, 'k');
        const QByteArray mac = HmacSha512256::mac(key, "message");
        QCOMPARE(mac.size(), 32);
        QVERIFY(HmacSha512256::verify(mac, key, "message"));
        QVERIFY(!HmacSha512256::verify(mac, key, "messagE"));
        QVERIFY(!HmacSha512256::verify(mac, QByteArray(32, 'j'), "message"));
        QVERIFY(!HmacSha512256::verify(mac.first(31), key, "message"));
    }

    void x25519AgreesAndRejectsZero() {
        const X25519 a = X25519::generate(), b = X25519::generate();
        auto ab = a.sharedSecret(b.publicKey());
        auto ba = b.sharedSecret(a.publicKey());
        QVERIFY(ab.ok() && ba.ok());
        QVERIFY(ab->equals(*ba));
        QVERIFY(!a.sharedSecret(QByteArray(32, '\0')).ok());
        QVERIFY(!a.sharedSecret(QByteArray(31, 'x')).ok());
        auto fixed = X25519::fromSecretKey(a.secretKey().view());
        QVERIFY(fixed.ok());
        QCOMPARE(fixed->publicKey(), a.publicKey());
    }

    void conversionMatchesAndFails() {
        const Ed25519 ed = Ed25519::generate();
        auto pk = Ed25519ToCurve25519::publicKey(ed.publicKey());
        auto sk = Ed25519ToCurve25519::secretKey(ed.secretKey());
        QVERIFY(pk.ok() && sk.ok());
        auto derived = X25519::fromSecretKey(sk->view());
        QCOMPARE(derived->publicKey(), *pk);
        // A low-order point (the identity) is refused.
        QVERIFY(!Ed25519ToCurve25519::publicKey(
                     QByteArray::fromHex(
                         "0100000000000000000000000000000000000000000000000000000000000000"))
                     .ok());
        QVERIFY(!Ed25519ToCurve25519::publicKey(QByteArray(5, 'x')).ok());
    }

    void secretBoxRoundTrip() {
        const QByteArray key(32, 'k'), nonce(24, 'n');
        const QByteArray box = SecretBox::seal("hello", nonce, key);
        QCOMPARE(box.size(), 5 + 16);
        QCOMPARE(SecretBox::open(box, nonce, key).value(), QByteArray("hello"));
        QByteArray bad = box;
        bad[3] = char(bad[3] ^ 1);
        QVERIFY(!SecretBox::open(bad, nonce, key).ok());
        QVERIFY(!SecretBox::open(box, QByteArray(24, 'm'), key).ok());
        QVERIFY(!SecretBox::open(box.first(10), nonce, key).ok());
    }
};

QTEST_GUILESS_MAIN(TestTransportPrimitives)
#include "tst_transportprimitives.moc"
