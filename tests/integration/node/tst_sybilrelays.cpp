// SPDX-License-Identifier: GPL-3.0-or-later
// Sybils against a real node: 30 member identities dial it from one address, each claiming
// a listener in another /24. The routing table's per-network limits count the address they
// connect from, so few enter it; the others must neither serve as next hops (relays) nor
// keep their connections once the node has more than it needs.
#include "LogCapture.h"
#include "LoopbackConfig.h"
#include "identity/MemberRecord.h"
#include "net/ConnectionManager.h"
#include "node/NodeRunner.h"
#include "overlay/MessageCodec.h"

#include <QCborMap>
#include <QSignalSpy>
#include <QTemporaryDir>

#include <QtTest>

#include <cstdio>

using namespace orion;

namespace {

constexpr int kSybils = 30;

QCborMap activation(const identity::MemberRecord &record) {
    QCborMap map;
    map.insert(qint64(0), int(overlay::MessageType::Activation));
    map.insert(qint64(1), overlay::kProtocolVersion);
    map.insert(qint64(2), record.toCborMap());
    return map;
}

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

    struct Sybil {
        identity::NodeIdentity identity = identity::NodeIdentity::generate();
        std::unique_ptr<net::ConnectionManager> manager;
        net::PeerConnection *connection = nullptr;
        bool confirmed = false;
        bool closed = false; // the connection is deleted once closed: only this flag stays
    };
    std::vector<std::unique_ptr<Sybil>> m_sybils;

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
        for (int i = 0; i < kSybils; ++i) {
            auto s = std::make_unique<Sybil>();
            s->manager = std::make_unique<net::ConnectionManager>(
                s->identity.keyPair(), m_networkKey.bytes().view(), net::TransportConfig{});
            Sybil *raw = s.get();
            connect(s->manager.get(), &net::ConnectionManager::messageReceived, this,
                    [raw](net::PeerConnection *, const QCborValue &m) {
                        raw->confirmed =
                            raw->confirmed || overlay::MessageCodec::typeOf(m) ==
                                                  int(overlay::MessageType::Confirmation);
                    });
            connect(s->manager.get(), &net::ConnectionManager::connectionClosed, this,
                    [raw](net::PeerConnection *, const QString &) { raw->closed = true; });
            s->connection = s->manager->connectTo(QStringLiteral("127.0.0.1"), m_port,
                                                  m_nodeIdentity.publicKey());
            m_sybils.push_back(std::move(s));
        }
        for (int i = 0; i < kSybils; ++i) {
            Sybil &s = *m_sybils[size_t(i)];
            QTRY_VERIFY_WITH_TIMEOUT(s.connection->isEstablished(), 20000);
            // A listener in a /24 of its own, on loopback addresses (127.N.0.1) so that
            // nothing ever leaves this machine should the node dial one.
            auto record =
                identity::MemberRecord::create(s.identity, m_networkKey.networkId(),
                                               {QStringLiteral("127.%1.0.1").arg(i + 1)}, 4321);
            record.sign(s.identity);
            QVERIFY(s.connection->send(activation(record)));
        }
        // Positive control: every Sybil was activated by the node.
        for (const auto &s : m_sybils) {
            QTRY_VERIFY_WITH_TIMEOUT(s->confirmed, 20000);
        }
        const node::NodeStatus now = status();
        const auto &routing = m_config.overlay.routing;
        // They all connect from 127.0.0.1: the table holds at most its per-network share.
        QVERIFY2(now.contacts <= routing.maxPerSubnetInTable,
                 qPrintable(QString::number(now.contacts)));
        QVERIFY(now.contacts > 0);
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
            closed += s->closed ? 1 : 0;
        }
        QVERIFY2(closed >= kSybils - routing.maxPerSubnetInTable,
                 qPrintable(QString::number(closed)));
        QVERIFY(m_log->contains(QStringLiteral("surplus connection")));
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
