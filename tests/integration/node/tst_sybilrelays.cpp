// SPDX-License-Identifier: GPL-3.0-or-later
// Sybils (test::HostilePeer) against a real node: 30 member identities dial it from one
// address, each claiming a listener in another /24. The routing table's per-network limits count
// the address they connect from, so few enter it; the others must neither serve as next hops
// (relays) nor keep their connections once the node has more than it needs.
#include "HostilePeer.h"
#include "LogCapture.h"
#include "LoopbackConfig.h"
#include "node/NodeRunner.h"

#include <QTemporaryDir>

#include <QtTest>

#include <cstdio>

using namespace orion;

namespace {

constexpr int kSybils = 30;

} // namespace

class TestSybilRelays : public QObject {
    Q_OBJECT

    std::unique_ptr<test::LogCapture> m_log;
    QTemporaryDir m_dir;
    identity::NetworkKey m_networkKey = identity::NetworkKey::generate();
    identity::NodeIdentity m_nodeIdentity = identity::NodeIdentity::generate();
    std::unique_ptr<node::NodeRunner> m_node;
    quint16 m_port = 0;
    node::NodeConfig m_config;

    std::vector<std::unique_ptr<test::HostilePeer>> m_sybils;

    node::NodeStatus status() {
        node::Node *n = m_node->node();
        return m_node->call([n] { return n->status(); });
    }

private Q_SLOTS:
    void initTestCase() {
        m_log = std::make_unique<test::LogCapture>();
        m_config = test::LoopbackConfig::make();
        m_config.overlay.routing.addressLimits = true; // what a real node has
        m_config.maxConnections = 4;
        m_config.connectionIdleMs = 0;
        m_config.connectionPolicyIntervalMs = 200;
        m_node = std::make_unique<node::NodeRunner>(std::make_unique<node::Node>(
            node::Profile(m_dir.path()), m_nodeIdentity.clone(), m_networkKey.clone(), m_config));
        auto started = m_node->start();
        QVERIFY(started.ok());
        m_port = routing::Endpoint::parse(*started)->port();
    }

    void sybilsFromOneNetworkAreFewRelays() {
        std::vector<net::PeerConnection *> connections;
        for (int i = 0; i < kSybils; ++i) {
            m_sybils.push_back(std::make_unique<test::HostilePeer>(m_networkKey));
            connections.push_back(
                m_sybils.back()->connect({m_port, m_nodeIdentity.publicKey()}, 20000));
            QVERIFY(connections.back());
        }
        for (int i = 0; i < kSybils; ++i) {
            // A listener in a /24 of its own, on loopback addresses (127.N.0.1) so that
            // nothing ever leaves this machine should the node dial one.
            test::HostilePeer &s = *m_sybils[size_t(i)];
            QVERIFY(connections[size_t(i)]->send(
                s.activation(s.record({QStringLiteral("127.%1.0.1").arg(i + 1)}, 4321))));
        }
        // Positive control: every Sybil was activated by the node.
        for (const auto &s : m_sybils) {
            QVERIFY(!s->next(overlay::MessageType::Confirmation, 20000).isEmpty());
        }
        const node::NodeStatus now = status();
        const auto &routing = m_config.overlay.routing;
        // They all connect from 127.0.0.1: the table holds at most its per-network share.
        QVERIFY2(now.contacts <= routing.maxPerSubnetInTable,
                 qPrintable(QString::number(now.contacts)));
        QVERIFY(now.contacts > 0);
        // The others were refused for their network, and counted.
        QVERIFY2(now.contactsRefusedNetwork >= kSybils - now.contacts,
                 qPrintable(QString::number(now.contactsRefusedNetwork)));
        // Only those serve as next hops; before, every Sybil with a listener did (30).
        QVERIFY2(now.relays <= now.contacts, qPrintable(QString::number(now.relays)));
        std::printf("%d Sybils activated: %d contacts, %d relays, %d connections\n", kSybils,
                    now.contacts, now.relays, now.activePeers);
        // The ones the table does not hold are surplus connections like any the node
        // dialled: closed while the node has more than maxConnections (before, inbound ones
        // were never closed and all 30 stayed).
        QTRY_VERIFY_WITH_TIMEOUT(
            status().activePeers <= std::max(m_config.maxConnections, status().contacts), 20000);
        int closed = 0;
        for (const auto &s : m_sybils) {
            closed += s->closeReasons().isEmpty() ? 0 : 1;
        }
        QVERIFY2(closed >= kSybils - routing.maxPerSubnetInTable,
                 qPrintable(QString::number(closed)));
        QVERIFY(m_log->contains(QStringLiteral("surplus connection")));
    }

    // The opposite case, honest peers with listeners: peers the table leaves out only
    // because their buckets are full chose this node as a neighbour; closing them would make
    // each dial again at once, a handshake per idle period, for ever.
    void peersOutsideAFullBucketKeepTheirConnections() {
        node::NodeConfig config = m_config;
        config.overlay.routing.k = 1; // every bucket full after its first contact
        QTemporaryDir dir;
        const identity::NodeIdentity identity = identity::NodeIdentity::generate();
        node::NodeRunner runner(std::make_unique<node::Node>(
            node::Profile(dir.path()), identity.clone(), m_networkKey.clone(), config));
        auto started = runner.start();
        QVERIFY(started.ok());
        const test::HostilePeer::Target target{routing::Endpoint::parse(*started)->port(),
                                               identity.publicKey()};
        constexpr int kPeers = 6; // fewer than maxPerSubnetInTable: no network is over its share
        QVERIFY(kPeers < config.overlay.routing.maxPerSubnetInTable);
        std::vector<std::unique_ptr<test::HostilePeer>> peers;
        for (int i = 0; i < kPeers; ++i) {
            peers.push_back(std::make_unique<test::HostilePeer>(m_networkKey));
            QVERIFY(peers.back()->listen().ok());
            QVERIFY(peers.back()->activate(target));
        }
        node::Node *n = runner.node();
        auto statusNow = [&] { return runner.call([n] { return n->status(); }); };
        // Ten policy ticks: before, every peer the table did not hold was closed at the first.
        QTest::qWait(int(config.connectionPolicyIntervalMs) * 10);
        const node::NodeStatus now = statusNow();
        // Positive control: some peers are outside the table and the node holds more
        // connections than maxConnections, so the policy had surplus to look for.
        QVERIFY2(now.contacts < kPeers, qPrintable(QString::number(now.contacts)));
        QVERIFY(now.activePeers > config.maxConnections);
        QCOMPARE(now.activePeers, kPeers);
        for (const auto &p : peers) {
            QVERIFY2(p->closeReasons().isEmpty(),
                     qPrintable(p->closeReasons().join(QStringLiteral("; "))));
        }
        peers.clear();
        runner.stop();
    }

    void cleanupTestCase() {
        m_sybils.clear();
        if (m_node) {
            m_node->stop();
        }
        m_node.reset();
        m_log.reset();
    }
};

QTEST_GUILESS_MAIN(TestSybilRelays)
#include "tst_sybilrelays.moc"
