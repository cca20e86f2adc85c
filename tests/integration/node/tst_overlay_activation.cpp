// SPDX-License-Identifier: GPL-3.0-or-later
// A hand-driven peer talks to a real node over loopback and sends what an honest node
// never would; the node must reject each with a logged reason and keep running.
#include "LockedSpy.h"
#include "LogCapture.h"
#include "identity/MemberRecord.h"
#include "net/ConnectionManager.h"
#include "node/NodeRunner.h"
#include "overlay/MessageCodec.h"

#include <QCborArray>
#include <QCborMap>
#include <QMutex>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTemporaryDir>

#include <QtTest>

using namespace orion;
using identity::Key160;

namespace {

QCborMap activation(const identity::MemberRecord &record) {
    QCborMap map;
    map.insert(qint64(0), int(overlay::MessageType::Activation));
    map.insert(qint64(1), overlay::kProtocolVersion);
    map.insert(qint64(2), record.toCborMap());
    return map;
}

} // namespace

class TestOverlayActivation : public QObject {
    Q_OBJECT

    std::unique_ptr<test::LogCapture> m_log;
    QTemporaryDir m_dir;
    identity::NetworkKey m_networkKey = identity::NetworkKey::generate();
    identity::NodeIdentity m_nodeIdentity = identity::NodeIdentity::generate();
    identity::NodeIdentity m_client = identity::NodeIdentity::generate();
    std::unique_ptr<node::NodeRunner> m_node;
    quint16 m_port = 0;

    std::unique_ptr<net::ConnectionManager> m_manager;
    net::PeerConnection *m_connection = nullptr;

    identity::MemberRecord clientRecord(const QByteArray &networkId) const {
        auto r = identity::MemberRecord::create(m_client, networkId, {QStringLiteral("127.0.0.1")},
                                                4321);
        r.sign(m_client);
        return r;
    }

    // A fresh connection; the previous one, if any, is closed first.
    void connectClient() {
        if (m_connection) {
            m_connection->close(QStringLiteral("next case"));
            QTest::qWait(50);
        }
        m_manager = std::make_unique<net::ConnectionManager>(
            m_client.keyPair(), m_networkKey.bytes().view(), net::TransportConfig{});
        QSignalSpy established(m_manager.get(), &net::ConnectionManager::connectionEstablished);
        m_manager->connectTo(QStringLiteral("127.0.0.1"), m_port, m_nodeIdentity.publicKey());
        QVERIFY(established.wait(10000));
        m_connection = established.first().first().value<net::PeerConnection *>();
    }

    void expectClosedWith(const QCborValue &message, const QString &reason) {
        QSignalSpy closed(m_manager.get(), &net::ConnectionManager::connectionClosed);
        QVERIFY(m_connection->send(message));
        QVERIFY(closed.wait(10000));
        m_connection = nullptr;
        QTRY_VERIFY2(m_log->contains(reason), qPrintable(reason));
    }

    QCborMap nextMessageOfType(QSignalSpy &received, overlay::MessageType type) {
        for (int i = 0; i < 100; ++i) {
            while (!received.isEmpty()) {
                const auto args = received.takeFirst();
                const auto message = args.at(1).value<QCborValue>();
                if (overlay::MessageCodec::typeOf(message) == int(type)) {
                    return message.toMap();
                }
            }
            received.wait(100);
        }
        return {};
    }

private Q_SLOTS:
    void initTestCase() {
        m_log = std::make_unique<test::LogCapture>();
        node::NodeConfig config;
        config.listenAddress = QHostAddress::LocalHost;
        config.listenPort = 0;
        config.overlay.requestTimeoutMs = 2000;
        m_node = std::make_unique<node::NodeRunner>(std::make_unique<node::Node>(
            node::Profile(m_dir.path()), m_nodeIdentity.clone(), m_networkKey.clone(), config));
        auto started = m_node->start();
        QVERIFY(started.ok());
        m_port = routing::Endpoint::parse(*started)->port();
    }

    void rejectsBadSignature() {
        connectClient();
        auto record = clientRecord(m_networkKey.networkId());
        record.agent = QStringLiteral("tampered");
        expectClosedWith(activation(record), QStringLiteral("activation record rejected"));
    }

    void rejectsRecordOfAnotherKey() {
        connectClient();
        const auto other = identity::NodeIdentity::generate();
        auto record = identity::MemberRecord::create(other, m_networkKey.networkId(), {}, 4321);
        record.sign(other);
        expectClosedWith(activation(record), QStringLiteral("differs from the handshake key"));
    }

