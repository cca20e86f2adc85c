// SPDX-License-Identifier: GPL-3.0-or-later
#include "routing/RoutingTable.h"

#include <QtTest>

#include <algorithm>
#include <random>

using orion::identity::Key160;
using orion::routing::Endpoint;
using orion::routing::NodeInfo;
using orion::routing::RoutingConfig;
using orion::routing::RoutingTable;

namespace {

constexpr qint64 kMinute = 60 * 1000;

class Ids {
public:
    explicit Ids(quint64 seed)
        : m_rng(seed) {}

    Key160 random() {
        std::array<quint8, 20> b{};
        for (auto &x : b) {
            x = quint8(m_rng());
        }
        return Key160(b);
    }
    // A random key sharing exactly `cpl` leading bits with `base`.
    Key160 withPrefix(const Key160 &base, int cpl) {
        auto b = random().bytes();
        for (int i = 0; i <= cpl && i < 160; ++i) {
            const quint8 mask = quint8(0x80 >> (i % 8));
            const bool bit = (i == cpl) ? !base.bit(i) : base.bit(i);
            b[size_t(i / 8)] = quint8((b[size_t(i / 8)] & ~mask) | (bit ? mask : 0));
        }
        return Key160(b);
    }
    // A node with its own IPv4 /24, so address limits never interfere unless wanted.
    NodeInfo node(const Key160 &id) {
        NodeInfo n;
        n.id = id;
        ++m_counter;
        n.endpoint = Endpoint(QHostAddress(quint32(10u << 24 | m_counter << 8 | 1)), 4000);
        return n;
    }

private:
    std::mt19937_64 m_rng;
    quint32 m_counter = 0;
};

} // namespace

