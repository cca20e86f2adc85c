// SPDX-License-Identifier: GPL-3.0-or-later
#include "TestData.h"
#include "crypto/Ed25519.h"
#include "crypto/HmacSha512256.h"
#include "crypto/Random.h"
#include "crypto/X25519.h"
#include "net/BoxStreamDecryptor.h"
#include "net/BoxStreamEncryptor.h"
#include "net/SecretHandshake.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QtTest>

using namespace orion;
using orion::net::SecretHandshake;

namespace {

QByteArray hex(const QJsonObject &o, const char *key) {
    return QByteArray::fromHex(o.value(QLatin1String(key)).toString().toLatin1());
}

std::shared_ptr<const crypto::Ed25519> key(QByteArrayView sk) {
    auto k = crypto::Ed25519::fromSecretKey(sk);
    Q_ASSERT(k.ok());
    return std::make_shared<const crypto::Ed25519>(std::move(k.value()));
}

QByteArray outcome(net::BoxStreamKeys &keys) {
    return keys.encryptionKey().toByteArray() + keys.encryptionNonce +
           keys.decryptionKey().toByteArray() + keys.decryptionNonce;
}

struct Pair {
    SecretHandshake client;
    SecretHandshake server;
};

Pair makePair(const QByteArray &network = QByteArray(32, 'n'),
              const QByteArray &serverNetwork = {}) {
    auto clientKey = std::make_shared<const crypto::Ed25519>(crypto::Ed25519::generate());
    auto serverKey = std::make_shared<const crypto::Ed25519>(crypto::Ed25519::generate());
    return {SecretHandshake::client(clientKey, network, serverKey->publicKey()),
            SecretHandshake::server(serverKey, serverNetwork.isEmpty() ? network : serverNetwork)};
}

// Runs a handshake, letting mutate change each message in flight. Returns the messages.
QList<QByteArray> run(Pair &p, const std::function<void(int, QByteArray &)> &mutate = {}) {
    QList<QByteArray> messages;
    for (int step = 0; step < 4; ++step) {
        SecretHandshake &from = (step % 2 == 0) ? p.client : p.server;
        SecretHandshake &to = (step % 2 == 0) ? p.server : p.client;
        QByteArray msg = from.takeOutput();
        if (msg.isEmpty()) {
            break;
        }
        if (mutate) {
            mutate(step, msg);
        }
        messages.append(msg);
        to.feed(msg);
        if (to.hasFailed()) {
            break;
        }
    }
    return messages;
}

} // namespace

