// SPDX-License-Identifier: GPL-3.0-or-later
// SessionHandshake and SessionKeys: the two-message handshake, then sealing without any
// public-key operation, replays, tampering, and renewal at the time and message limits (the
// time is injected, nothing sleeps).
#include "crypto/Ed25519.h"
#include "seal/SealFormat.h"
#include "seal/SealPublicKeyOps.h"
#include "seal/SessionHandshake.h"

#include <QtEndian>
#include <QtTest>

using namespace orion;
using namespace orion::seal;

namespace {

SealIdentity identityFrom(char fill) {
    const auto key = crypto::Ed25519::fromSeed(QByteArray(32, fill)).value();
    return SealIdentity::fromEd25519(key.secretKey(), key.publicKey()).value();
}

const QByteArray kInitHeader("id:1|dst:bob|org:alice");
const QByteArray kResponseHeader("id:2|dst:alice|org:bob");
constexpr qint64 kStart = 5'000'000;

struct Pair {
    SessionKeys alice; // initiator
    SessionKeys bob;   // responder
};

// Release builds drop Q_ASSERT: a failed step must still stop the test.
template <typename T>
T must(Result<T> result, const char *step) {
    if (!result.ok()) {
        qFatal("%s failed: %s", step, qPrintable(result.error()));
    }
    return std::move(result).value();
}

// A pending handshake may be finished only once; tests that try many responses copy it.
SessionHandshake::Pending clonePending(const SessionHandshake::Pending &pending) {
    SessionHandshake::Pending copy{pending.sessionId, {}};
    copy.state.chainKey = pending.state.chainKey.clone();
    copy.state.transcript = pending.state.transcript;
    copy.state.ephemeralPublic = pending.state.ephemeralPublic;
    copy.state.ephemeralSecret = pending.state.ephemeralSecret.clone();
    copy.state.peerEdPublic = pending.state.peerEdPublic;
    copy.state.peerCurvePublic = pending.state.peerCurvePublic;
    return copy;
}

Pair establish(const SealIdentity &alice, const SealIdentity &bob) {
    auto started = must(SessionHandshake::initiate(alice, bob.edPublicKey(), kInitHeader, "hi bob"),
                        "initiate");
    auto accepted = must(SessionHandshake::accept(bob, kInitHeader, started.sealed), "accept");
    auto responded =
        must(SessionHandshake::respond(std::move(accepted), kResponseHeader, "hi alice", kStart),
             "respond");
    auto finished = must(SessionHandshake::finish(alice, std::move(started.pending),
                                                  kResponseHeader, responded.sealed, kStart),
                         "finish");
    return {std::move(finished.session), std::move(responded.session)};
}

} // namespace

class TestSessionKeys : public QObject {
    Q_OBJECT

private:
    SealIdentity m_alice = identityFrom('a');
    SealIdentity m_bob = identityFrom('b');
    SealIdentity m_carol = identityFrom('c');

private Q_SLOTS:
    void handshakeCarriesBodiesAndAuthenticatesBothEnds() {
        auto started =
            SessionHandshake::initiate(m_alice, m_bob.edPublicKey(), kInitHeader, "first body");
        QVERIFY(started.ok());
        QCOMPARE(std::uint8_t(started->sealed[1]), std::uint8_t(SealFormat::SessionInit));
        auto accepted = SessionHandshake::accept(m_bob, kInitHeader, started->sealed);
        QVERIFY(accepted.ok());
        QCOMPARE(accepted->senderPublicKey, m_alice.edPublicKey());
        QCOMPARE(accepted->plaintext, QByteArray("first body"));
        QCOMPARE(accepted->sessionId, started->pending.sessionId);
        // Carol cannot accept an init meant for Bob.
        QVERIFY(!SessionHandshake::accept(m_carol, kInitHeader, started->sealed).ok());

        auto responded = SessionHandshake::respond(std::move(accepted).value(), kResponseHeader,
                                                   "the answer", kStart);
        QVERIFY(responded.ok());
        QCOMPARE(responded->sealed.size(), SealFormat::kResponseOverhead + 10);
        QCOMPARE(SessionHandshake::sessionIdOf(responded->sealed), started->pending.sessionId);
        auto finished = SessionHandshake::finish(m_alice, std::move(started->pending),
                                                 kResponseHeader, responded->sealed, kStart);
        QVERIFY2(finished.ok(), qPrintable(finished.ok() ? QString() : finished.error()));
        QCOMPARE(finished->plaintext, QByteArray("the answer"));
        QCOMPARE(finished->session.peerPublicKey(), m_bob.edPublicKey());
        QCOMPARE(responded->session.peerPublicKey(), m_alice.edPublicKey());
        QCOMPARE(finished->session.id(), responded->session.id());
        QCOMPARE(finished->session.role(), SessionKeys::Role::Initiator);
        QCOMPARE(responded->session.role(), SessionKeys::Role::Responder);
    }

