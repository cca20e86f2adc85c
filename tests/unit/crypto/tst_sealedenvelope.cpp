// SPDX-License-Identifier: GPL-3.0-or-later
// SealedEnvelope (static-key, one-shot): round trips, who can open, tampering with any byte
// of the sealed part or the bound header, sender mismatches and degenerate keys.
#include "crypto/Ed25519.h"
#include "seal/SealFormat.h"
#include "seal/SealPublicKeyOps.h"
#include "seal/SealedEnvelope.h"

#include <QtTest>

using namespace orion;
using namespace orion::seal;

namespace {

crypto::Ed25519 keyFrom(char fill) {
    return crypto::Ed25519::fromSeed(QByteArray(32, fill)).value();
}

SealIdentity identityOf(const crypto::Ed25519 &key) {
    return SealIdentity::fromEd25519(key.secretKey(), key.publicKey()).value();
}

// Curve25519 points of small order (libsodium's list): X25519 with any of them yields a
// secret everyone knows.
QList<QByteArray> smallOrderPoints() {
    return {
        QByteArray(32, '\0'),
        QByteArray::fromHex("0100000000000000000000000000000000000000000000000000000000000000"),
        QByteArray::fromHex("e0eb7a7c3b41b8ae1656e3faf19fc46ada098deb9c32b1fd866205165f49b800"),
        QByteArray::fromHex("5f9c95bca3508c24b1d0b1559c83ef5b04445cc4581c8e86d8224eddd09f1157"),
        QByteArray::fromHex("ecffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f"),
        QByteArray::fromHex("edffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f"),
        QByteArray::fromHex("eeffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f"),
    };
}

const QByteArray kHeader("message-id:0123456789abcdef|destination:node-b|origin:node-a");

} // namespace

class TestSealedEnvelope : public QObject {
    Q_OBJECT

private:
    crypto::Ed25519 m_aliceKey = keyFrom('a');
    crypto::Ed25519 m_bobKey = keyFrom('b');
    crypto::Ed25519 m_carolKey = keyFrom('c');

private Q_SLOTS:
    void roundTripAuthenticatesTheSender() {
        const SealIdentity alice = identityOf(m_aliceKey);
        const SealIdentity bob = identityOf(m_bobKey);
        for (const QByteArray &body :
             {QByteArray(), QByteArray("hello bob"), QByteArray(70000, 'x')}) {
            auto sealed = SealedEnvelope::seal(alice, m_bobKey.publicKey(), kHeader, body);
            QVERIFY2(sealed.ok(), qPrintable(sealed.ok() ? QString() : sealed.error()));
            QCOMPARE(sealed->size(), SealFormat::kFirstOverhead + body.size());
            QCOMPARE(std::uint8_t(sealed->at(0)), SealFormat::kVersion);
            QCOMPARE(std::uint8_t(sealed->at(1)), std::uint8_t(SealFormat::Static));
            auto opened = SealedEnvelope::open(bob, kHeader, *sealed);
            QVERIFY2(opened.ok(), qPrintable(opened.ok() ? QString() : opened.error()));
            QCOMPARE(opened->senderPublicKey, m_aliceKey.publicKey());
            QCOMPARE(opened->plaintext, body);
        }
    }

    void convenienceFormsMatchTheIdentityForms() {
        auto sealed = SealedEnvelope::seal(m_aliceKey.secretKey(), m_aliceKey.publicKey(),
                                           m_bobKey.publicKey(), kHeader, "one shot");
        QVERIFY(sealed.ok());
        auto opened = SealedEnvelope::open(m_bobKey.secretKey(), m_bobKey.publicKey(), kHeader,
                                           *sealed, m_aliceKey.publicKey());
        QVERIFY(opened.ok());
        QCOMPARE(opened->plaintext, QByteArray("one shot"));
    }

    void freshEphemeralEveryTimeAndSenderHidden() {
        const SealIdentity alice = identityOf(m_aliceKey);
        auto a = SealedEnvelope::seal(alice, m_bobKey.publicKey(), kHeader, "same");
        auto b = SealedEnvelope::seal(alice, m_bobKey.publicKey(), kHeader, "same");
        QVERIFY(a.ok() && b.ok());
        QVERIFY(*a != *b);
        // Relays see neither the sender's key (either form) nor the body.
        QVERIFY(!a->contains(m_aliceKey.publicKey()));
        QVERIFY(!a->contains(alice.curvePublicKey()));
        QVERIFY(!a->contains("same"));
    }