    void rejectsWrongNetwork() {
        connectClient();
        const auto record = clientRecord(identity::NetworkKey::generate().networkId());
        expectClosedWith(activation(record), QStringLiteral("activation record rejected"));
    }

    void rejectsMessagesBeforeActivation() {
        connectClient();
        expectClosedWith(overlay::MessageCodec::encode(overlay::PingMessage{42}),
                         QStringLiteral("before activation"));
        connectClient();
        expectClosedWith(QCborValue(QStringLiteral("garbage")), QStringLiteral("not a map"));
    }

    void activatesThenRejectsBadReplies() {
        connectClient();
        QSignalSpy received(m_manager.get(), &net::ConnectionManager::messageReceived);
        QVERIFY(m_connection->send(activation(clientRecord(m_networkKey.networkId()))));
        const QCborMap confirmation =
            nextMessageOfType(received, overlay::MessageType::Confirmation);
        QVERIFY(!confirmation.isEmpty());
        // The node tells us the address it sees us at.
        QCOMPARE(confirmation.value(3).toByteArray(), QByteArray("\x7f\x00\x00\x01", 4));
        auto nodeRecord = identity::MemberRecord::fromCborMap(confirmation.value(2).toMap());
        QVERIFY(nodeRecord.ok());
        QVERIFY(nodeRecord->verifyForNetwork(m_networkKey.networkId()).ok());
        QCOMPARE(nodeRecord->port, m_port);

        // Unknown types get an error; the connection stays.
        QCborMap unknown;
        unknown.insert(qint64(0), 99);
        unknown.insert(qint64(77), QStringLiteral("ignored field"));
        QVERIFY(m_connection->send(unknown));
        const QCborMap error = nextMessageOfType(received, overlay::MessageType::Error);
        QCOMPARE(error.value(1).toInteger(), qint64(overlay::ErrorCode::UnknownType));

        // Ping with an unknown extra field is answered.
        QCborMap ping = overlay::MessageCodec::encode(overlay::PingMessage{7}).toMap();
        ping.insert(qint64(50), 1);
        QVERIFY(m_connection->send(ping));
        QCOMPARE(nextMessageOfType(received, overlay::MessageType::Pong).value(1).toInteger(), 7);

        // The node asks us during its lookups; our replies carry bad entries.
        auto *node = m_node->node();
        auto askUs = [&] {
            util::handover::post(node, [node] { node->lookup(identity::Key160::random()); });
            return nextMessageOfType(received, overlay::MessageType::FindNode);
        };
        QCborMap find = askUs();
        QVERIFY(!find.isEmpty());
        const auto other = identity::NodeIdentity::generate();
        QCborArray entries;
        entries.append(QCborArray{other.publicKey(), QByteArray("\x7f\x00\x00\x01", 4), 0});
        entries.append(QCborArray{other.publicKey(), QByteArray("\x7f\x00\x01", 3), 80});
        entries.append(QCborArray{QByteArray(5, 'k'), QByteArray("\x7f\x00\x00\x01", 4), 80});
        QCborMap nodes;
        nodes.insert(qint64(0), int(overlay::MessageType::Nodes));
        nodes.insert(qint64(1), find.value(1));
        nodes.insert(qint64(2), entries);
        QVERIFY(m_connection->send(nodes));
        QTRY_VERIFY(m_log->contains(QStringLiteral("dropped 3 unusable entries")));
        QVERIFY(m_connection && m_connection->isEstablished());

        find = askUs();
        QVERIFY(!find.isEmpty());
        QCborArray flood;
        for (int i = 0; i < 10000; ++i) {
            flood.append(QCborArray{other.publicKey(), QByteArray("\x7f\x00\x00\x01", 4), 80});
        }
        nodes.insert(qint64(1), find.value(1));
        nodes.insert(qint64(2), flood);
        expectClosedWith(nodes, QStringLiteral("nodes reply with 10000 entries"));

        // The node is still fine.
        node::NodeStatus status;
        m_node->call([&] { status = node->status(); });
        QCOMPARE(status.nodeId, m_nodeIdentity.nodeId().toHex());
    }