    void aForgedOrAlteredResponseIsRefused() {
        auto started = SessionHandshake::initiate(m_alice, m_bob.edPublicKey(), kInitHeader, "x");
        QVERIFY(started.ok());
        auto accepted = SessionHandshake::accept(m_bob, kInitHeader, started->sealed);
        QVERIFY(accepted.ok());
        auto responded =
            SessionHandshake::respond(std::move(accepted).value(), kResponseHeader, "ok", kStart);
        QVERIFY(responded.ok());
        const auto finishWith = [&](QByteArrayView header, QByteArrayView sealed) {
            return SessionHandshake::finish(m_alice, clonePending(started->pending), header, sealed,
                                            kStart)
                .ok();
        };
        QVERIFY(finishWith(kResponseHeader, responded->sealed)); // positive control
        for (qsizetype i = 0; i < responded->sealed.size(); ++i) {
            QByteArray altered = responded->sealed;
            altered[i] = char(altered[i] ^ 0x01);
            QVERIFY2(!finishWith(kResponseHeader, altered), qPrintable(QString::number(i)));
        }
        QVERIFY(!finishWith("id:2|dst:alice|org:bxb", responded->sealed));
        // A relay (or Carol) answering in Bob's place: she knows the session id and Alice's
        // ephemeral key from the wire, but not es, so her response does not open.
        SessionHandshake::Accepted fake;
        fake.sessionId = started->pending.sessionId;
        fake.state.chainKey = crypto::SecureBuffer::fromBytes(QByteArray(32, 'g'));
        fake.state.transcript = QByteArray(32, 't');
        fake.state.ephemeralPublic = started->pending.state.ephemeralPublic;
        fake.state.peerCurvePublic = m_alice.curvePublicKey();
        fake.senderPublicKey = m_alice.edPublicKey();
        auto carol = SessionHandshake::respond(std::move(fake), kResponseHeader, "forged", kStart);
        QVERIFY(carol.ok());
        QVERIFY(!finishWith(kResponseHeader, carol->sealed));
    }

    void smallOrderEphemeralKeysAreRejectedInTheHandshake() {
        const QList<QByteArray> points = {
            QByteArray(32, '\0'),
            QByteArray::fromHex("0100000000000000000000000000000000000000000000000000000000000000"),
            QByteArray::fromHex("e0eb7a7c3b41b8ae1656e3faf19fc46ada098deb9c32b1fd866205165f49b800"),
            QByteArray::fromHex("5f9c95bca3508c24b1d0b1559c83ef5b04445cc4581c8e86d8224eddd09f1157"),
            QByteArray::fromHex("ecffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f"),
        };
        auto started = must(
            SessionHandshake::initiate(m_alice, m_bob.edPublicKey(), kInitHeader, "x"), "init");
        auto responded =
            must(SessionHandshake::respond(
                     must(SessionHandshake::accept(m_bob, kInitHeader, started.sealed), "accept"),
                     kResponseHeader, "y", kStart),
                 "respond");
        QVERIFY(SessionHandshake::finish(m_alice, clonePending(started.pending), kResponseHeader,
                                         responded.sealed, kStart)
                    .ok()); // positive control
        for (const QByteArray &point : points) {
            QByteArray init = started.sealed;
            init.replace(SealFormat::kFirstEphemeralOffset, 32, point);
            QCOMPARE(SessionHandshake::accept(m_bob, kInitHeader, init).errorCode(),
                     ErrorCode::Corrupt);
            QByteArray response = responded.sealed;
            response.replace(SealFormat::kResponseEphemeralOffset, 32, point);
            auto finished = SessionHandshake::finish(m_alice, clonePending(started.pending),
                                                     kResponseHeader, response, kStart);
            QVERIFY(!finished.ok());
            QCOMPARE(finished.errorCode(), ErrorCode::Corrupt);
        }
    }