    void onlyTheReceiverOpens() {
        const SealIdentity alice = identityOf(m_aliceKey);
        auto sealed = SealedEnvelope::seal(alice, m_bobKey.publicKey(), kHeader, "for bob");
        QVERIFY(sealed.ok());
        QVERIFY(SealedEnvelope::open(identityOf(m_bobKey), kHeader, *sealed).ok()); // control
        auto carol = SealedEnvelope::open(identityOf(m_carolKey), kHeader, *sealed);
        QVERIFY(!carol.ok());
        QCOMPARE(carol.errorCode(), ErrorCode::Corrupt);
        // The sender itself cannot open what it sealed for someone else either.
        QVERIFY(!SealedEnvelope::open(alice, kHeader, *sealed).ok());
    }

    void everyByteOfTheSealedPartAndHeaderIsProtected() {
        const SealIdentity alice = identityOf(m_aliceKey);
        const SealIdentity bob = identityOf(m_bobKey);
        auto sealed = SealedEnvelope::seal(alice, m_bobKey.publicKey(), kHeader, "tiny");
        QVERIFY(sealed.ok());
        QVERIFY(SealedEnvelope::open(bob, kHeader, *sealed).ok()); // positive control
        for (const char mask : {char(0x01), char(0x80)}) {
            for (qsizetype i = 0; i < sealed->size(); ++i) {
                QByteArray altered = *sealed;
                altered[i] = char(altered[i] ^ mask);
                QVERIFY2(
                    !SealedEnvelope::open(bob, kHeader, altered).ok(),
                    qPrintable(QStringLiteral("sealed byte %1 mask %2").arg(i).arg(int(mask))));
            }
            for (qsizetype i = 0; i < kHeader.size(); ++i) {
                QByteArray header = kHeader;
                header[i] = char(header[i] ^ mask);
                QVERIFY2(!SealedEnvelope::open(bob, header, *sealed).ok(),
                         qPrintable(QStringLiteral("header byte %1").arg(i)));
            }
        }
        // Truncated, extended, or under a longer or shorter header.
        QVERIFY(!SealedEnvelope::open(bob, kHeader, sealed->chopped(1)).ok());
        QVERIFY(!SealedEnvelope::open(bob, kHeader, *sealed + '\0').ok());
        QVERIFY(!SealedEnvelope::open(bob, kHeader + '\0', *sealed).ok());
        QVERIFY(!SealedEnvelope::open(bob, kHeader.chopped(1), *sealed).ok());
        QVERIFY(!SealedEnvelope::open(bob, kHeader, sealed->first(50)).ok());
    }

    void versionAndTypeAreChecked() {
        const SealIdentity bob = identityOf(m_bobKey);
        auto sealed =
            SealedEnvelope::seal(identityOf(m_aliceKey), m_bobKey.publicKey(), kHeader, "v");
        QVERIFY(sealed.ok());
        QByteArray v2 = *sealed;
        v2[0] = 0x02;
        QCOMPARE(SealedEnvelope::open(bob, kHeader, v2).errorCode(), ErrorCode::Unsupported);
        QByteArray init = *sealed;
        init[1] = char(SealFormat::SessionInit);
        QCOMPARE(SealedEnvelope::open(bob, kHeader, init).errorCode(), ErrorCode::InvalidArgument);
    }

    void senderKeyMismatchIsDetected() {
        // Sealing: a public key that does not belong to the secret is refused.
        auto wrongPair = SealedEnvelope::seal(m_aliceKey.secretKey(), m_carolKey.publicKey(),
                                              m_bobKey.publicKey(), kHeader, "x");
        QVERIFY(!wrongPair.ok());
        QCOMPARE(wrongPair.errorCode(), ErrorCode::Refused);
        // Opening: a message that opens but comes from another key than expected.
        auto sealed =
            SealedEnvelope::seal(identityOf(m_carolKey), m_bobKey.publicKey(), kHeader, "x");
        QVERIFY(sealed.ok());
        const SealIdentity bob = identityOf(m_bobKey);
        QVERIFY(SealedEnvelope::open(bob, kHeader, *sealed, m_carolKey.publicKey()).ok());
        auto forged = SealedEnvelope::open(bob, kHeader, *sealed, m_aliceKey.publicKey());
        QVERIFY(!forged.ok());
        QCOMPARE(forged.errorCode(), ErrorCode::Refused);
    }

