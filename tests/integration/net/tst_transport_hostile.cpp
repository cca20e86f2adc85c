// SPDX-License-Identifier: GPL-3.0-or-later
// Misbehaving peers against a node over loopback: each must end in a logged close with
// the right reason while the node keeps serving a well-behaved peer.
#include "TransportHarness.h"

#include "crypto/Random.h"
#include "net/MessageFramer.h"

#include <QTimer>

#include <vector>

using namespace orion;
using namespace orion::test;

class TestTransportHostile : public QObject {
    Q_OBJECT

    // Waits for the node's next close and checks its reason and its log line.
    static bool closedWith(Node &node, const CloseLog &log, const QString &prefix, int count = 1) {
        if (!QTest::qWaitFor([&] { return node.countReasons(prefix) >= count; }, 30000)) {
            qWarning() << "close reasons so far:" << node.closeReasons;
            return false;
        }
        return node.countReasons(prefix) == count && log.count(prefix) >= count;
    }

private Q_SLOTS:
    void initTestCase() { raiseFileLimit(); }

    void randomBytesInsteadOfHandshake() {
        CloseLog log;
        Node server;
        RawPeer raw(server.port());
        QVERIFY(raw.connected);
        raw.write(crypto::Random::bytes(4096));
        QVERIFY(closedWith(server, log, QStringLiteral("handshake failed: msg1")));
        // The server answered nothing at all: a scanner learns nothing about the network.
        QTRY_VERIFY_WITH_TIMEOUT(raw.socket.state() == QAbstractSocket::UnconnectedState, 20000);
        QCOMPARE(raw.socket.bytesAvailable(), 0);
        Node good(quickConfig(), false);
        QVERIFY(exchange(good, server));
    }

    void garbageFrameAfterHandshake() {
        CloseLog log;
        Node server;
        RawPeer raw(server.port());
        QVERIFY(raw.handshake(server.publicKey()));
        QTRY_COMPARE_WITH_TIMEOUT(server.established, 1, 20000);
        raw.write(crypto::Random::bytes(34 + 200));
        QVERIFY(
            closedWith(server, log, QStringLiteral("protocol error: box stream header failed")));
        Node good(quickConfig(), false);
        QVERIFY(exchange(good, server));
    }

    void tamperedFrameAfterValidOnes() {
        CloseLog log;
        Node server;
        RawPeer raw(server.port());
        QVERIFY(raw.handshake(server.publicKey()));
        QByteArray plain;
        QVERIFY(net::MessageFramer::encode(QCborValue(1), plain).ok());
        QVERIFY(net::MessageFramer::encode(QCborValue(2), plain).ok());
        QByteArray wire;
        raw.encryptor.encrypt(plain.first(5), wire); // message 1
        QByteArray second;
        raw.encryptor.encrypt(plain.sliced(5), second);
        QCOMPARE(second.size(), 34 + 5);
        second[36] = char(second[36] ^ 0x01); // inside the body
        raw.write(wire + second);
        QVERIFY(closedWith(server, log, QStringLiteral("protocol error: box stream body")));
        QCOMPARE(server.inbox.size(), 1); // the intact message before it was delivered
        QCOMPARE(server.inbox.at(0).toInteger(), 1);
        Node good(quickConfig(), false);
        QVERIFY(exchange(good, server));
    }

    void oversizedLength() {
        CloseLog log;
        Node server;
        RawPeer raw(server.port());
        QVERIFY(raw.handshake(server.publicKey()));
        QByteArray wire;
        raw.encryptor.encrypt(QByteArray::fromHex("00100001"), wire); // 1 MiB + 1
        raw.write(wire);
        QVERIFY(closedWith(server, log, QStringLiteral("protocol error: message length")));
        Node good(quickConfig(), false);
        QVERIFY(exchange(good, server));
    }

    void malformedCbor() {
        CloseLog log;
        Node server;
        RawPeer raw(server.port());
        QVERIFY(raw.handshake(server.publicKey()));
        QByteArray wire;
        raw.encryptor.encrypt(QByteArray::fromHex("000000035f41ff"), wire);
        raw.write(wire);
        QVERIFY(closedWith(server, log, QStringLiteral("protocol error: malformed CBOR")));
        Node good(quickConfig(), false);
        QVERIFY(exchange(good, server));
    }

