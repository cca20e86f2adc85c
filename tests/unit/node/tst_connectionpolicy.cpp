// SPDX-License-Identifier: GPL-3.0-or-later
// ConnectionPolicy: which peers a node keeps connections to, and which it closes.
#include "crypto/Ed25519.h"
#include "node/ConnectionPolicy.h"

#include <QtTest>

using namespace orion;
using identity::Key160;
using node::ConnectionPolicy;
using routing::NodeInfo;

namespace {

NodeInfo randomNode(quint16 port) {
    const auto key = crypto::Ed25519::generate();
    return *NodeInfo::fromPublicKey(key.publicKey(),
                                    routing::Endpoint(QHostAddress::LocalHost, port));
}

bool containsId(const std::vector<NodeInfo> &nodes, const Key160 &id) {
    return std::any_of(nodes.begin(), nodes.end(), [&](const NodeInfo &n) { return n.id == id; });
}

} // namespace

class TestConnectionPolicy : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void connectedContactWinsItsBucket() {
        const NodeInfo self = randomNode(1);
        routing::RoutingTable table(self.id);
        const qint64 now = 100'000;
        for (int i = 0; i < 60; ++i) {
            // Lower RTT for later contacts, so scores differ within a bucket.
            (void)table.seen(randomNode(quint16(2 + i)), now, quint32(200 - 3 * i));
        }
        int checked = 0;
        for (int b = 0; b < table.bucketCount(); ++b) {
            const auto &contacts = table.bucket(b).contacts();
            if (contacts.size() < 2) {
                continue;
            }
            auto worst = std::min_element(
                contacts.begin(), contacts.end(),
                [&](const auto &x, const auto &y) { return x.score(now) < y.score(now); });
            auto best = std::max_element(
                contacts.begin(), contacts.end(),
                [&](const auto &x, const auto &y) { return x.score(now) < y.score(now); });
            if (worst->score(now) == best->score(now)) {
                continue;
            }
            const auto plain = ConnectionPolicy::chosen(table, 0, 1, now);
            QVERIFY(containsId(plain, best->info.id));
            QVERIFY(!containsId(plain, worst->info.id));
            // Already connected: kept instead of opening a second connection in the bucket.
            const auto preferring = ConnectionPolicy::chosen(table, 0, 1, now, {worst->info.id});
            QVERIFY(containsId(preferring, worst->info.id));
            QVERIFY(!containsId(preferring, best->info.id));
            QCOMPARE(preferring.size(), plain.size());
            ++checked;
        }
        QVERIFY(checked > 0);
    }

    void neighboursComeFirstAndAreNotRepeated() {
        const NodeInfo self = randomNode(1);
        routing::RoutingTable table(self.id);
        for (int i = 0; i < 40; ++i) {
            (void)table.seen(randomNode(quint16(2 + i)), 1000, 10);
        }
        const auto chosen = ConnectionPolicy::chosen(table, 5, 2, 1000);
        const auto closest = table.closest(self.id, 5);
        for (size_t i = 0; i < closest.size(); ++i) {
            QCOMPARE(chosen[i].id, closest[i].id);
        }
        QSet<Key160> ids;
        for (const auto &n : chosen) {
            QVERIFY(!ids.contains(n.id));
            ids.insert(n.id);
        }
    }

    void surplusClosesOnlyIdleUnchosenOutbound() {
        const NodeInfo kept = randomNode(1);
        std::vector<ConnectionPolicy::Connection> open;
        std::vector<Key160> idleOutbound;
        for (int i = 0; i < 6; ++i) {
            const NodeInfo n = randomNode(quint16(10 + i));
            open.push_back({n.id, true, 0});
            idleOutbound.push_back(n.id);
        }
        const NodeInfo inbound = randomNode(30), busy = randomNode(31);
        open.push_back({inbound.id, false, 0});
        open.push_back({busy.id, true, 9'500});
        open.push_back({kept.id, true, 0});
        const auto closed = ConnectionPolicy::surplus(open, {kept}, 4, 10'000, 1'000);
        QCOMPARE(int(closed.size()), int(open.size()) - 4);
        for (const Key160 &id : closed) {
            QVERIFY(id != inbound.id && id != busy.id && id != kept.id);
            QVERIFY(std::find(idleOutbound.begin(), idleOutbound.end(), id) != idleOutbound.end());
        }
        QVERIFY(ConnectionPolicy::surplus(open, {kept}, 100, 10'000, 1'000).empty());
    }

    void surplusClosesStrayInboundButNotContactsOrLeaves() {
        // Inbound: a contact's (its dialler keeps it), a leaf's (no listener), and strays
        // (a listener the table does not hold): only the strays may go.
        std::vector<ConnectionPolicy::Connection> open;
        std::vector<Key160> strays;
        for (int i = 0; i < 4; ++i) {
            const NodeInfo n = randomNode(quint16(60 + i));
            open.push_back({n.id, false, 0, false, true});
            strays.push_back(n.id);
        }
        const NodeInfo contact = randomNode(70), leaf = randomNode(71);
        open.push_back({contact.id, false, 0, false, false});
        open.push_back({leaf.id, false, 0, false, false});
        const auto closed = ConnectionPolicy::surplus(open, {}, 0, 10'000, 0);
        QCOMPARE(int(closed.size()), 4);
        for (const Key160 &id : closed) {
            QVERIFY(std::find(strays.begin(), strays.end(), id) != strays.end());
        }
    }

    void surplusKeepsAwaitedConnections() {
        // Idle by the clock, but a reply (or a routed message) waits on two of them.
        std::vector<ConnectionPolicy::Connection> open;
        std::vector<Key160> awaited;
        for (int i = 0; i < 5; ++i) {
            const NodeInfo n = randomNode(quint16(40 + i));
            open.push_back({n.id, true, 0, i < 2});
            if (i < 2) {
                awaited.push_back(n.id);
            }
        }
        const auto closed = ConnectionPolicy::surplus(open, {}, 0, 10'000, 0);
        QCOMPARE(int(closed.size()), 3);
        for (const Key160 &id : closed) {
            QVERIFY(std::find(awaited.begin(), awaited.end(), id) == awaited.end());
        }
    }
};

QTEST_GUILESS_MAIN(TestConnectionPolicy)
#include "tst_connectionpolicy.moc"