    void sessionMessagesRoundTripBothWays() {
        Pair pair = establish(m_alice, m_bob);
        for (int i = 0; i < 50; ++i) {
            const QByteArray body = "to bob " + QByteArray::number(i);
            auto sealed = pair.alice.seal(kInitHeader, body);
            QVERIFY(sealed.ok());
            QCOMPARE(sealed->size(), SealFormat::kDataOverhead + body.size());
            QVERIFY(!sealed->contains(body));
            auto opened = pair.bob.open(kInitHeader, *sealed);
            QVERIFY(opened.ok());
            QCOMPARE(*opened, body);
            auto back = pair.bob.seal(kResponseHeader, "to alice");
            QVERIFY(back.ok());
            QCOMPARE(*pair.alice.open(kResponseHeader, *back), QByteArray("to alice"));
            // A message does not open in the direction it was sent.
            QVERIFY(!pair.alice.open(kInitHeader, *sealed).ok());
        }
        QCOMPARE(pair.alice.sentMessages(), std::uint64_t(50));
        QCOMPARE(pair.bob.receivedMessages(), std::uint64_t(50));
        // Two handshakes between the same ends give unrelated sessions.
        Pair other = establish(m_alice, m_bob);
        QVERIFY(other.alice.id() != pair.alice.id());
        auto sealed = pair.alice.seal(kInitHeader, "x");
        QVERIFY(!other.bob.open(kInitHeader, *sealed).ok());
    }

    void noPublicKeyOperationAfterTheFirstExchange() {
        const std::uint64_t beforeHandshake = SealPublicKeyOps::count();
        Pair pair = establish(m_alice, m_bob);
        QVERIFY(SealPublicKeyOps::count() > beforeHandshake); // the counter does count
        const std::uint64_t before = SealPublicKeyOps::count();
        const QByteArray body(256, 'b');
        for (int i = 0; i < 1000; ++i) {
            auto sealed = pair.alice.seal(kInitHeader, body);
            QVERIFY(sealed.ok());
            QVERIFY(pair.bob.open(kInitHeader, *sealed).ok());
            auto back = pair.bob.seal(kResponseHeader, body);
            QVERIFY(pair.alice.open(kResponseHeader, *back).ok());
        }
        QCOMPARE(SealPublicKeyOps::count(), before);
    }

