// SPDX-License-Identifier: GPL-3.0-or-later
// Dial-back between real nodes on loopback (docs/protocol.md 2.7): a peer asked to dial a
// node back at its listen port reaches it (the handshake proved the node's own key); asked
// at the port of another node, or of nothing, it answers "not reached" — the positive and
// negative controls of what the reachability state and a confirmed port mapping rest on.
// On loopback every peer is on the node's own network, so no node calls itself public.
#include "Cluster.h"
#include "LoopbackConfig.h"
#include "net/PeerConnection.h"
#include "node/DialBack.h"
#include "node/Node.h"
#include "node/PeerSessions.h"

#include <QTcpServer>
#include <QtTest>

#include <memory>

using namespace orion;

namespace {

struct Answer {
    bool done = false;
    node::DialBack::Outcome outcome;
};

node::NodeStatus statusOf(node::NodeRunner &runner) {
    return runner.call([&runner] { return runner.node()->status(); });
}

} // namespace

class TestDialBack : public QObject {
    Q_OBJECT

    std::unique_ptr<test::Cluster> m_cluster;
    quint16 m_port[3] = {};

    // Node `asker` asks its peer node `peer` to dial it back at `port`.
    std::shared_ptr<Answer> ask(int asker, int peer, quint16 port) {
        auto answer = std::make_shared<Answer>();
        node::NodeRunner &runner = m_cluster->runner(asker);
        node::Node *n = runner.node();
        const QByteArray peerKey = m_cluster->memberRecord(peer).publicKey;
        const bool asked = runner.call([n, peerKey, port, answer] {
            for (net::PeerConnection *c : n->sessions().activeConnections()) {
                if (c->remotePublicKey() == peerKey) {
                    n->dialBack()->ask(c, port, [answer](const node::DialBack::Outcome &o) {
                        answer->outcome = o;
                        answer->done = true;
                    });
                    return true;
                }
            }
            return false;
        });
        return asked ? answer : nullptr;
    }

    bool answered(int asker, const std::shared_ptr<Answer> &answer) {
        return m_cluster->runner(asker).call([answer] { return answer->done; });
    }

private Q_SLOTS:
    void init() {
        m_cluster = std::make_unique<test::Cluster>(3);
        QVERIFY(m_cluster->isValid());
        for (int i = 0; i < 3; ++i) {
            if (i > 0) {
                QVERIFY(m_cluster->seed(i, 0).ok());
            }
            auto started = m_cluster->start(i);
            QVERIFY2(started.ok(), started ? "" : qPrintable(started.error()));
            m_port[i] = routing::Endpoint::parse(*started)->port();
        }
        QTRY_VERIFY_WITH_TIMEOUT(statusOf(m_cluster->runner(1)).activePeers > 0, 20000);
    }
    void cleanup() { m_cluster.reset(); }

    void aPeerReachesTheNodeAtItsListenPort() {
        auto answer = ask(1, 0, m_port[1]);
        QVERIFY2(answer, "node 1 has no connection to node 0");
        QTRY_VERIFY_WITH_TIMEOUT(answered(1, answer), 25000);
        QVERIFY2(answer->outcome.answered, qPrintable(answer->outcome.reason));
        QVERIFY2(answer->outcome.reached, qPrintable(answer->outcome.reason));
        QCOMPARE(answer->outcome.tried.address(), QHostAddress(QHostAddress::LocalHost));
        QCOMPARE(answer->outcome.tried.port(), m_port[1]);
    }

    void anotherNodesPortIsNotReached() {
        // Node 2 listens there, but it cannot complete the handshake with node 1's key.
        auto answer = ask(1, 0, m_port[2]);
        QVERIFY(answer);
        QTRY_VERIFY_WITH_TIMEOUT(answered(1, answer), 25000);
        QVERIFY(answer->outcome.answered);
        QVERIFY(!answer->outcome.reached);
        QCOMPARE(answer->outcome.tried.port(), m_port[2]);
        QVERIFY(!answer->outcome.reason.isEmpty());
    }

    void aPortNobodyListensOnIsNotReached() {
        quint16 closed = 0;
        {
            QTcpServer probe;
            QVERIFY(probe.listen(QHostAddress::LocalHost, 0));
            closed = probe.serverPort();
        }
        auto answer = ask(1, 0, closed);
        QVERIFY(answer);
        QTRY_VERIFY_WITH_TIMEOUT(answered(1, answer), 25000);
        QVERIFY(answer->outcome.answered);
        QVERIFY(!answer->outcome.reached);
    }

    void peersOnTheNodesOwnNetworkDecideNothing() {
        // Every peer here is on loopback, this host's own network: none is asked, and the
        // state stays unknown rather than claiming public. Port mapping never runs on loopback.
        const node::NodeStatus s = statusOf(m_cluster->runner(1));
        QCOMPARE(s.reachability.state, node::Reachability::State::Unknown);
        QVERIFY(!s.reachability.portMappingEnabled);
        QVERIFY(s.reachability.externalAddresses.isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestDialBack)
#include "tst_dialback.moc"