class TestSecretHandshake : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void knownVectors_data() {
        QTest::addColumn<QJsonObject>("vector");
        const auto doc = QJsonDocument::fromJson(
            test::TestData::read(QStringLiteral("transport/shs1-handshake.json")));
        const QJsonArray vectors = doc.object().value(QLatin1String("vectors")).toArray();
        QCOMPARE(vectors.size(), 2);
        for (const auto &v : vectors) {
            const QJsonObject o = v.toObject();
            QTest::newRow(qPrintable(o.value(QLatin1String("name")).toString())) << o;
        }
    }

    void knownVectors() {
        QFETCH(QJsonObject, vector);
        const QJsonObject in = vector.value(QLatin1String("inputs")).toObject();
        const QJsonObject msgs = vector.value(QLatin1String("messages")).toObject();
        const QByteArray network = hex(in, "network_identifier");
        auto clientEph = crypto::X25519::fromSecretKey(hex(in, "client_ephemeral_sk"));
        auto serverEph = crypto::X25519::fromSecretKey(hex(in, "server_ephemeral_sk"));
        QVERIFY(clientEph.ok() && serverEph.ok());
        QCOMPARE(clientEph->publicKey(), hex(in, "client_ephemeral_pk"));
        QCOMPARE(serverEph->publicKey(), hex(in, "server_ephemeral_pk"));

        auto client =
            SecretHandshake::client(key(hex(in, "client_longterm_sk")), network,
                                    hex(in, "server_longterm_pk"), std::move(clientEph.value()));
        auto server = SecretHandshake::server(key(hex(in, "server_longterm_sk")), network,
                                              std::move(serverEph.value()));
        QVERIFY(!server.hasOutput()); // nothing before msg1

        const QByteArray msg1 = client.takeOutput();
        QCOMPARE(msg1.toHex(), hex(msgs, "msg1").toHex());
        QCOMPARE(server.feed(msg1), msg1.size());
        const QByteArray msg2 = server.takeOutput();
        QCOMPARE(msg2.toHex(), hex(msgs, "msg2").toHex());
        QCOMPARE(client.feed(msg2), msg2.size());
        const QByteArray msg3 = client.takeOutput();
        QCOMPARE(msg3.toHex(), hex(msgs, "msg3").toHex());
        QCOMPARE(server.feed(msg3), msg3.size());
        QVERIFY(server.isDone());
        const QByteArray msg4 = server.takeOutput();
        QCOMPARE(msg4.toHex(), hex(msgs, "msg4").toHex());
        QCOMPARE(client.feed(msg4), msg4.size());
        QVERIFY(client.isDone());

        QCOMPARE(server.remotePublicKey(), hex(in, "client_longterm_pk"));
        QCOMPARE(client.remotePublicKey(), hex(in, "server_longterm_pk"));

        const QJsonObject co = vector.value(QLatin1String("client_outcome")).toObject();
        const QJsonObject so = vector.value(QLatin1String("server_outcome")).toObject();
        net::BoxStreamKeys ck = client.takeKeys();
        net::BoxStreamKeys sk = server.takeKeys();
        QCOMPARE(outcome(ck).toHex(), hex(co, "shs1_test_outcome").toHex());
        QCOMPARE(outcome(sk).toHex(), hex(so, "shs1_test_outcome").toHex());
        QCOMPARE(ck.encryptionKey().toByteArray(), hex(co, "encryption_key"));
        QCOMPARE(ck.decryptionNonce, hex(co, "decryption_nonce"));

        // The first box-stream bytes each side sends: one chunk, then the goodbye.
        const QJsonObject bs = vector.value(QLatin1String("box_stream")).toObject();
        net::BoxStreamEncryptor clientOut(crypto::SecureBuffer::fromBytes(ck.encryptionKey()),
                                          ck.encryptionNonce);
        net::BoxStreamEncryptor serverOut(crypto::SecureBuffer::fromBytes(sk.encryptionKey()),
                                          sk.encryptionNonce);
        QByteArray c2s, s2c;
        QVERIFY(clientOut.encrypt(hex(bs, "client_to_server_plaintext"), c2s));
        QVERIFY(clientOut.goodbye(c2s));
        QVERIFY(serverOut.encrypt(hex(bs, "server_to_client_plaintext"), s2c));
        QVERIFY(serverOut.goodbye(s2c));
        QCOMPARE(c2s.toHex(), hex(bs, "client_to_server_ciphertext").toHex());
        QCOMPARE(s2c.toHex(), hex(bs, "server_to_client_ciphertext").toHex());

        net::BoxStreamDecryptor serverIn(crypto::SecureBuffer::fromBytes(sk.decryptionKey()),
                                         sk.decryptionNonce);
        QByteArray plain;
        QVERIFY(serverIn.feed(c2s, plain).ok());
        QVERIFY(serverIn.isFinished());
        QCOMPARE(plain, hex(bs, "client_to_server_plaintext"));
    }

    void roundTripByteByByte() {
        for (int round = 0; round < 5; ++round) {
            Pair p = makePair(crypto::Random::bytes(32));
            // Deliver every message one byte at a time.
            for (int step = 0; step < 4; ++step) {
                SecretHandshake &from = (step % 2 == 0) ? p.client : p.server;
                SecretHandshake &to = (step % 2 == 0) ? p.server : p.client;
                const QByteArray msg = from.takeOutput();
                QCOMPARE(msg.size(), QList<int>({64, 64, 112, 80}).at(step));
                for (char c : msg) {
                    QVERIFY(!to.hasOutput());
                    QCOMPARE(to.feed(QByteArrayView(&c, 1)), 1);
                    QVERIFY(!to.hasFailed());
                }
            }
            QVERIFY(p.client.isDone() && p.server.isDone());
            auto ck = p.client.takeKeys();
            auto sk = p.server.takeKeys();
            QVERIFY(ck.encryptionKey() == sk.decryptionKey());
            QVERIFY(ck.decryptionKey() == sk.encryptionKey());
            QCOMPARE(ck.encryptionNonce, sk.decryptionNonce);
            QCOMPARE(ck.decryptionNonce, sk.encryptionNonce);
            QVERIFY(ck.encryptionKey() != ck.decryptionKey());
        }
    }

    void leavesTrailingBytesForTheStream() {
        Pair p = makePair();
        p.server.feed(p.client.takeOutput());
        p.client.feed(p.server.takeOutput());
        const QByteArray msg3 = p.client.takeOutput() + QByteArray("stream bytes");
        QCOMPARE(p.server.feed(msg3), 112);
        QVERIFY(p.server.isDone());
        QCOMPARE(p.server.feed("more"), 0);
    }

    void everyTamperedByteFails() {
        const int sizes[4] = {64, 64, 112, 80};
        for (int step = 0; step < 4; ++step) {
            for (int byte = 0; byte < sizes[step]; ++byte) {
                Pair p = makePair();
                run(p, [&](int s, QByteArray &msg) {
                    if (s == step) {
                        msg[byte] = char(msg[byte] ^ (1 << (byte % 8)));
                    }
                });
                SecretHandshake &receiver = (step % 2 == 0) ? p.server : p.client;
                QVERIFY2(receiver.hasFailed(),
                         qPrintable(QStringLiteral("msg%1 byte %2").arg(step + 1).arg(byte)));
                QVERIFY(!receiver.hasOutput());
                QVERIFY(!receiver.error().isEmpty());
                if (step == 0) {
                    // The server says nothing to a client that fails msg1.
                    QVERIFY(!p.server.hasOutput());
                }
            }
        }
    }

    void wrongNetworkKeyRevealsNothing() {
        Pair p = makePair(QByteArray(32, 'a'), QByteArray(32, 'b'));
        const QByteArray msg1 = p.client.takeOutput();
        QCOMPARE(p.server.feed(msg1), 64);
        QVERIFY(p.server.hasFailed());
        QVERIFY(!p.server.hasOutput());
        QVERIFY(p.server.takeOutput().isEmpty());
        QCOMPARE(p.server.feed(QByteArray(64, 'x')), 0);
        QVERIFY(p.server.takeOutput().isEmpty());
    }

    void wrongServerKeyFails() {
        const QByteArray network(32, 'n');
        auto clientKey = std::make_shared<const crypto::Ed25519>(crypto::Ed25519::generate());
        auto serverKey = std::make_shared<const crypto::Ed25519>(crypto::Ed25519::generate());
        auto other = crypto::Ed25519::generate();
        Pair p{SecretHandshake::client(clientKey, network, other.publicKey()),
               SecretHandshake::server(serverKey, network)};
        run(p);
        QVERIFY(p.server.hasFailed()); // msg3 was boxed for a different server
        QVERIFY(!p.client.isDone());
    }

    void lowOrderEphemeralFails() {
        // A correctly authenticated msg1 whose ephemeral key has low order: X25519 yields
        // all zeros, which everyone could compute, so the server must refuse it.
        const QByteArray network(32, 'n');
        auto serverKey = std::make_shared<const crypto::Ed25519>(crypto::Ed25519::generate());
        const QByteArray lowOrder[] = {
            QByteArray(32, '\0'),
            QByteArray::fromHex(
                "0100000000000000000000000000000000000000000000000000000000000000")};
        for (const QByteArray &point : lowOrder) {
            auto server = SecretHandshake::server(serverKey, network);
            server.feed(crypto::HmacSha512256::mac(network, point) + point);
            QVERIFY(server.hasFailed());
            QVERIFY(!server.hasOutput());
        }
    }

    void badArguments() {
        auto k = std::make_shared<const crypto::Ed25519>(crypto::Ed25519::generate());
        QVERIFY(SecretHandshake::client(k, QByteArray(31, 'n'), k->publicKey()).hasFailed());
        QVERIFY(SecretHandshake::client(k, QByteArray(32, 'n'), QByteArray(3, 'x')).hasFailed());
        QVERIFY(SecretHandshake::server(k, QByteArray(33, 'n')).hasFailed());
        QVERIFY(SecretHandshake::server(nullptr, QByteArray(32, 'n')).hasFailed());
    }
};

QTEST_GUILESS_MAIN(TestSecretHandshake)
#include "tst_secrethandshake.moc"