class TestRoutingTable : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void placesContactsByCommonPrefixLength() {
        Ids ids(1);
        const Key160 self = ids.random();
        RoutingTable table(self);
        // Enough contacts at every depth to force the own bucket to split far down.
        for (int cpl = 0; cpl < 12; ++cpl) {
            for (int i = 0; i < 25; ++i) {
                table.seen(ids.node(ids.withPrefix(self, cpl)), 0);
            }
        }
        QVERIFY(table.bucketCount() >= 12);
        const int last = table.bucketCount() - 1;
        for (int b = 0; b < table.bucketCount(); ++b) {
            QVERIFY(int(table.bucket(b).contacts().size()) <= table.config().k);
            for (const auto &c : table.bucket(b).contacts()) {
                const int cpl = self.commonPrefixLength(c.info.id);
                if (b < last) {
                    QCOMPARE(cpl, b);
                } else {
                    QVERIFY(cpl >= last);
                }
                QCOMPARE(table.bucketIndexFor(c.info.id), b);
            }
        }
        // Far buckets hold exactly k; the rest went to the replacement caches.
        QCOMPARE(int(table.bucket(0).contacts().size()), 20);
        QCOMPARE(int(table.bucket(3).contacts().size()), 20);
        QVERIFY(!table.bucket(0).replacements().empty());
        QCOMPARE(table.bucketIndexFor(ids.withPrefix(self, 5)), 5);
    }

    void neverHoldsItself() {
        Ids ids(2);
        const Key160 self = ids.random();
        RoutingTable table(self);
        const auto r = table.seen(ids.node(self), 0);
        QCOMPARE(r.update, RoutingTable::Update::Rejected);
        QVERIFY(!r.reason.isEmpty());
        for (int i = 0; i < 500; ++i) {
            table.seen(ids.node(ids.random()), i);
            table.seen(ids.node(self), i);
        }
        QVERIFY(!table.contains(self));
        for (const auto &c : table.contacts()) {
            QVERIFY(c.info.id != self);
        }
        for (const auto &n : table.closest(self, 50)) {
            QVERIFY(n.id != self);
        }
        QVERIFY(!table.recordFailure(self));
        QVERIFY(!table.remove(self));
        QCOMPARE(table.size(), table.contacts().size());
    }

    void evictsOnlyUnresponsiveContacts() {
        Ids ids(3);
        const Key160 self = ids.random();
        RoutingTable table(self);
        std::vector<NodeInfo> old;
        for (int i = 0; i < 20; ++i) {
            old.push_back(ids.node(ids.withPrefix(self, 0)));
            QCOMPARE(table.seen(old.back(), i * 1000).update, RoutingTable::Update::Added);
        }
        // A newcomer while every contact was heard from recently: old contacts stay, and
        // nobody needs to be questioned.
        const NodeInfo newcomer = ids.node(ids.withPrefix(self, 0));
        auto r = table.seen(newcomer, 60 * 1000);
        QCOMPARE(r.update, RoutingTable::Update::Cached);
        QVERIFY(!r.pingCandidate);
        QVERIFY(!table.contains(newcomer.id));
        for (const auto &n : old) {
            QVERIFY(table.contains(n.id));
        }
        // Much later the least recently seen contact is questioned ...
        const NodeInfo second = ids.node(ids.withPrefix(self, 0));
        r = table.seen(second, 30 * kMinute);
        QCOMPARE(r.update, RoutingTable::Update::Cached);
        QVERIFY(r.pingCandidate);
        QCOMPARE(r.pingCandidate->id, old.front().id);
        // ... it answers: it stays, the newcomers wait.
        QCOMPARE(table.seen(old.front(), 30 * kMinute + 100, 40).update,
                 RoutingTable::Update::Updated);
        QVERIFY(table.contains(old.front().id));
        QVERIFY(!table.contains(second.id));
        QCOMPARE(table.find(old.front().id)->rttMs, 40u);
        // The next one questioned does not answer: only now a newcomer gets its place.
        r = table.seen(ids.node(ids.withPrefix(self, 0)), 31 * kMinute);
        QVERIFY(r.pingCandidate);
        QCOMPARE(r.pingCandidate->id, old[1].id);
        QVERIFY(table.recordFailure(old[1].id));
        QVERIFY(!table.contains(old[1].id));
        QCOMPARE(table.size(), size_t(20));
        // Every other old contact is still there.
        for (size_t i = 0; i < old.size(); ++i) {
            QCOMPARE(table.contains(old[i].id), i != 1);
        }
    }

    void promotesFreshestReplacement() {
        Ids ids(4);
        const Key160 self = ids.random();
        RoutingConfig config;
        config.replacementCacheSize = 3;
        RoutingTable table(self, config);
        std::vector<NodeInfo> members;
        for (int i = 0; i < 20; ++i) {
            members.push_back(ids.node(ids.withPrefix(self, 0)));
            table.seen(members.back(), 0);
        }
        std::vector<NodeInfo> candidates;
        for (int i = 0; i < 5; ++i) {
            candidates.push_back(ids.node(ids.withPrefix(self, 0)));
            QCOMPARE(table.seen(candidates.back(), 1000 + i).update, RoutingTable::Update::Cached);
        }
        const auto &bucket = table.bucket(table.bucketIndexFor(members[0].id));
        QCOMPARE(int(bucket.replacements().size()), 3); // bounded: the two oldest went
        // Without replacements a failure alone does not evict; with them it does, and the
        // most recently seen candidate takes the place.
        QVERIFY(table.recordFailure(members[7].id));
        QVERIFY(table.contains(candidates[4].id));
        QVERIFY(!table.contains(members[7].id));
        QVERIFY(table.recordFailure(members[8].id));
        QVERIFY(table.contains(candidates[3].id));
        QVERIFY(table.recordFailure(members[9].id));
        QVERIFY(table.contains(candidates[2].id));
        QVERIFY(!table.contains(candidates[1].id)); // dropped from the bounded cache
        QCOMPARE(int(bucket.replacements().size()), 0);
        // No candidates left: a contact survives single failures, until maxFailures.
        QVERIFY(!table.recordFailure(members[10].id));
        QVERIFY(!table.recordFailure(members[10].id));
        QVERIFY(table.contains(members[10].id));
        QVERIFY(table.recordFailure(members[10].id));
        QVERIFY(!table.contains(members[10].id));
        QCOMPARE(table.size(), size_t(19));
        // A contact that failed makes room for a newcomer at once.
        QVERIFY(!table.recordFailure(members[11].id));
        const NodeInfo late = ids.node(ids.withPrefix(self, 0));
        table.seen(ids.node(ids.withPrefix(self, 0)), 2000); // fills the free slot
        QCOMPARE(table.seen(late, 2001).update, RoutingTable::Update::Added);
        QVERIFY(!table.contains(members[11].id));
    }

    void enforcesAddressLimits() {
        Ids ids(5);
        const Key160 self = ids.random();
        RoutingTable limited(self);
        RoutingConfig off;
        off.addressLimits = false;
        RoutingTable unlimited(self, off);
        int added = 0;
        for (int i = 0; i < 5; ++i) {
            NodeInfo n;
            n.id = ids.withPrefix(self, 0);
            n.endpoint = Endpoint(QHostAddress(QStringLiteral("192.0.2.%1").arg(10 + i)), 4000);
            const auto r = limited.seen(n, 0);
            added += r.update == RoutingTable::Update::Added ? 1 : 0;
            if (i >= 2) {
                QCOMPARE(r.update, RoutingTable::Update::Rejected);
                QVERIFY(r.reason.contains(QStringLiteral("too many")));
            }
            QCOMPARE(unlimited.seen(n, 0).update, RoutingTable::Update::Added);
        }
        QCOMPARE(added, 2);
        // Table-wide limit, whatever the buckets.
        RoutingConfig tableOnly;
        tableOnly.maxPerSubnetInBucket = 100;
        RoutingTable table(self, tableOnly);
        int accepted = 0;
        for (int cpl = 0; cpl < 8; ++cpl) {
            for (int i = 0; i < 2; ++i) {
                NodeInfo n;
                n.id = ids.withPrefix(self, cpl);
                n.endpoint = Endpoint(
                    QHostAddress(QStringLiteral("198.51.100.%1").arg(cpl * 2 + i + 1)), 4000);
                accepted += table.seen(n, 0).update == RoutingTable::Update::Added ? 1 : 0;
            }
        }
        QCOMPARE(accepted, table.config().maxPerSubnetInTable);
        // Loopback nodes (tests) all share one address: fine with limits off.
        RoutingTable loopback(self, off);
        for (int i = 0; i < 30; ++i) {
            NodeInfo n;
            n.id = ids.random();
            n.endpoint = Endpoint(QHostAddress::LocalHost, quint16(5000 + i));
            QVERIFY(loopback.seen(n, 0).update != RoutingTable::Update::Rejected);
        }
    }

    // 40 identities connecting from one address, each claiming an address in another /24:
    // the limits count the address they connect from. Before, all 40 entered the table.
    void sybilsFromOneAddressCountWhereTheyConnectFrom() {
        Ids ids(7);
        const Key160 self = ids.random();
        RoutingConfig tableOnly;
        tableOnly.maxPerSubnetInBucket = 100;
        const Endpoint from(QHostAddress(QStringLiteral("203.0.113.7")), 51000);
        RoutingTable table(self, tableOnly);
        RoutingTable claimed(self, tableOnly); // positive control: judged by their claims
        int accepted = 0;
        int acceptedByClaim = 0;
        for (int i = 0; i < 40; ++i) {
            NodeInfo n = ids.node(ids.random());
            n.endpoint = Endpoint(
                QHostAddress(QStringLiteral("198.%1.%2.1").arg(18 + i / 200).arg(i % 200)), 4000);
            accepted += table.seen(n, 0, 0, &from).update == RoutingTable::Update::Added ? 1 : 0;
            acceptedByClaim += claimed.seen(n, 0).update == RoutingTable::Update::Added ? 1 : 0;
        }
        QCOMPARE(acceptedByClaim, 40);
        QCOMPARE(accepted, tableOnly.maxPerSubnetInTable);
        // The refusals are counted (the node's status shows them).
        QCOMPARE(table.refusedForNetwork(), 40 - tableOnly.maxPerSubnetInTable);
        QCOMPARE(claimed.refusedForNetwork(), 0);
        // The connection policy asks the same question of a peer not in the table: one more
        // from that address is kept out, one from another network is not.
        const Key160 next = ids.random();
        QVERIFY(table.refusesNetworkOf(next, from));
        QVERIFY(!table.refusesNetworkOf(
            next, Endpoint(QHostAddress(QStringLiteral("192.0.2.9")), 51000)));
        QVERIFY(!claimed.refusesNetworkOf(next, from)); // its contacts are elsewhere
    }

    // A full bucket is not a network over its share: a peer that waits for room is not
    // what the limits keep out.
    void aFullBucketIsNotANetworkOverItsShare() {
        Ids ids(9);
        const Key160 self = ids.random();
        RoutingConfig config;
        config.k = 2;
        RoutingTable table(self, config);
        // Far half of the key space: bucket 0 before any split takes everyone not near self.
        int added = 0;
        for (int i = 0; added < 40 && i < 400; ++i) {
            NodeInfo n = ids.node(ids.random());
            n.endpoint = Endpoint(QHostAddress(QStringLiteral("198.51.%1.1").arg(i % 250)), 4000);
            added += table.seen(n, 0).update == RoutingTable::Update::Added ? 1 : 0;
        }
        const Key160 newcomer = ids.random();
        const int index = table.bucketIndexFor(newcomer);
        QVERIFY(int(table.bucket(index).contacts().size()) >= config.k); // its bucket is full
        QVERIFY(!table.refusesNetworkOf(
            newcomer, Endpoint(QHostAddress(QStringLiteral("203.0.113.50")), 4000)));
    }

    // The replacement cache takes contacts without counting them; promoting one checks the
    // limits again, so a full bucket cannot be refilled from one network by failures.
    void promotionFromTheReplacementCacheHonoursTheLimits() {
        Ids ids(8);
        const Key160 self = ids.random();
        RoutingConfig config;
        config.k = 2;
        config.maxPerSubnetInBucket = 1;
        RoutingTable table(self, config);
        std::vector<NodeInfo> members;
        for (int i = 0; i < 2; ++i) {
            NodeInfo n = ids.node(ids.withPrefix(self, 0));
            n.endpoint = Endpoint(QHostAddress(QStringLiteral("192.0.%1.1").arg(2 + i)), 4000);
            QCOMPARE(table.seen(n, 0).update, RoutingTable::Update::Added);
            members.push_back(n);
        }
        // Another node of members[1]'s network: refused outright while members[1] is there...
        NodeInfo sameNet = ids.node(ids.withPrefix(self, 0));
        sameNet.endpoint = Endpoint(QHostAddress(QStringLiteral("192.0.3.99")), 4000);
        QCOMPARE(table.seen(sameNet, 1).update, RoutingTable::Update::Rejected);
        // ...and one of a third network waits in the cache (the bucket is full).
        NodeInfo other = ids.node(ids.withPrefix(self, 0));
        other.endpoint = Endpoint(QHostAddress(QStringLiteral("192.0.4.1")), 4000);
        QCOMPARE(table.seen(other, 2).update, RoutingTable::Update::Cached);
        // members[0] fails: the cached contact of a free network takes its place.
        QVERIFY(table.recordFailure(members[0].id));
        QVERIFY(table.contains(other.id));
        QVERIFY(!table.contains(members[0].id));
    }

    void rejectsUndiallableEndpoints() {
        Ids ids(6);
        RoutingTable table(ids.random());
        NodeInfo n = ids.node(ids.random());
        n.endpoint = Endpoint(QHostAddress(QStringLiteral("192.0.2.1")), 0);
        QCOMPARE(table.seen(n, 0).update, RoutingTable::Update::Rejected);
        n.endpoint = Endpoint(QHostAddress(QStringLiteral("0.0.0.0")), 4000);
        QCOMPARE(table.seen(n, 0).update, RoutingTable::Update::Rejected);
        n.endpoint = Endpoint(QHostAddress(QStringLiteral("224.0.0.1")), 4000);
        QCOMPARE(table.seen(n, 0).update, RoutingTable::Update::Rejected);
        n.endpoint = Endpoint();
        QCOMPARE(table.seen(n, 0).update, RoutingTable::Update::Rejected);
        QCOMPARE(table.size(), size_t(0));
        QVERIFY(!Endpoint::parse(u"1.2.3.4").has_value());
        QVERIFY(!Endpoint::parse(u"1.2.3.4:99999").has_value());
        QVERIFY(!Endpoint::parse(u"not-an-ip:80").has_value());
        QCOMPARE(Endpoint::parse(u"[::1]:80")->toString(), QStringLiteral("[::1]:80"));
        QCOMPARE(Endpoint::parse(u"127.0.0.1:7")->toString(), QStringLiteral("127.0.0.1:7"));
        QVERIFY(!Endpoint::fromRaw(QByteArray(5, 'x'), 80).has_value());
    }

    void closestMatchesExhaustiveSearch() {
        for (quint64 seed = 10; seed < 20; ++seed) {
            Ids ids(seed);
            const Key160 self = ids.random();
            RoutingTable table(self);
            for (int i = 0; i < 400; ++i) {
                // Skewed towards our own neighbourhood so that deep buckets exist.
                table.seen(ids.node(ids.withPrefix(self, i % 10)), 0);
            }
            auto all = table.contacts();
            for (int q = 0; q < 20; ++q) {
                const Key160 target = q % 2 ? ids.random() : ids.withPrefix(self, q % 12);
                const auto got = table.closest(target, 20);
                std::sort(all.begin(), all.end(), [&](const auto &a, const auto &b) {
                    return target.isCloser(a.info.id, b.info.id);
                });
                QCOMPARE(got.size(), std::min<size_t>(20, all.size()));
                for (size_t i = 0; i < got.size(); ++i) {
                    QCOMPARE(got[i].id, all[i].info.id);
                }
            }
        }
    }

    void scorePrefersLiveLongRunningContacts() {
        orion::routing::Contact veteran;
        veteran.firstSeenMs = 0;
        veteran.lastSeenMs = 600 * kMinute;
        veteran.recordRtt(30);
        orion::routing::Contact newcomer = veteran;
        newcomer.firstSeenMs = newcomer.lastSeenMs;
        orion::routing::Contact failing = veteran;
        failing.failures = 2;
        const qint64 now = 601 * kMinute;
        QVERIFY(veteran.score(now) > newcomer.score(now));
        QVERIFY(veteran.score(now) > failing.score(now));
        orion::routing::Contact slow = veteran;
        slow.rttMs = 1500;
        QVERIFY(veteran.score(now) > slow.score(now));
    }
};

QTEST_GUILESS_MAIN(TestRoutingTable)
#include "tst_routingtable.moc"
