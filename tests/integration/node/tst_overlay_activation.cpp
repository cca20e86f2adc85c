// SPDX-License-Identifier: GPL-3.0-or-later
// A hostile peer (tests/support/HostilePeer) talks to a real node over loopback and sends
// what an honest node never would; the node must reject each with a logged reason and keep
// running.
#include "HostilePeer.h"
#include "LockedSpy.h"
#include "LogCapture.h"
#include "node/NodeRunner.h"
#include "overlay/MessageCodec.h"
#include "util/ThreadHandOver.h"

#include <QCborArray>
#include <QCborMap>
#include <QTemporaryDir>

#include <QtTest>

using namespace orion;
using identity::Key160;
using overlay::MessageType;

class TestOverlayActivation : public QObject {
    Q_OBJECT

    std::unique_ptr<test::LogCapture> m_log;
    QTemporaryDir m_dir;
    identity::NetworkKey m_networkKey = identity::NetworkKey::generate();
    identity::NodeIdentity m_nodeIdentity = identity::NodeIdentity::generate();
    identity::NodeIdentity m_client = identity::NodeIdentity::generate();
    std::unique_ptr<node::NodeRunner> m_node;
    test::HostilePeer::Target m_target;

    std::unique_ptr<test::HostilePeer> m_peer;
    net::PeerConnection *m_connection = nullptr;

    // A fresh connection (of a fresh peer with the same identity); the previous one, if any,
    // is closed first.
    void connectClient() {
        if (m_connection) {
            m_connection->close(QStringLiteral("next case"));
            QTest::qWait(50);
        }
        m_peer = std::make_unique<test::HostilePeer>(m_networkKey, m_client.clone());
        m_connection = m_peer->connect(m_target);
        QVERIFY(m_connection);
    }

    void expectClosedWith(const QCborValue &message, const QString &reason) {
        QVERIFY(!m_peer->sendAndAwaitClose(m_connection, message).isEmpty());
        m_connection = nullptr;
        QTRY_VERIFY2(m_log->contains(reason), qPrintable(reason));
    }

    void activateClient() {
        QVERIFY(m_connection->send(m_peer->activation(m_peer->record())));
        QVERIFY(!m_peer->next(MessageType::Confirmation).isEmpty());
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
        m_target = {routing::Endpoint::parse(*started)->port(), m_nodeIdentity.publicKey()};
    }

    void rejectsBadSignature() {
        connectClient();
        auto record = m_peer->record();
        record.agent = QStringLiteral("tampered");
        expectClosedWith(m_peer->activation(record), QStringLiteral("activation record rejected"));
    }

    void rejectsRecordOfAnotherKey() {
        connectClient();
        const auto other = identity::NodeIdentity::generate();
        auto record = identity::MemberRecord::create(other, m_networkKey.networkId(), {}, 4321);
        record.sign(other);
        expectClosedWith(m_peer->activation(record),
                         QStringLiteral("differs from the handshake key"));
    }