    void cutAndPasteOfTheSenderPartFails() {
        // Carol takes Alice's encrypted sender key from one message and her own body from
        // another: the body key depends on ss with the claimed sender, so it cannot open.
        const SealIdentity bob = identityOf(m_bobKey);
        auto fromAlice =
            SealedEnvelope::seal(identityOf(m_aliceKey), m_bobKey.publicKey(), kHeader, "aaaa");
        auto fromCarol =
            SealedEnvelope::seal(identityOf(m_carolKey), m_bobKey.publicKey(), kHeader, "cccc");
        QVERIFY(fromAlice.ok() && fromCarol.ok());
        QByteArray spliced = fromAlice->first(SealFormat::kFirstBodyOffset) +
                             fromCarol->sliced(SealFormat::kFirstBodyOffset);
        QVERIFY(!SealedEnvelope::open(bob, kHeader, spliced).ok());
    }

    void smallOrderEphemeralKeysAreRejected() {
        const SealIdentity bob = identityOf(m_bobKey);
        auto sealed =
            SealedEnvelope::seal(identityOf(m_aliceKey), m_bobKey.publicKey(), kHeader, "e");
        QVERIFY(sealed.ok());
        for (const QByteArray &point : smallOrderPoints()) {
            QByteArray altered = *sealed;
            altered.replace(SealFormat::kFirstEphemeralOffset, 32, point);
            auto opened = SealedEnvelope::open(bob, kHeader, altered);
            QVERIFY(!opened.ok());
            QCOMPARE(opened.errorCode(), ErrorCode::Corrupt);
            // The primitive itself refuses them too.
            std::uint8_t out[32];
            QVERIFY(!SealPublicKeyOps::dh(out, bob.curveSecretKey().data(),
                                          reinterpret_cast<const std::uint8_t *>(point.data())));
        }
    }

    void invalidOrSmallOrderReceiverKeysAreRejected() {
        const SealIdentity alice = identityOf(m_aliceKey);
        // Ed25519 encodings of small-order points (identity, order 2, order 4) and a
        // non-point: none has a usable Curve25519 form.
        const QList<QByteArray> bad = {
            QByteArray::fromHex("0100000000000000000000000000000000000000000000000000000000000000"),
            QByteArray::fromHex("ecffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f"),
            QByteArray::fromHex("0000000000000000000000000000000000000000000000000000000000000080"),
            QByteArray::fromHex("0200000000000000000000000000000000000000000000000000000000000000"),
            QByteArray(31, 'x'),
        };
        QVERIFY(SealedEnvelope::seal(alice, m_bobKey.publicKey(), kHeader, "ok").ok()); // control
        for (const QByteArray &key : bad) {
            auto sealed = SealedEnvelope::seal(alice, key, kHeader, "x");
            QVERIFY2(!sealed.ok(), key.toHex().constData());
            QCOMPARE(sealed.errorCode(), ErrorCode::InvalidArgument);
        }
    }

    void peerCacheSavesPublicKeyOperations() {
        const SealIdentity alice = identityOf(m_aliceKey);
        const SealIdentity bob = identityOf(m_bobKey);
        auto first = SealedEnvelope::seal(alice, m_bobKey.publicKey(), kHeader, "1");
        QVERIFY(first.ok());
        QVERIFY(SealedEnvelope::open(bob, kHeader, *first).ok());
        // With both caches warm: the sender generates e and computes es, the receiver es.
        const std::uint64_t before = SealPublicKeyOps::count();
        auto second = SealedEnvelope::seal(alice, m_bobKey.publicKey(), kHeader, "2");
        QVERIFY(second.ok());
        QCOMPARE(SealPublicKeyOps::count() - before, std::uint64_t(2));
        QVERIFY(SealedEnvelope::open(bob, kHeader, *second).ok());
        QCOMPARE(SealPublicKeyOps::count() - before, std::uint64_t(3));
        QCOMPARE(alice.cachedPeers(), std::size_t(1));
    }
};

QTEST_GUILESS_MAIN(TestSealedEnvelope)
#include "tst_sealedenvelope.moc"
