// SPDX-License-Identifier: GPL-3.0-or-later
// A real node against the misbehaviours of test::HostilePeer that the activation,
// observed-address, Sybil and flood tests do not cover: a flood of provider records, a peer
// that stops reading, and routed messages above the per-peer rate. Each defence shows in the node's
// status, and the node keeps serving.
#include "HostilePeer.h"
#include "LogCapture.h"
#include "LoopbackConfig.h"
#include "node/NodeRunner.h"
#include "overlay/MessageCodec.h"
#include "routing/RoutedMessage.h"

#include <QTemporaryDir>
#include <QtTest>

using namespace orion;
using test::HostilePeer;

class TestNodeDefences : public QObject {
    Q_OBJECT

    std::unique_ptr<test::LogCapture> m_log;
    QTemporaryDir m_dir;
    identity::NetworkKey m_networkKey = identity::NetworkKey::generate();

    struct RunningNode {
        identity::NodeIdentity identity = identity::NodeIdentity::generate();
        std::unique_ptr<node::NodeRunner> runner;
        HostilePeer::Target target;

        node::NodeStatus status() {
            return runner->call([this] { return runner->node()->status(); });
        }
    };

    std::unique_ptr<RunningNode> startNode(const QString &name, const node::NodeConfig &config) {
        auto n = std::make_unique<RunningNode>();
        n->runner = std::make_unique<node::NodeRunner>(
            std::make_unique<node::Node>(node::Profile(m_dir.filePath(name)), n->identity.clone(),
                                         m_networkKey.clone(), config));
        auto started = n->runner->start();
        if (!started.ok()) {
            return nullptr;
        }
        n->target = {routing::Endpoint::parse(*started)->port(), n->identity.publicKey()};
        return n;
    }

    // A member that behaves: it activates and its pings are answered.
    static bool isServed(RunningNode &n, const identity::NetworkKey &networkKey) {
        HostilePeer member(networkKey);
        net::PeerConnection *c = member.activate(n.target);
        return c && c->send(overlay::MessageCodec::encode(overlay::PingMessage{99})) &&
               member.next(overlay::MessageType::Pong).value(1).toInteger() == 99;
    }

private Q_SLOTS:
    void initTestCase() { m_log = std::make_unique<test::LogCapture>(); }

    // Valid records for 300 keys from one peer: the peer's quota (256) is stored, the rest
    // is refused and counted.
    void providerFloodStopsAtThePeersQuota() {
        node::NodeConfig config = test::LoopbackConfig::make();
        auto n = startNode(QStringLiteral("provider-target"), config);
        QVERIFY(n);
        HostilePeer peer(m_networkKey);
        net::PeerConnection *c = peer.activate(n->target);
        QVERIFY(c);
        const HostilePeer::ProviderFlood flood = peer.floodProviderRecords(c, 300);
        QCOMPARE(flood.sent, 300);
        // Positive control: all were answered, and records up to the quota were stored.
        QCOMPARE(flood.stored + flood.rejected, 300);
        QCOMPARE(flood.stored, config.providerStore.perSender);
        QCOMPARE(n->status().providerRecords, config.providerStore.perSender);
        QCOMPARE(n->status().providerRecordsRefused, qint64(300 - config.providerStore.perSender));
        QVERIFY(isServed(*n, m_networkKey));
    }

    // A peer asks for 24 MiB of echoes and stops reading: the node's send queue to it stops
    // at the high-water mark and further replies are dropped as busy; the connection stays
    // open and the node serves others.
    void slowReaderFillsTheQueueNotTheNode() {
        node::NodeConfig config = test::LoopbackConfig::make();
        config.transport.sendHighWaterMark = qint64{1024} * 1024;
        auto n = startNode(QStringLiteral("slow-target"), config);
        QVERIFY(n);
        HostilePeer peer(m_networkKey);
        test::SlowReader *reader = peer.startSlowReader(n->target, 96, 256 * 1024);
        QVERIFY(reader);
        // Positive control: the requests arrived (delivered to the echo service).
        QTRY_VERIFY_WITH_TIMEOUT(n->status().routing.delivered >= 96, 20000);
        QTRY_VERIFY_WITH_TIMEOUT(n->status().routing.busy > 0, 20000);
        QVERIFY(reader->isConnected());
        QCOMPARE(n->status().activePeers, 1); // the slow reader is still a peer
        QVERIFY(isServed(*n, m_networkKey));
    }

    // 1,000 routed messages at once from a peer allowed 100 per second (burst 200): those
    // over the rate are answered with busy, the others reach the node (no such service).
    void routedFloodAboveTheRateIsAnsweredBusy() {
        node::NodeConfig config = test::LoopbackConfig::make();
        config.routedPerSecondPerPeer = 100;
        config.routedBurstPerPeer = 200;
        auto n = startNode(QStringLiteral("rate-target"), config);
        QVERIFY(n);
        HostilePeer peer(m_networkKey);
        net::PeerConnection *c = peer.activate(n->target);
        QVERIFY(c);
        const HostilePeer::RoutedFlood flood = peer.floodRouted(c, n->identity.nodeId(), 1000);
        QCOMPARE(flood.sent, 1000);
        QCOMPARE(flood.busy + flood.otherErrors, 1000); // every message was answered
        QVERIFY(flood.busy >= 500);
        QVERIFY(flood.otherErrors >= 200); // positive control: within the rate, delivered
        QCOMPARE(peer.routedErrors(int(routing::RoutedMessage::ErrorCode::NoEndpoint)),
                 flood.otherErrors);
        QVERIFY(isServed(*n, m_networkKey));
    }

    void cleanupTestCase() { m_log.reset(); }
};

QTEST_GUILESS_MAIN(TestNodeDefences)
#include "tst_node_defences.moc"