    void replaysAndReorderingInASession() {
        Pair pair = establish(m_alice, m_bob);
        QList<QByteArray> sealed;
        for (int i = 0; i < 10; ++i) {
            sealed.append(pair.alice.seal(kInitHeader, QByteArray::number(i)).value());
        }
        for (const int i : {3, 0, 9, 1, 2, 8, 4, 7, 5, 6}) {
            auto opened = pair.bob.open(kInitHeader, sealed[i]);
            QVERIFY(opened.ok());
            QCOMPARE(*opened, QByteArray::number(i));
        }
        for (const QByteArray &again : sealed) {
            auto replay = pair.bob.open(kInitHeader, again);
            QVERIFY(!replay.ok());
            QCOMPARE(replay.errorCode(), ErrorCode::AlreadyExists);
        }
        // A forged message with a fresh counter neither opens nor moves the window.
        QByteArray forged = sealed[0];
        qToBigEndian<quint64>(500'000, forged.data() + SealFormat::kDataCounterOffset);
        QCOMPARE(pair.bob.open(kInitHeader, forged).errorCode(), ErrorCode::Corrupt);
        const QByteArray held = pair.alice.seal(kInitHeader, "held").value(); // counter 10
        pair.alice.skipSendCounterTo(10 + ReplayWindow::kWindow + 5);
        auto late = pair.alice.seal(kInitHeader, "late");
        QVERIFY(pair.bob.open(kInitHeader, *late).ok());
        // Now counter 10 is too old, even though it was never seen.
        auto tooOld = pair.bob.open(kInitHeader, held);
        QVERIFY(!tooOld.ok());
        QCOMPARE(tooOld.errorCode(), ErrorCode::AlreadyExists);
        // Counters never go back.
        pair.alice.skipSendCounterTo(0);
        QCOMPARE(pair.alice.sentMessages(), std::uint64_t(10 + ReplayWindow::kWindow + 6));
    }

    void everyByteOfADataMessageAndItsHeaderIsProtected() {
        Pair pair = establish(m_alice, m_bob);
        auto sealed = pair.alice.seal(kInitHeader, "tiny");
        QVERIFY(sealed.ok());
        for (qsizetype i = 0; i < sealed->size(); ++i) {
            QByteArray altered = *sealed;
            altered[i] = char(altered[i] ^ 0x01);
            QVERIFY2(!pair.bob.open(kInitHeader, altered).ok(), qPrintable(QString::number(i)));
        }
        for (qsizetype i = 0; i < kInitHeader.size(); ++i) {
            QByteArray header = kInitHeader;
            header[i] = char(header[i] ^ 0x01);
            QVERIFY2(!pair.bob.open(header, *sealed).ok(), qPrintable(QString::number(i)));
        }
        QVERIFY(!pair.bob.open(kInitHeader, sealed->chopped(1)).ok());
        // Positive control last: the failures above did not consume the counter.
        QVERIFY(pair.bob.open(kInitHeader, *sealed).ok());
    }

    void renewalAtTenMinutes() {
        Pair pair = establish(m_alice, m_bob);
        QCOMPARE(pair.alice.createdAtMs(), kStart);
        QVERIFY(!pair.alice.needsRenewal(kStart));
        QVERIFY(!pair.alice.needsRenewal(kStart + SessionKeys::kRenewAfterMs - 1));
        QVERIFY(pair.alice.needsRenewal(kStart + SessionKeys::kRenewAfterMs));
        QVERIFY(pair.bob.needsRenewal(kStart + SessionKeys::kRenewAfterMs));
    }

    void renewalAtTwoToTheTwentyMessages() {
        Pair pair = establish(m_alice, m_bob);
        pair.alice.skipSendCounterTo(SessionKeys::kRenewAfterMessages - 2);
        auto sealed = pair.alice.seal(kInitHeader, "m");
        QVERIFY(!pair.alice.needsRenewal(kStart));
        QVERIFY(pair.bob.open(kInitHeader, *sealed).ok());
        QVERIFY(!pair.bob.needsRenewal(kStart));
        auto last = pair.alice.seal(kInitHeader, "m");
        QVERIFY(pair.alice.needsRenewal(kStart)); // 2^20 sent
        QVERIFY(pair.bob.open(kInitHeader, *last).ok());
        QVERIFY(pair.bob.needsRenewal(kStart)); // counter 2^20 - 1 received
        // Past the hard limit nothing more is sealed.
        pair.alice.skipSendCounterTo(SessionKeys::kHardMessageLimit);
        auto refused = pair.alice.seal(kInitHeader, "m");
        QVERIFY(!refused.ok());
        QCOMPARE(refused.errorCode(), ErrorCode::Refused);
    }

    void dataMessagesNameTheirSession() {
        Pair pair = establish(m_alice, m_bob);
        auto sealed = pair.alice.seal(kInitHeader, "x");
        QCOMPARE(SessionHandshake::sessionIdOf(*sealed), pair.alice.id());
        QVERIFY(SessionHandshake::sessionIdOf("short").isEmpty());
        QByteArray wrongSession = *sealed;
        wrongSession[SealFormat::kDataSessionOffset] ^= 0x10;
        QCOMPARE(pair.bob.open(kInitHeader, wrongSession).errorCode(), ErrorCode::InvalidArgument);
    }
};

QTEST_GUILESS_MAIN(TestSessionKeys)
#include "tst_sessionkeys.moc"
