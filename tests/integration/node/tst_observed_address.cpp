// SPDX-License-Identifier: GPL-3.0-or-later
// Observed-address poisoning: a node that listens on a wildcard address and publishes no
// address learns it from peers. Identities that connect to it and all claim one address
// must not put that address into its member record; only peers it dialled count, from
// enough distinct networks, and a dial-back must reach the node itself first.
#include "LogCapture.h"
#include "LoopbackConfig.h"
#include "identity/MemberRecord.h"
#include "net/ConnectionManager.h"
#include "net/PeerConnection.h"
#include "node/BootstrapList.h"
#include "node/NodeRunner.h"
#include "overlay/MessageCodec.h"

#include <QSignalSpy>
#include <QTemporaryDir>
#include <QtTest>

using namespace orion;

namespace {

// A member that answers every activation with a confirmation claiming `observed` as the
// address it sees the other side at.
class ClaimingMember : public QObject {
public:
    ClaimingMember(const identity::NetworkKey &networkKey, const routing::Endpoint &observed)
        : m_observed(observed)
        , m_networkId(networkKey.networkId())
        , m_manager(m_identity.keyPair(), networkKey.bytes().view(), net::TransportConfig{}) {
        QObject::connect(&m_manager, &net::ConnectionManager::messageReceived, this,
                         [this](net::PeerConnection *c, const QCborValue &m) {
                             if (overlay::MessageCodec::typeOf(m) ==
                                 int(overlay::MessageType::Activation)) {
                                 ++activations;
                                 c->send(activation(true));
                             }
                         });
    }

    // Listens on 127.0.0.1; the record says so.
    void listen() { QVERIFY(m_manager.listen(QHostAddress::LocalHost, 0).ok()); }
    identity::MemberRecord record() const {
        auto r = identity::MemberRecord::create(
            m_identity, m_networkId, {QStringLiteral("127.0.0.1")}, m_manager.listenPort());
        r.sign(m_identity);
        return r;
    }
    QCborValue activation(bool confirmation) const {
        overlay::ActivationMessage a;
        a.confirmation = confirmation;
        a.record = record().toCborMap();
        a.observed = m_observed;
        return overlay::MessageCodec::encodeActivation(a);
    }
    // Connects to the node and activates, claiming m_observed.
    net::PeerConnection *dial(quint16 port, const QByteArray &nodeKey) {
        QSignalSpy established(&m_manager, &net::ConnectionManager::connectionEstablished);
        m_manager.connectTo(QStringLiteral("127.0.0.1"), port, nodeKey);
        if (!established.wait(10000)) {
            return nullptr;
        }
        auto *c = established.first().first().value<net::PeerConnection *>();
        c->send(activation(false));
        return c;
    }

    int activations = 0;

private:
    identity::NodeIdentity m_identity = identity::NodeIdentity::generate();
    routing::Endpoint m_observed;
    QByteArray m_networkId;
    net::ConnectionManager m_manager;
};

} // namespace

class TestObservedAddress : public QObject {
    Q_OBJECT

    std::unique_ptr<test::LogCapture> m_log;
    QTemporaryDir m_dir;
    identity::NetworkKey m_networkKey = identity::NetworkKey::generate();

    struct RunningNode {
        identity::NodeIdentity identity = identity::NodeIdentity::generate();
        std::unique_ptr<node::NodeRunner> thread;
        quint16 port = 0;

        node::NodeStatus status() {
            node::NodeStatus s;
            thread->call([&] { s = thread->node()->status(); });
            return s;
        }
        QStringList published() {
            QStringList a;
            thread->call([&] { a = thread->node()->memberRecord().addresses; });
            return a;
        }
    };

    // A node on every address of the host (so that it has to learn which one peers see).
    std::unique_ptr<RunningNode> startNode(const QString &name, int networks) {
        auto n = std::make_unique<RunningNode>();
        node::NodeConfig config = test::LoopbackConfig::make(true);
        config.listenAddress = QHostAddress::AnyIPv4;
        config.observedAddressNetworks = networks;
        n->thread = std::make_unique<node::NodeRunner>(
            std::make_unique<node::Node>(node::Profile(m_dir.filePath(name)), n->identity.clone(),
                                         m_networkKey.clone(), config));
        auto started = n->thread->start();
        if (!started.ok()) {
            return nullptr;
        }
        n->port = routing::Endpoint::parse(*started)->port();
        return n;
    }

    // The member listens and goes into the node's peers/ folder, so that the node dials it.
    void seedWith(const QString &name, ClaimingMember &member) {
        member.listen();
        QVERIFY(node::BootstrapList::add(node::Profile(m_dir.filePath(name)), member.record(),
                                         m_networkKey.networkId())
                    .ok());
    }

private Q_SLOTS:
    void initTestCase() { m_log = std::make_unique<test::LogCapture>(); }

    // 16 identities connect and all claim the node is at 203.0.113.7 (a documentation
    // address: nothing is ever sent there).
    void inboundClaimsAreNoVotes() {
        auto n = startNode(QStringLiteral("victim"), 1);
        QVERIFY(n);
        const auto claimed = *routing::Endpoint::parse(u"203.0.113.7:4000");
        std::vector<std::unique_ptr<ClaimingMember>> sybils;
        for (int i = 0; i < 16; ++i) {
            sybils.push_back(std::make_unique<ClaimingMember>(m_networkKey, claimed));
            QVERIFY(sybils.back()->dial(n->port, n->identity.publicKey()));
        }
        // Positive control: every claim reached the node, which activated them all.
        QTRY_COMPARE(n->status().activePeers, 16);
        QCOMPARE(n->status().observedAddress, QString());
        QCOMPARE(n->status().confirmedAddress, QString());
        QVERIFY(!n->published().contains(QStringLiteral("203.0.113.7")));
        QVERIFY(!m_log->contains(QStringLiteral("203.0.113.7")));
    }

    // A peer the node dialled reports 127.0.0.1: with one network required, the node
    // checks it by dialling itself there, and publishes it.
    void dialledPeersVoteAndADialBackConfirms() {
        auto n = startNode(QStringLiteral("learner"), 1);
        QVERIFY(n);
        ClaimingMember member(m_networkKey, *routing::Endpoint::parse(u"127.0.0.1:1"));
        seedWith(QStringLiteral("learner"), member);
        QTRY_VERIFY_WITH_TIMEOUT(member.activations > 0, 20000);
        QTRY_COMPARE_WITH_TIMEOUT(n->status().confirmedAddress, QStringLiteral("127.0.0.1"), 20000);
        QVERIFY(n->published().contains(QStringLiteral("127.0.0.1")));
        QVERIFY(m_log->contains(QStringLiteral("a dial-back reached it")));
    }

    // The same single report is not enough where three networks must agree.
    void oneNetworkIsNotEnough() {
        auto n = startNode(QStringLiteral("strict"), 3);
        QVERIFY(n);
        ClaimingMember member(m_networkKey, *routing::Endpoint::parse(u"127.0.0.1:1"));
        seedWith(QStringLiteral("strict"), member);
        QTRY_VERIFY_WITH_TIMEOUT(member.activations > 0, 20000);
        QTRY_COMPARE(n->status().observedAddress, QStringLiteral("127.0.0.1")); // the vote
        QCOMPARE(n->status().confirmedAddress, QString());
        QVERIFY(n->published().isEmpty());
    }

    void cleanupTestCase() { m_log.reset(); }
};

QTEST_GUILESS_MAIN(TestObservedAddress)
#include "tst_observed_address.moc"
