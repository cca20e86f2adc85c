// SPDX-License-Identifier: GPL-3.0-or-later
// Two nodes over loopback: bulk exchange, backpressure, keep-alive, goodbye, duplicates
// and limits.
#include "TransportHarness.h"

#include <QCborArray>
#include <QTcpServer>

using namespace orion;
using namespace orion::test;

namespace {

// Deterministic payload for message seq, so the receiver can check every byte.
QByteArray payload(int seq, qsizetype size) {
    QByteArray p(size, Qt::Uninitialized);
    quint32 x = quint32(seq) * 2654435761u + 1;
    for (qsizetype i = 0; i < size; ++i) {
        x = x * 1103515245u + 12345u;
        p[i] = char(x >> 24);
    }
    return p;
}

// Mostly small messages, a few of 64 KiB and ten close to the 1 MiB limit.
qsizetype payloadSize(int seq) {
    if (seq % 1000 == 999) {
        return 1024 * 1024 - 32;
    }
    if (seq % 100 == 50) {
        return 64 * 1024;
    }
    return qsizetype((quint32(seq) * 7919u) % 1500u);
}

} // namespace

class TestTransportExchange : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { raiseFileLimit(); }

    void tenThousandMessagesInOrder() {
        Node a, b;
        net::PeerConnection *c =
            a.manager->connectTo(QStringLiteral("127.0.0.1"), b.port(), b.publicKey());
        QVERIFY(c);
        QTRY_VERIFY_WITH_TIMEOUT(c->isEstablished(), 20000);
        QTRY_VERIFY_WITH_TIMEOUT(b.manager->connectionFor(a.publicKey()), 20000);
        net::PeerConnection *back = b.manager->connectionFor(a.publicKey());
        QVERIFY(back->isInbound());
        QVERIFY(!c->isInbound());
        QCOMPARE(c->remotePublicKey(), b.publicKey());
        QCOMPARE(back->remotePublicKey(), a.publicKey());
        QCOMPARE(back->remoteAddress(), QHostAddress(QHostAddress::LocalHost));
        QCOMPARE(c->remotePort(), b.port());

        constexpr int kCount = 10000;
        int next = 0;
        int refusals = 0;
        // Sends until the queue is full, then waits for writable(): never unbounded.
        auto pump = [&] {
            while (next < kCount) {
                const QCborValue message =
                    (next % 10 == 3)
                        ? QCborValue(next % 24) // a 1-byte CBOR message
                        : QCborValue(QCborArray{next, payload(next, payloadSize(next))});
                if (!c->send(message)) {
                    ++refusals;
                    QVERIFY(!c->canSend());
                    return;
                }
                ++next;
            }
        };
        connect(c, &net::PeerConnection::writable, this, pump);
        // Replies flow the other way at the same time.
        int replies = 0;
        connect(b.manager.get(), &net::ConnectionManager::messageReceived, this,
                [&](net::PeerConnection *from, const QCborValue &m) {
                    if (m.isArray() && m.toArray().at(0).toInteger() % 100 == 0) {
                        from->send(QCborArray{QStringLiteral("ack"), m.toArray().at(0)});
                        ++replies;
                    }
                });
        pump();
        QTRY_VERIFY_WITH_TIMEOUT(b.inbox.size() == kCount, 120000);
        QCOMPARE(next, kCount);
        for (int i = 0; i < kCount; ++i) {
            const QCborValue &m = b.inbox.at(i);
            if (i % 10 == 3) {
                QCOMPARE(m.toInteger(), qint64(i % 24));
                QCOMPARE(m.toCbor().size(), 1);
                continue;
            }
            QVERIFY2(m.isArray(), qPrintable(QString::number(i)));
            QCOMPARE(m.toArray().at(0).toInteger(), qint64(i));
            QVERIFY2(m.toArray().at(1).toByteArray() == payload(i, payloadSize(i)),
                     qPrintable(QString::number(i)));
        }
        QTRY_COMPARE_WITH_TIMEOUT(a.inbox.size(), replies, 20000);
        for (int i = 0; i < replies; ++i) {
            QCOMPARE(a.inbox.at(i).toArray().at(1).toInteger(), qint64(i * 100));
        }
        QCOMPARE(c->messagesSent(), kCount);
        QCOMPARE(back->messagesReceived(), kCount);
        QVERIFY(c->bytesSent() > 10 * 1024 * 1024);
        QCOMPARE(back->bytesReceived(), c->bytesSent());
        qInfo() << "send refusals (backpressure):" << refusals;
        QVERIFY(a.closeReasons.isEmpty() && b.closeReasons.isEmpty());
    }

    void sizeLimits() {
        Node a, b;
        auto *c = a.manager->connectTo(QStringLiteral("127.0.0.1"), b.port(), b.publicKey());
        QTRY_VERIFY_WITH_TIMEOUT(c->isEstablished(), 20000);
        // The CBOR encoding of a byte string of n bytes (n >= 65536) has a 5-byte head.
        const qsizetype limit = 1024 * 1024;
        QVERIFY(c->send(QCborValue(QByteArray(limit - 5, 'x'))));
        QVERIFY(!c->send(QCborValue(QByteArray(limit - 4, 'x'))));
        QTRY_COMPARE_WITH_TIMEOUT(b.inbox.size(), 1, 20000);
        QCOMPARE(b.inbox.at(0).toByteArray().size(), limit - 5);
        QVERIFY(c->isEstablished());
    }

    void backpressureBoundsTheQueue() {
        net::TransportConfig config = quickConfig();
        config.sendHighWaterMark = 256 * 1024;
        Node a(config), b(config);
        auto *c = a.manager->connectTo(QStringLiteral("127.0.0.1"), b.port(), b.publicKey());
        QTRY_VERIFY_WITH_TIMEOUT(c->isEstablished(), 20000);
        // Without running the event loop nothing drains: send() must refuse at the mark.
        int accepted = 0;
        while (c->send(QCborValue(QByteArray(10000, 'q')))) {
            ++accepted;
            QVERIFY(accepted < 1000);
        }
        QVERIFY(!c->canSend());
        QVERIFY(c->queuedBytes() >= config.sendHighWaterMark);
        QVERIFY(c->queuedBytes() < config.sendHighWaterMark + 20000);
        QSignalSpy writable(c, &net::PeerConnection::writable);
        QVERIFY(writable.wait(20000));
        QVERIFY(c->canSend());
        QTRY_COMPARE_WITH_TIMEOUT(b.inbox.size(), accepted, 20000);
    }

    // Many connections whose queues fill at once (peers that read slowly): the node-wide
    // budget bounds their sum for routed (bulk) traffic, while overlay (control) messages
    // still go. Positive control: without the budget every connection fills to its mark.
    void sendBudgetBoundsAllConnectionsTogether() {
        constexpr int kPeers = 4;
        const QByteArray body(10000, 'q');
        const auto fill = [&](Node &a, std::vector<std::unique_ptr<Node>> &peers) {
            std::vector<net::PeerConnection *> connections;
            for (int i = 0; i < kPeers; ++i) {
                peers.push_back(std::make_unique<Node>());
                auto *c = a.manager->connectTo(QStringLiteral("127.0.0.1"), peers.back()->port(),
                                               peers.back()->publicKey());
                connections.push_back(c);
            }
            for (auto *c : connections) {
                if (!QTest::qWaitFor([c] { return c->isEstablished(); }, 20000)) {
                    return std::vector<int>{};
                }
            }
            // Without running the event loop nothing drains.
            std::vector<int> accepted;
            for (auto *c : connections) {
                int n = 0;
                while (c->send(QCborValue(body), net::PeerConnection::Traffic::Bulk) && n < 1000) {
                    ++n;
                }
                accepted.push_back(n);
            }
            return accepted;
        };
        net::TransportConfig config = quickConfig();
        config.sendHighWaterMark = 256 * 1024;

        config.maxQueuedBytes = 0; // no node-wide bound
        {
            Node a(config);
            std::vector<std::unique_ptr<Node>> peers;
            const auto accepted = fill(a, peers);
            QCOMPARE(int(accepted.size()), kPeers);
            for (int n : accepted) {
                QVERIFY(n * body.size() >= config.sendHighWaterMark); // each filled to its mark
            }
            QVERIFY(a.manager->sendBudget().used >= kPeers * config.sendHighWaterMark);
            QCOMPARE(a.manager->sendBudget().refused, qint64(0));
        }

        config.maxQueuedBytes = 600 * 1024;
        Node a(config);
        std::vector<std::unique_ptr<Node>> peers;
        const auto accepted = fill(a, peers);
        QCOMPARE(int(accepted.size()), kPeers);
        const qint64 used = a.manager->sendBudget().used;
        QVERIFY(used >= config.maxQueuedBytes);
        QVERIFY(used < config.maxQueuedBytes + 2 * body.size());
        QCOMPARE(accepted.back(), 0); // the last connection got nothing routed
        QCOMPARE(a.manager->sendBudget().refused, qint64(2)); // once each for the last two
        // Overlay messages still go while the budget is used up.
        auto *last = a.manager->connectionFor(peers.back()->publicKey());
        QVERIFY(last && last->send(QCborMap{{QStringLiteral("find"), 1}}));
        // Once the queues drain, the budget counts (almost) nothing again, and every message
        // accepted arrived.
        int total = 1;
        for (int n : accepted) {
            total += n;
        }
        QTRY_VERIFY_WITH_TIMEOUT(
            [&] {
                qsizetype arrived = 0;
                for (const auto &p : peers) {
                    arrived += p->inbox.size();
                }
                return arrived == total;
            }(),
            20000);
        QTRY_COMPARE_WITH_TIMEOUT(a.manager->sendBudget().used, qint64(0), 20000);
        for (const auto &p : peers) {
            a.manager->connectionFor(p->publicKey())->close(QStringLiteral("done"));
        }
        QTRY_COMPARE_WITH_TIMEOUT(a.manager->sendBudget().used, qint64(0), 20000);
    }

    void keepAliveHoldsAnIdleConnection() {
        net::TransportConfig config = quickConfig();
        config.idleTimeout = std::chrono::milliseconds(800);
        config.keepAliveInterval = std::chrono::milliseconds(150);
        Node a(config), b(config);
        auto *c = a.manager->connectTo(QStringLiteral("127.0.0.1"), b.port(), b.publicKey());
        QTRY_VERIFY_WITH_TIMEOUT(c->isEstablished(), 20000);
        QTRY_VERIFY_WITH_TIMEOUT(b.manager->connectionFor(a.publicKey()), 20000);
        auto *back = b.manager->connectionFor(a.publicKey());
        // Several idle timeouts pass without a message; keep-alives keep both ends open.
        QTRY_VERIFY_WITH_TIMEOUT(back->keepAlivesReceived() >= 8 && c->keepAlivesReceived() >= 8,
                                 30000);
        QVERIFY(c->isEstablished() && back->isEstablished());
        QVERIFY(a.closeReasons.isEmpty() && b.closeReasons.isEmpty());
        QVERIFY(b.inbox.isEmpty()); // keep-alives are not messages
    }

    void goodbyeDeliversEverythingFirst() {
        Node a, b;
        auto *c = a.manager->connectTo(QStringLiteral("127.0.0.1"), b.port(), b.publicKey());
        QTRY_VERIFY_WITH_TIMEOUT(c->isEstablished(), 20000);
        QSignalSpy aClosed(a.manager.get(), &net::ConnectionManager::connectionClosed);
        for (int i = 0; i < 100; ++i) {
            QVERIFY(c->send(QCborValue(i)));
        }
        c->close(QStringLiteral("done"));
        QCOMPARE(c->state(), net::PeerConnection::State::Closed);
        QVERIFY(!c->send(QCborValue(1)));
        QCOMPARE(aClosed.size(), 1);
        QCOMPARE(aClosed.at(0).at(1).toString(), QStringLiteral("done"));
        QTRY_COMPARE_WITH_TIMEOUT(b.closeReasons, QStringList{QStringLiteral("peer said goodbye")},
                                  20000);
        QCOMPARE(b.inbox.size(), 100);
        QCOMPARE(b.inbox.last().toInteger(), 99);
        QVERIFY(a.manager->connections().isEmpty());
        QTRY_VERIFY_WITH_TIMEOUT(b.manager->connections().isEmpty(), 20000);
    }

    // close() while the socket still holds wire bytes and the rest of what send() took is
    // plaintext (encrypted only once the socket drains): all of it arrives, in order, before
    // the goodbye. Positive control: right before close() there was such a backlog.
    void goodbyeAfterABacklogDeliversEverythingFirst() {
        net::TransportConfig config = quickConfig();
        config.sendHighWaterMark = 16 * 1024 * 1024;
        Node a(config), b(config);
        auto *c = a.manager->connectTo(QStringLiteral("127.0.0.1"), b.port(), b.publicKey());
        QTRY_VERIFY_WITH_TIMEOUT(c->isEstablished(), 20000);
        QTRY_VERIFY_WITH_TIMEOUT(b.manager->connectionFor(a.publicKey()), 20000);
        int accepted = 0;
        while (c->send(QCborArray{accepted, payload(accepted, 60000)})) {
            ++accepted;
        }
        // One turn: the flush hands the kernel what it takes (a few MiB at most while the
        // receiver has not read), far from 16.
        QCoreApplication::processEvents();
        QVERIFY(c->queuedBytes() > 4 * 1024 * 1024);
        c->close(QStringLiteral("done"));
        QTRY_COMPARE_WITH_TIMEOUT(b.closeReasons, QStringList{QStringLiteral("peer said goodbye")},
                                  60000);
        QCOMPARE(b.inbox.size(), accepted);
        for (int i = 0; i < accepted; ++i) {
            QCOMPARE(b.inbox.at(i).toArray().at(0).toInteger(), qint64(i));
            QVERIFY2(b.inbox.at(i).toArray().at(1).toByteArray() == payload(i, 60000),
                     qPrintable(QString::number(i)));
        }
    }

    void closeAfterPeerReadsUntilTheGoodbye() {
        Node a, b;
        auto *c = a.manager->connectTo(QStringLiteral("127.0.0.1"), b.port(), b.publicKey());
        QTRY_VERIFY_WITH_TIMEOUT(c->isEstablished(), 20000);
        QTRY_VERIFY_WITH_TIMEOUT(b.manager->connectionFor(a.publicKey()), 20000);
        auto *back = b.manager->connectionFor(a.publicKey());
        for (int i = 0; i < 10; ++i) {
            QVERIFY(c->send(QCborValue(i)));
        }
        c->closeAfterPeer(QStringLiteral("duplicate"));
        QCOMPARE(c->state(), net::PeerConnection::State::Closing);
        QVERIFY(!c->send(QCborValue(1)));
        // b has not read a's goodbye yet: what it sends now crosses it, and still arrives.
        for (int i = 100; i < 150; ++i) {
            QVERIFY(back->send(QCborValue(i)));
        }
        QTRY_COMPARE_WITH_TIMEOUT(a.closeReasons, QStringList{QStringLiteral("duplicate")}, 20000);
        QCOMPARE(a.inbox.size(), 50);
        QCOMPARE(a.inbox.first().toInteger(), 100);
        QCOMPARE(a.inbox.last().toInteger(), 149);
        QTRY_COMPARE_WITH_TIMEOUT(b.closeReasons, QStringList{QStringLiteral("peer said goodbye")},
                                  20000);
        QCOMPARE(b.inbox.size(), 10);
        QTRY_VERIFY_WITH_TIMEOUT(a.manager->connections().isEmpty(), 20000);
        QTRY_VERIFY_WITH_TIMEOUT(b.manager->connections().isEmpty(), 20000);
    }

    void retireReadsUntilTheGoodbye() {
        // A node closing a connection it no longer wants (surplus, idle): the peer may have
        // sent on it before seeing the goodbye, and those messages still arrive.
        Node a, b;
        auto *c = a.manager->connectTo(QStringLiteral("127.0.0.1"), b.port(), b.publicKey());
        QTRY_VERIFY_WITH_TIMEOUT(c->isEstablished(), 20000);
        QTRY_VERIFY_WITH_TIMEOUT(b.manager->connectionFor(a.publicKey()), 20000);
        auto *back = b.manager->connectionFor(a.publicKey());
        a.manager->retire(c, QStringLiteral("surplus connection"));
        QCOMPARE(c->state(), net::PeerConnection::State::Closing);
        // Retired at once: no longer a's connection to b, so a new dial would start.
        QCOMPARE(a.manager->connectionFor(b.publicKey()), nullptr);
        QCOMPARE(a.manager->connections().size(), 1);
        for (int i = 0; i < 20; ++i) {
            QVERIFY(back->send(QCborValue(i)));
        }
        QTRY_COMPARE_WITH_TIMEOUT(a.closeReasons, QStringList{QStringLiteral("surplus connection")},
                                  20000);
        QCOMPARE(a.inbox.size(), 20);
        QCOMPARE(a.inbox.last().toInteger(), 19);
        QTRY_COMPARE_WITH_TIMEOUT(b.closeReasons, QStringList{QStringLiteral("peer said goodbye")},
                                  20000);
        QTRY_VERIFY_WITH_TIMEOUT(a.manager->connections().isEmpty(), 20000);
    }

    void simultaneousDialsKeepOneConnection() {
        for (int round = 0; round < 5; ++round) {
            Node a, b;
            a.manager->connectTo(QStringLiteral("127.0.0.1"), b.port(), b.publicKey());
            b.manager->connectTo(QStringLiteral("127.0.0.1"), a.port(), a.publicKey());
            QTRY_VERIFY_WITH_TIMEOUT(a.countReasons(QStringLiteral("duplicate")) >= 1 &&
                                         b.countReasons(QStringLiteral("duplicate")) >= 1,
                                     20000);
            QTest::qWait(100);
            auto *ab = a.manager->connectionFor(b.publicKey());
            auto *ba = b.manager->connectionFor(a.publicKey());
            QVERIFY(ab && ba);
            QCOMPARE(a.manager->connections().size(), 1);
            QCOMPARE(b.manager->connections().size(), 1);
            // The survivor is the one the node with the smaller key dialled, on both ends.
            const bool aDialled = a.publicKey() < b.publicKey();
            QCOMPARE(ab->isInbound(), !aDialled);
            QCOMPARE(ba->isInbound(), aDialled);
            QVERIFY(ab->send(QCborValue(QStringLiteral("still here"))));
            QTRY_COMPARE_WITH_TIMEOUT(b.inbox.size(), 1, 20000);
        }
    }

    void connectToReusesAConnection() {
        Node a, b;
        auto *c1 = a.manager->connectTo(QStringLiteral("127.0.0.1"), b.port(), b.publicKey());
        auto *c2 = a.manager->connectTo(QStringLiteral("127.0.0.1"), b.port(), b.publicKey());
        QCOMPARE(c1, c2);
        QTRY_VERIFY_WITH_TIMEOUT(c1->isEstablished(), 20000);
        QCOMPARE(a.manager->connectTo(QStringLiteral("127.0.0.1"), b.port(), b.publicKey()), c1);
        QCOMPARE(a.manager->connectionFor(b.publicKey()), c1);
    }

    void inboundAndAddressLimits() {
        net::TransportConfig config = quickConfig();
        config.maxInbound = 3;
        config.maxPerAddress = 2;
        Node server(config);
        std::vector<std::unique_ptr<Node>> clients;
        for (int i = 0; i < 4; ++i) {
            clients.push_back(std::make_unique<Node>(quickConfig(), false));
            clients.back()->manager->connectTo(QStringLiteral("127.0.0.1"), server.port(),
                                               server.publicKey());
        }
        QTRY_COMPARE_WITH_TIMEOUT(server.closeReasons.size(), 2, 20000);
        QCOMPARE(server.countReasons(QStringLiteral("address limit")), 2);
        QCOMPARE(server.manager->inboundCount(), 2);

        config.maxPerAddress = 10;
        server.manager->setConfig(config);
        for (int i = 0; i < 2; ++i) {
            clients[std::size_t(i)]->manager->closeAll(QStringLiteral("retry"));
        }
        QTRY_COMPARE_WITH_TIMEOUT(server.manager->inboundCount(), 0, 20000);
        for (int i = 0; i < 4; ++i) {
            clients[std::size_t(i)]->manager->connectTo(QStringLiteral("127.0.0.1"), server.port(),
                                                        server.publicKey());
        }
        QTRY_COMPARE_WITH_TIMEOUT(server.countReasons(QStringLiteral("inbound limit")), 1, 20000);
        QTRY_COMPARE_WITH_TIMEOUT(server.manager->connections().size(), 3, 20000);
    }

    void wrongServerKeyNeverEstablishes() {
        Node a, b;
        const QByteArray wrong = crypto::Ed25519::generate().publicKey();
        auto *c = a.manager->connectTo(QStringLiteral("127.0.0.1"), b.port(), wrong);
        QVERIFY(c);
        QTRY_COMPARE_WITH_TIMEOUT(a.closeReasons.size(), 1, 20000);
        QVERIFY(
            a.closeReasons.at(0).startsWith(QStringLiteral("connection lost during handshake")));
        QTRY_COMPARE_WITH_TIMEOUT(b.closeReasons.size(), 1, 20000);
        QVERIFY(b.closeReasons.at(0).startsWith(QStringLiteral("handshake failed")));
        QCOMPARE(a.established + b.established, 0);
    }

    void connectFailureIsReported() {
        Node a;
        quint16 deadPort;
        {
            QTcpServer probe;
            QVERIFY(probe.listen(QHostAddress::LocalHost, 0));
            deadPort = probe.serverPort();
        }
        a.manager->connectTo(QStringLiteral("127.0.0.1"), deadPort,
                             crypto::Ed25519::generate().publicKey());
        QTRY_COMPARE_WITH_TIMEOUT(a.closeReasons.size(), 1, 20000);
        QVERIFY(a.closeReasons.at(0).startsWith(QStringLiteral("connect failed")));
    }
};

QTEST_GUILESS_MAIN(TestTransportExchange)
#include "tst_transport_exchange.moc"