    void refusesLargeFirstMessage() {
        auto protocolErrors = [this] {
            qint64 n = -1;
            m_node->call([&] { n = m_node->node()->status().transport.protocolErrors; });
            return n;
        };
        const qint64 before = protocolErrors();
        // Positive control: the same activation without the padding is accepted.
        connectClient();
        QSignalSpy received(m_manager.get(), &net::ConnectionManager::messageReceived);
        QVERIFY(m_connection->send(activation(clientRecord(m_networkKey.networkId()))));
        QVERIFY(!nextMessageOfType(received, overlay::MessageType::Confirmation).isEmpty());

        // An activation padded with an unknown field to 512 KiB: the length alone is
        // refused, before the node buffers or parses the body.
        connectClient();
        QCborMap padded = activation(clientRecord(m_networkKey.networkId()));
        padded.insert(qint64(77), QByteArray(512 * 1024, 'p'));
        expectClosedWith(padded, QStringLiteral("first message length"));
        QTRY_COMPARE(protocolErrors(), before + 1);
    }

    void refusesDeeplyNestedMessage() {
        auto nested = [](int depth) {
            QCborValue v(1);
            for (int i = 0; i < depth; ++i) {
                v = QCborArray{v};
            }
            return v;
        };
        connectClient();
        QSignalSpy received(m_manager.get(), &net::ConnectionManager::messageReceived);
        QVERIFY(m_connection->send(activation(clientRecord(m_networkKey.networkId()))));
        QVERIFY(!nextMessageOfType(received, overlay::MessageType::Confirmation).isEmpty());
        // Positive control: a ping with 20 nested arrays in an unknown field is answered.
        QCborMap ping = overlay::MessageCodec::encode(overlay::PingMessage{8}).toMap();
        ping.insert(qint64(50), nested(20));
        QVERIFY(m_connection->send(ping));
        QCOMPARE(nextMessageOfType(received, overlay::MessageType::Pong).value(1).toInteger(), 8);
        // 40 are past the bound: the connection is closed before the value is built.
        ping.insert(qint64(50), nested(40));
        expectClosedWith(ping, QStringLiteral("nested deeper than 32"));
    }

    // A member answers a find-node with 20 IDs that all name one host and port (a trap
    // listener here): the node dials it once for the lookup, not 20 times.
    void refusesDialAmplification() {
        QTcpServer trap;
        QVERIFY(trap.listen(QHostAddress::LocalHost, 0));
        int dialled = 0;
        connect(&trap, &QTcpServer::newConnection, this, [&] {
            while (QTcpSocket *s = trap.nextPendingConnection()) {
                ++dialled;
                s->abort();
                s->deleteLater();
            }
        });
        connectClient();
        QSignalSpy received(m_manager.get(), &net::ConnectionManager::messageReceived);
        QVERIFY(m_connection->send(activation(clientRecord(m_networkKey.networkId()))));
        QVERIFY(!nextMessageOfType(received, overlay::MessageType::Confirmation).isEmpty());

        auto *node = m_node->node();
        const Key160 target = Key160::random();
        test::LockedSpy finished(node, &node::Node::lookupFinished);
        util::handover::post(node, [node, target] { node->lookup(target); });
        const QCborMap find = nextMessageOfType(received, overlay::MessageType::FindNode);
        QVERIFY(!find.isEmpty());
        QCborArray entries;
        for (int i = 0; i < 20; ++i) {
            entries.append(QCborArray{identity::NodeIdentity::generate().publicKey(),
                                      QByteArray("\x7f\x00\x00\x01", 4), trap.serverPort()});
        }
        QCborMap nodes;
        nodes.insert(qint64(0), int(overlay::MessageType::Nodes));
        nodes.insert(qint64(1), find.value(1));
        nodes.insert(qint64(2), entries);
        QVERIFY(m_connection->send(nodes));
        QTRY_VERIFY_WITH_TIMEOUT(
            ([&] {
                const auto calls = finished.calls();
                return std::any_of(calls.begin(), calls.end(),
                                   [&](const auto &call) { return std::get<0>(call) == target; });
            }()),
            20000);
        // Positive control: the reply reached the node, and it did dial the trap.
        QTRY_COMPARE(dialled, 1);
        QTest::qWait(200); // connections still in the trap's backlog are counted too
        QCOMPARE(dialled, 1);
    }

    void cleanupTestCase() {
        m_manager.reset();
        m_node.reset();
        m_log.reset();
    }
};

QTEST_GUILESS_MAIN(TestOverlayActivation)
#include "tst_overlay_activation.moc"