    void frameCutOffByDisconnect() {
        CloseLog log;
        Node server;
        RawPeer raw(server.port());
        QVERIFY(raw.handshake(server.publicKey()));
        QByteArray plain;
        QVERIFY(net::MessageFramer::encode(QCborValue(QByteArray(1000, 'z')), plain).ok());
        QByteArray wire;
        raw.encryptor.encrypt(plain, wire);
        raw.write(wire.first(wire.size() / 2));
        raw.socket.disconnectFromHost();
        QVERIFY(closedWith(server, log, QStringLiteral("connection lost before goodbye")));
        QVERIFY(server.inbox.isEmpty());
        Node good(quickConfig(), false);
        QVERIFY(exchange(good, server));
    }

    void peerSendingOneBytePerSecond() {
        CloseLog log;
        net::TransportConfig config = quickConfig();
        config.handshakeTimeout = std::chrono::milliseconds(2500);
        config.idleTimeout = std::chrono::milliseconds(2500);
        config.keepAliveInterval = std::chrono::milliseconds(500);
        Node server(config);

        // During the handshake: msg1 one byte per second.
        RawPeer slowHandshake(server.port());
        auto hs = net::SecretHandshake::client(
            std::make_shared<const crypto::Ed25519>(crypto::Ed25519::generate()), kNetworkKey,
            server.publicKey());
        const QByteArray msg1 = hs.takeOutput();

        // After the handshake: a valid frame one byte per second.
        RawPeer slowStream(server.port());
        QVERIFY(slowStream.handshake(server.publicKey()));
        QByteArray plain, frame;
        QVERIFY(net::MessageFramer::encode(QCborValue(QByteArray(100, 'y')), plain).ok());
        slowStream.encryptor.encrypt(plain, frame);

        int sent = 0;
        QTimer drip;
        connect(&drip, &QTimer::timeout, this, [&] {
            if (sent < msg1.size() &&
                slowHandshake.socket.state() == QAbstractSocket::ConnectedState) {
                slowHandshake.write(msg1.mid(sent, 1));
            }
            if (sent < frame.size() &&
                slowStream.socket.state() == QAbstractSocket::ConnectedState) {
                slowStream.write(frame.mid(sent, 1));
            }
            ++sent;
        });
        drip.start(1000);

        // The node keeps serving others meanwhile.
        Node good(quickConfig(), false);
        QVERIFY(exchange(good, server));
        QVERIFY(closedWith(server, log, QStringLiteral("handshake timeout")));
        QVERIFY(closedWith(server, log, QStringLiteral("idle timeout")));
        QVERIFY(server.inbox.size() >= 20); // only the good peer's messages
        QVERIFY(exchange(good, server));
    }

    void fiveHundredHalfOpenConnections() {
        CloseLog log;
        net::TransportConfig config = quickConfig();
        config.handshakeTimeout = std::chrono::milliseconds(4000);
        Node server(config);
        constexpr int kCount = 500;
        std::vector<std::unique_ptr<QTcpSocket>> sockets;
        sockets.reserve(kCount);
        for (int i = 0; i < kCount; ++i) {
            sockets.push_back(std::make_unique<QTcpSocket>());
            sockets.back()->connectToHost(QHostAddress::LocalHost, server.port());
        }
        // A well-behaved peer is served while the half-open ones occupy the node.
        Node good(quickConfig(), false);
        QVERIFY(exchange(good, server));
        QVERIFY(closedWith(server, log, QStringLiteral("handshake timeout"), kCount));
        QCOMPARE(server.manager->inboundCount(), 0);
        // Every half-open socket was closed by the node, not merely left behind.
        QTRY_VERIFY_WITH_TIMEOUT(std::all_of(sockets.begin(), sockets.end(),
                                             [](const auto &s) {
                                                 return s->state() ==
                                                        QAbstractSocket::UnconnectedState;
                                             }),
                                 30000);
        QVERIFY(exchange(good, server));
    }
};

QTEST_GUILESS_MAIN(TestTransportHostile)
#include "tst_transport_hostile.moc"