    void rejectsWrongNetwork() {
        connectClient();
        const auto record = m_peer->record({QStringLiteral("127.0.0.1")}, std::nullopt,
                                           identity::NetworkKey::generate().networkId());
        expectClosedWith(m_peer->activation(record), QStringLiteral("activation record rejected"));
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
        QVERIFY(m_connection->send(m_peer->activation(m_peer->record())));
        const QCborMap confirmation = m_peer->next(MessageType::Confirmation);
        QVERIFY(!confirmation.isEmpty());
        // The node tells us the address it sees us at.
        QCOMPARE(confirmation.value(3).toByteArray(), QByteArray("\x7f\x00\x00\x01", 4));
        auto nodeRecord = identity::MemberRecord::fromCborMap(confirmation.value(2).toMap());
        QVERIFY(nodeRecord.ok());
        QVERIFY(nodeRecord->verifyForNetwork(m_networkKey.networkId()).ok());
        QCOMPARE(nodeRecord->port, m_target.port);

        // Unknown types get an error; the connection stays.
        QCborMap unknown;
        unknown.insert(qint64(0), 99);
        unknown.insert(qint64(77), QStringLiteral("ignored field"));
        QVERIFY(m_connection->send(unknown));
        const QCborMap error = m_peer->next(MessageType::Error);
        QCOMPARE(error.value(1).toInteger(), qint64(overlay::ErrorCode::UnknownType));

        // Ping with an unknown extra field is answered.
        QCborMap ping = overlay::MessageCodec::encode(overlay::PingMessage{7}).toMap();
        ping.insert(qint64(50), 1);
        QVERIFY(m_connection->send(ping));
        QCOMPARE(m_peer->next(MessageType::Pong).value(1).toInteger(), 7);

        // The node asks us during its lookups; our replies carry bad entries.
        auto *node = m_node->node();
        auto askUs = [&] {
            util::handover::post(node, [node] { node->lookup(identity::Key160::random()); });
            return m_peer->next(MessageType::FindNode);
        };
        QCborMap find = askUs();
        QVERIFY(!find.isEmpty());
        const auto other = identity::NodeIdentity::generate();
        QCborArray entries;
        entries.append(QCborArray{other.publicKey(), QByteArray("\x7f\x00\x00\x01", 4), 0});
        entries.append(QCborArray{other.publicKey(), QByteArray("\x7f\x00\x01", 3), 80});
        entries.append(QCborArray{QByteArray(5, 'k'), QByteArray("\x7f\x00\x00\x01", 4), 80});
        QCborMap nodes;
        nodes.insert(qint64(0), int(MessageType::Nodes));
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
        activateClient();

        // An activation padded with an unknown field to 512 KiB: the length alone is
        // refused, before the node buffers or parses the body.
        connectClient();
        const QCborMap padded = m_peer->oversizedActivation(512 * 1024);
        expectClosedWith(padded, QStringLiteral("first message length"));
        QTRY_COMPARE(protocolErrors(), before + 1);
    }

    void refusesDeeplyNestedMessage() {
        using test::HostilePeer;
        connectClient();
        activateClient();
        // Positive control: a ping with 20 nested arrays in an unknown field is answered.
        QCborMap ping = overlay::MessageCodec::encode(overlay::PingMessage{8}).toMap();
        ping.insert(qint64(50), HostilePeer::nested(20));
        QVERIFY(m_connection->send(ping));
        QCOMPARE(m_peer->next(MessageType::Pong).value(1).toInteger(), 8);
        // 40 are past the bound: the connection is closed before the value is built.
        ping.insert(qint64(50), HostilePeer::nested(40));
        expectClosedWith(ping, QStringLiteral("nested deeper than 32"));
    }

    // A member answers a find-node with 20 IDs that all name one host and port (a trap
    // listener here): the node dials it once for the lookup, not 20 times.
    void refusesDialAmplification() {
        connectClient();
        activateClient();
        const routing::Endpoint trap = m_peer->openTrap();
        m_peer->answerFindNodeWithOneHost(trap, 20, 1);

        auto *node = m_node->node();
        const Key160 target = Key160::random();
        test::LockedSpy finished(node, &node::Node::lookupFinished);
        util::handover::post(node, [node, target] { node->lookup(target); });
        QVERIFY(!m_peer->next(MessageType::FindNode).isEmpty());
        QCOMPARE(m_peer->amplifiedReplies(), 1);
        QTRY_VERIFY_WITH_TIMEOUT(
            ([&] {
                const auto calls = finished.calls();
                return std::any_of(calls.begin(), calls.end(),
                                   [&](const auto &call) { return std::get<0>(call) == target; });
            }()),
            20000);
        // Positive control: the reply reached the node, and it did dial the trap.
        QTRY_COMPARE(m_peer->trapConnections(), 1);
        QTest::qWait(200); // connections still in the trap's backlog are counted too
        QCOMPARE(m_peer->trapConnections(), 1);
    }

    void cleanupTestCase() {
        m_peer.reset();
        m_node.reset();
        m_log.reset();
    }
};

QTEST_GUILESS_MAIN(TestOverlayActivation)
#include "tst_overlay_activation.moc"
