// SPDX-License-Identifier: GPL-3.0-or-later
// Observed-address poisoning: a node that listens on a wildcard address and publishes no
// address learns it from peers. Identities that connect to it and all claim one address
// must not put that address into its member record; only peers it dialled count, from
// enough distinct networks, and a dial-back must reach the node itself first.
#include "HostilePeer.h"
#include "LogCapture.h"
#include "LoopbackConfig.h"
#include "node/BootstrapList.h"
#include "node/NodeRunner.h"

#include <QTemporaryDir>
#include <QtTest>

using namespace orion;
using test::HostilePeer;

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

    // A member that claims `observed` as the address it sees the node at, in its activation
    // and in the confirmations it answers the node's activations with.
    std::unique_ptr<HostilePeer> claimingMember(const routing::Endpoint &observed) {
        auto member = std::make_unique<HostilePeer>(m_networkKey);
        member->lieAboutObservedAddress(observed);
        return member;
    }

    // The member listens and goes into the node's peers/ folder, so that the node dials it.
    void seedWith(const QString &name, HostilePeer &member) {
        QVERIFY(member.listen().ok());
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
        std::vector<std::unique_ptr<HostilePeer>> sybils;
        for (int i = 0; i < 16; ++i) {
            sybils.push_back(claimingMember(claimed));
            // Port 0: members without a listener, which the node never dials.
            QVERIFY(
                sybils.back()->activate({n->port, n->identity.publicKey()},
                                        sybils.back()->record({QStringLiteral("127.0.0.1")}, 0)));
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
        auto member = claimingMember(*routing::Endpoint::parse(u"127.0.0.1:1"));
        seedWith(QStringLiteral("learner"), *member);
        QTRY_VERIFY_WITH_TIMEOUT(member->activationsAnswered() > 0, 20000);
        QTRY_COMPARE_WITH_TIMEOUT(n->status().confirmedAddress, QStringLiteral("127.0.0.1"), 20000);
        QVERIFY(n->published().contains(QStringLiteral("127.0.0.1")));
        QVERIFY(m_log->contains(QStringLiteral("a dial-back reached it")));
    }

    // The same single report is not enough where three networks must agree.
    void oneNetworkIsNotEnough() {
        auto n = startNode(QStringLiteral("strict"), 3);
        QVERIFY(n);
        auto member = claimingMember(*routing::Endpoint::parse(u"127.0.0.1:1"));
        seedWith(QStringLiteral("strict"), *member);
        QTRY_VERIFY_WITH_TIMEOUT(member->activationsAnswered() > 0, 20000);
        QTRY_COMPARE(n->status().observedAddress, QStringLiteral("127.0.0.1")); // the vote
        QCOMPARE(n->status().confirmedAddress, QString());
        QVERIFY(n->published().isEmpty());
    }

    // A peer the node dialled reports 203.0.113.7 (a documentation address): the report
    // leads, but the dial-back there does not reach the node, so nothing is confirmed or
    // published, and the failed check is counted.
    void falseReportFailsItsDialBack() {
        auto n = startNode(QStringLiteral("doubter"), 1);
        QVERIFY(n);
        auto member = claimingMember(*routing::Endpoint::parse(u"203.0.113.7:1"));
        seedWith(QStringLiteral("doubter"), *member);
        QTRY_VERIFY_WITH_TIMEOUT(member->activationsAnswered() > 0, 20000);
        QTRY_COMPARE(n->status().observedAddress, QStringLiteral("203.0.113.7")); // the vote
        QTRY_COMPARE_WITH_TIMEOUT(n->status().addressChecksFailed, 1, 30000);
        QCOMPARE(n->status().confirmedAddress, QString());
        QVERIFY(!n->published().contains(QStringLiteral("203.0.113.7")));
    }

    void cleanupTestCase() { m_log.reset(); }
};

QTEST_GUILESS_MAIN(TestObservedAddress)
#include "tst_observed_address.moc"
