// SPDX-License-Identifier: GPL-3.0-or-later
// Known-answer vectors for sealed envelopes (tests/data/seal-vectors.json, written by an
// independent implementation, scripts/seal_vectors.py): with the ephemeral keys and nonce
// fixed, sealing reproduces every byte, and the expected bytes open to the same contents.
#include "TestData.h"
#include "crypto/Ed25519.h"
#include "seal/SealedEnvelope.h"
#include "seal/SessionHandshake.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QtTest>

using namespace orion;
using namespace orion::seal;

namespace {

QByteArray hex(const QJsonObject &object, const char *field) {
    return QByteArray::fromHex(object.value(QLatin1String(field)).toString().toLatin1());
}

SealIdentity identityFromSeed(const QByteArray &seed, const QByteArray &expectedPublic) {
    const auto key = crypto::Ed25519::fromSeed(seed).value();
    if (key.publicKey() != expectedPublic) {
        qFatal("the vector's public key does not belong to its seed");
    }
    return SealIdentity::fromEd25519(key.secretKey(), key.publicKey()).value();
}

QJsonObject vectors() {
    const QJsonDocument doc =
        QJsonDocument::fromJson(test::TestData::read(QStringLiteral("seal-vectors.json")));
    if (!doc.isObject()) {
        qFatal("seal-vectors.json is not a JSON object");
    }
    return doc.object();
}

} // namespace

class TestSealVectors : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void fileDescribesThisVersion() {
        const QJsonObject root = vectors();
        QCOMPARE(root.value(QLatin1String("version")).toInt(), int(SealFormat::kVersion));
        QVERIFY(!root.value(QLatin1String("static")).toArray().isEmpty());
        QVERIFY(!root.value(QLatin1String("session")).toArray().isEmpty());
    }

    void staticEnvelopesByteForByte() {
        const QJsonArray list = vectors().value(QLatin1String("static")).toArray();
        for (const auto &value : list) {
            const QJsonObject v = value.toObject();
            const SealIdentity sender =
                identityFromSeed(hex(v, "sender_seed"), hex(v, "sender_public"));
            const SealIdentity receiver =
                identityFromSeed(hex(v, "receiver_seed"), hex(v, "receiver_public"));
            QCOMPARE(sender.curvePublicKey(), hex(v, "sender_curve_public"));
            const FirstMessage::Fixed fixed{hex(v, "ephemeral_secret"), hex(v, "nonce")};
            auto sealed = SealedEnvelope::sealFixed(sender, receiver.edPublicKey(),
                                                    hex(v, "header"), hex(v, "plaintext"), fixed);
            QVERIFY(sealed.ok());
            QCOMPARE(sealed->toHex(), hex(v, "sealed").toHex());
            auto opened = SealedEnvelope::open(receiver, hex(v, "header"), hex(v, "sealed"),
                                               sender.edPublicKey());
            QVERIFY(opened.ok());
            QCOMPARE(opened->plaintext, hex(v, "plaintext"));
            QCOMPARE(opened->senderPublicKey, hex(v, "sender_public"));
        }
    }

    void sessionHandshakeAndDataByteForByte() {
        const QJsonArray list = vectors().value(QLatin1String("session")).toArray();
        for (const auto &value : list) {
            const QJsonObject v = value.toObject();
            const SealIdentity initiator =
                identityFromSeed(hex(v, "initiator_seed"), hex(v, "initiator_public"));
            const SealIdentity responder =
                identityFromSeed(hex(v, "responder_seed"), hex(v, "responder_public"));
            const QJsonObject init = v.value(QLatin1String("init")).toObject();
            const QJsonObject response = v.value(QLatin1String("response")).toObject();

            const FirstMessage::Fixed fixed{hex(init, "ephemeral_secret"), hex(init, "nonce")};
            auto started =
                SessionHandshake::initiate(initiator, responder.edPublicKey(), hex(init, "header"),
                                           hex(init, "plaintext"), &fixed);
            QVERIFY(started.ok());
            QCOMPARE(started->sealed.toHex(), hex(init, "sealed").toHex());
            QCOMPARE(started->pending.sessionId.toHex(), hex(v, "session_id").toHex());

            auto accepted =
                SessionHandshake::accept(responder, hex(init, "header"), hex(init, "sealed"));
            QVERIFY(accepted.ok());
            QCOMPARE(accepted->plaintext, hex(init, "plaintext"));
            auto responded = SessionHandshake::respond(
                std::move(accepted).value(), hex(response, "header"), hex(response, "plaintext"), 0,
                hex(response, "ephemeral_secret"));
            QVERIFY(responded.ok());
            QCOMPARE(responded->sealed.toHex(), hex(response, "sealed").toHex());

            auto finished =
                SessionHandshake::finish(initiator, std::move(started->pending),
                                         hex(response, "header"), hex(response, "sealed"), 0);
            QVERIFY(finished.ok());
            QCOMPARE(finished->plaintext, hex(response, "plaintext"));

            SessionKeys &a = finished->session;
            SessionKeys &b = responded->session;
            for (const auto &dataValue : v.value(QLatin1String("data")).toArray()) {
                const QJsonObject d = dataValue.toObject();
                const bool fromInitiator =
                    d.value(QLatin1String("from")).toString() == QLatin1String("initiator");
                SessionKeys &sender = fromInitiator ? a : b;
                SessionKeys &receiver = fromInitiator ? b : a;
                QCOMPARE(sender.sentMessages(), std::uint64_t(d.value("counter").toInt()));
                auto sealed = sender.seal(hex(d, "header"), hex(d, "plaintext"));
                QVERIFY(sealed.ok());
                QCOMPARE(sealed->toHex(), hex(d, "sealed").toHex());
                auto opened = receiver.open(hex(d, "header"), hex(d, "sealed"));
                QVERIFY(opened.ok());
                QCOMPARE(*opened, hex(d, "plaintext"));
            }
        }
    }
};

QTEST_GUILESS_MAIN(TestSealVectors)
#include "tst_sealvectors.moc"
