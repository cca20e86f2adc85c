// SPDX-License-Identifier: GPL-3.0-or-later
#include "crypto/Argon2id.h"
#include "crypto/XChaCha20Poly1305.h"

#include <QtTest>

using namespace orion::crypto;

class TestSealing : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void argon2idIsDeterministicPerSaltAndLimits() {
        const auto limits = Argon2id::Limits::minimum();
        const QByteArray salt(Argon2id::kSaltBytes, 's');
        auto a = Argon2id::deriveKey("correct horse", salt, limits);
        auto b = Argon2id::deriveKey("correct horse", salt, limits);
        QVERIFY(a.ok() && b.ok());
        QCOMPARE(a->size(), std::size_t(32));
        QVERIFY(a->equals(*b));
        auto otherSalt = Argon2id::deriveKey("correct horse", QByteArray(16, 't'), limits);
        QVERIFY(!a->equals(*otherSalt));
        auto otherPass = Argon2id::deriveKey("correct horsf", salt, limits);
        QVERIFY(!a->equals(*otherPass));
        Argon2id::Limits moreOps = limits;
        moreOps.opsLimit += 1;
        QVERIFY(!a->equals(*Argon2id::deriveKey("correct horse", salt, moreOps)));
    }

    void argon2idRejectsBadParameters() {
        QVERIFY(!Argon2id::deriveKey("x", QByteArray(15, 's'), Argon2id::Limits::minimum()).ok());
        QVERIFY(!Argon2id::deriveKey("x", QByteArray(16, 's'), {0, 8192}).ok());
        QVERIFY(!Argon2id::deriveKey("x", QByteArray(16, 's'), {1, 1024}).ok());
        QVERIFY(!Argon2id::validate({1, std::uint64_t(1) << 40}).ok());
        QVERIFY(Argon2id::validate(Argon2id::Limits::moderate()).ok());
        QVERIFY(Argon2id::validate(Argon2id::Limits::interactive()).ok());
        QVERIFY(Argon2id::Limits::moderate().memLimit > Argon2id::Limits::interactive().memLimit);
        QCOMPARE(Argon2id::randomSalt().size(), Argon2id::kSaltBytes);
        QVERIFY(Argon2id::randomSalt() != Argon2id::randomSalt());
    }

    void aeadRoundTripAndTamper() {
        const SecureBuffer key = SecureBuffer::fromBytes(QByteArray(32, 'k'));
        const auto sealed = XChaCha20Poly1305::seal(key, "secret seed", "header");
        QCOMPARE(sealed.nonce.size(), XChaCha20Poly1305::kNonceBytes);
        QCOMPARE(sealed.ciphertext.size(), qsizetype(11 + XChaCha20Poly1305::kTagBytes));
        auto opened = XChaCha20Poly1305::open(key, sealed.nonce, sealed.ciphertext, "header");
        QVERIFY(opened.ok());
        QCOMPARE(opened->view().toByteArray(), QByteArray("secret seed"));

        QVERIFY(!XChaCha20Poly1305::open(key, sealed.nonce, sealed.ciphertext, "headex").ok());
        QByteArray ct = sealed.ciphertext;
        ct[3] = char(ct[3] ^ 0x80);
        QVERIFY(!XChaCha20Poly1305::open(key, sealed.nonce, ct, "header").ok());
        QByteArray nonce = sealed.nonce;
        nonce[0] = char(nonce[0] ^ 1);
        QVERIFY(!XChaCha20Poly1305::open(key, nonce, sealed.ciphertext, "header").ok());
        const SecureBuffer other = SecureBuffer::fromBytes(QByteArray(32, 'l'));
        QVERIFY(!XChaCha20Poly1305::open(other, sealed.nonce, sealed.ciphertext, "header").ok());
        QVERIFY(!XChaCha20Poly1305::open(key, sealed.nonce, QByteArray(5, 'x'), "header").ok());

        // Fresh random nonces: sealing twice never repeats the ciphertext.
        QVERIFY(XChaCha20Poly1305::seal(key, "same").ciphertext !=
                XChaCha20Poly1305::seal(key, "same").ciphertext);
    }

    void aeadKnownAnswer() {
        // draft-irtf-cfrg-xchacha, appendix A.3.1 (the Sunscreen text).
        const SecureBuffer key = SecureBuffer::fromBytes(QByteArray::fromHex(
            "808182838485868788898a8b8c8d8e8f909192939495969798999a9b9c9d9e9f"));
        const QByteArray nonce =
            QByteArray::fromHex("404142434445464748494a4b4c4d4e4f5051525354555657");
        const QByteArray ad = QByteArray::fromHex("50515253c0c1c2c3c4c5c6c7");
        const QByteArray plaintext(
            "Ladies and Gentlemen of the class of '99: If I could offer you only one tip for the "
            "future, sunscreen would be it.");
        const auto sealed = XChaCha20Poly1305::sealWithNonce(key, nonce, plaintext, ad);
        QCOMPARE(sealed.ciphertext.right(16).toHex(),
                 QByteArray("c0875924c1c7987947deafd8780acf49"));
        auto opened = XChaCha20Poly1305::open(key, nonce, sealed.ciphertext, ad);
        QVERIFY(opened.ok());
        QCOMPARE(opened->view().toByteArray(), plaintext);
    }
};

QTEST_GUILESS_MAIN(TestSealing)
#include "tst_sealing.moc"
