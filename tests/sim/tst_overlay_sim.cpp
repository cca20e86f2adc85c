// SPDX-License-Identifier: GPL-3.0-or-later
// The product's overlay engine over the simulator: joins, lookups and churn in networks of
// a few hundred nodes, many seeds; provider records published, refreshed and resolved.
#include "SimNetwork.h"

#include <QtTest>

#include <algorithm>
#include <numeric>

using orion::identity::Key160;
using orion::sim::SimConfig;
using orion::sim::SimNetwork;

namespace {

Key160 randomKey(SimNetwork &net) {
    std::array<quint8, 20> b{};
    for (auto &x : b) {
        x = quint8(net.randomU64());
    }
    return Key160(b);
}

// Every node joins through the product's bootstrap via a node that joined before.
void grow(SimNetwork &net, int nodes) {
    net.addNode();
    for (int i = 1; i < nodes; ++i) {
        net.addNode();
    }
    QVERIFY(net.join(1, 0));
    std::vector<std::pair<int, int>> joins;
    int joined = 2;
    for (int i = 2; i < nodes; ++i) {
        // Through a node that has completed its own join.
        joins.emplace_back(i, int(net.randomU64() % quint64(joined)));
        if (joins.size() == 25 || i == nodes - 1) {
            QCOMPARE(net.joinAll(joins), int(joins.size()));
            joins.clear();
            joined = i + 1;
        }
    }
}

SimConfig quietConfig(quint64 seed) {
    SimConfig config;
    config.seed = seed;
    config.overlay.maintenanceIntervalMs = 0;
    return config;
}

orion::crypto::Ed25519 containerKey(SimNetwork &net) {
    QByteArray seed(32, Qt::Uninitialized);
    for (auto &c : seed) {
        c = char(net.randomU64());
    }
    return orion::crypto::Ed25519::fromSeed(seed).value();
}

// How many nodes other than `except` store a record for `key`, and whether all of them are
// among the k nodes closest to the key.
std::pair<int, bool> holders(SimNetwork &net, const Key160 &key, int except) {
    auto closest = net.trueClosest(key, 21);
    closest.erase(std::remove(closest.begin(), closest.end(), net.info(except).id), closest.end());
    closest.resize(std::min<size_t>(closest.size(), 20));
    int count = 0;
    bool allClose = true;
    for (int i : net.aliveNodes()) {
        if (i != except && net.providers(i).stored(key)) {
            ++count;
            allClose = allClose &&
                       std::find(closest.begin(), closest.end(), net.info(i).id) != closest.end();
        }
    }
    return {count, allClose};
}

} // namespace

class TestOverlaySim : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void lookupsReturnTheKClosest() {
        int lookups = 0;
        for (quint64 seed = 1; seed <= 12; ++seed) {
            SimNetwork net(quietConfig(seed));
            grow(net, 150 + int(seed) * 10);
            for (int q = 0; q < 30; ++q) {
                const int from = int(net.randomU64() % quint64(net.size()));
                const Key160 target = randomKey(net);
                const auto result = net.lookup(from, target);
                auto expected = net.trueClosest(target, 21);
                // The lookup never reports its own node; drop it from the expectation.
                expected.erase(std::remove(expected.begin(), expected.end(), net.info(from).id),
                               expected.end());
                expected.resize(20);
                QCOMPARE(int(result.closest.size()), 20);
                for (size_t i = 0; i < expected.size(); ++i) {
                    QCOMPARE(result.closest[i].id, expected[i]);
                }
                QVERIFY(result.requests >= 20);
                ++lookups;
            }
        }
        QCOMPARE(lookups, 12 * 30);
    }

    void everyNodeFindsEveryOther() {
        SimNetwork net(quietConfig(99));
        grow(net, 60);
        std::vector<std::pair<int, Key160>> queries;
        for (int a = 0; a < net.size(); ++a) {
            for (int b = 0; b < net.size(); ++b) {
                if (a != b) {
                    queries.emplace_back(a, net.info(b).id);
                }
            }
        }
        const auto results = net.lookups(queries);
        for (size_t i = 0; i < results.size(); ++i) {
            QVERIFY2(results[i].found, qPrintable(queries[i].second.toHex()));
            QCOMPARE(results[i].closest.front().id, queries[i].second);
            QVERIFY(results[i].hops >= 1);
        }
        // Nobody's table holds itself.
        for (int i = 0; i < net.size(); ++i) {
            QVERIFY(!net.engine(i).table().contains(net.info(i).id));
            QVERIFY(net.engine(i).table().size() > 0);
        }
    }

    void lookupsSurviveChurnAndRefreshRepairsTables() {
        for (quint64 seed = 1; seed <= 4; ++seed) {
            SimConfig config = quietConfig(seed * 7);
            config.overlay.maintenanceIntervalMs = 10 * 1000;
            config.overlay.refreshIntervalMs = 60 * 1000;
            config.overlay.challengesPerRound = 3;
            SimNetwork net(config);
            grow(net, 200);
            // 30 % of the nodes vanish without a word.
            std::vector<int> order(size_t(net.size()));
            std::iota(order.begin(), order.end(), 0);
            std::shuffle(order.begin(), order.end(), net.rng());
            for (size_t i = 0; i < order.size() * 3 / 10; ++i) {
                net.kill(order[i]);
            }
            const auto alive = net.aliveNodes();
            auto deadShare = [&] {
                int dead = 0;
                int total = 0;
                for (int i : alive) {
                    for (const auto &c : net.engine(i).table().contacts()) {
                        ++total;
                        const auto &b = c.info.endpoint.bytes();
                        const int index = b[4] << 24 | b[5] << 16 | b[6] << 8 | b[7];
                        dead += net.isAlive(index) ? 0 : 1;
                    }
                }
                return double(dead) / std::max(1, total);
            };
            const double deadBefore = deadShare();
            QVERIFY(deadBefore > 0.2);
            auto lookupAll = [&] {
                std::vector<std::pair<int, Key160>> queries;
                for (int i = 0; i < 300; ++i) {
                    const int from = alive[net.randomU64() % alive.size()];
                    int to = from;
                    while (to == from) {
                        to = alive[net.randomU64() % alive.size()];
                    }
                    queries.emplace_back(from, net.info(to).id);
                }
                const auto results = net.lookups(queries);
                return int(std::count_if(results.begin(), results.end(),
                                         [](const auto &r) { return r.found; }));
            };
            // Right away, dead contacts only cost time-outs.
            QVERIFY(lookupAll() >= 297);
            // After a refresh period, lookups succeed and dead contacts are being dropped.
            net.runFor(config.overlay.refreshIntervalMs + config.overlay.maintenanceIntervalMs);
            QCOMPARE(lookupAll(), 300);
            // Failed requests and random re-challenges have pushed out many dead contacts
            // (a contact without a replacement candidate stays until maxFailures).
            QVERIFY2(deadShare() < deadBefore * 0.75,
                     qPrintable(QStringLiteral("%1 -> %2").arg(deadBefore).arg(deadShare())));
        }
    }

    void providerRecordsArePublishedAndResolved() {
        for (quint64 seed = 1; seed <= 3; ++seed) {
            SimConfig config = quietConfig(seed * 31);
            config.providers = true;
            config.providerConfig.ttlSecs = 600;
            SimNetwork net(config);
            grow(net, 120);
            struct Hosted {
                int host;
                Key160 key;
                quint64 sequence;
            };
            std::vector<Hosted> hosted;
            for (int c = 0; c < 5; ++c) {
                const int host = int(net.randomU64() % quint64(net.size()));
                const auto container = containerKey(net);
                const Key160 key = orion::routing::NodeInfo::idForPublicKey(container.publicKey());
                QCOMPARE(net.publish(host, container), 20);
                QCOMPARE(holders(net, key, host), std::make_pair(20, true));
                hosted.push_back({host, key, net.providers(host).cached(key)->sequence});
            }
            // Any node finds the host of every container; the host's own ID comes back.
            for (int q = 0; q < 40; ++q) {
                const Hosted &h = hosted[size_t(q) % hosted.size()];
                const int from = int(net.randomU64() % quint64(net.size()));
                const auto record = net.resolve(from, h.key);
                QVERIFY(record);
                QCOMPARE(record->containerKey, h.key);
                QCOMPARE(record->hostId, net.info(h.host).id);
                QVERIFY(record->verify(net.wallClockMs() / 1000).ok());
            }
            // A key nobody published: every node asked answers "none", and that is the answer.
            const Key160 unknown = randomKey(net);
            QVERIFY(!net.resolve(1, unknown));
            QVERIFY(!net.resolve(2, unknown));

            // Past the records' first lifetime: refreshed by their hosts through the host's
            // timers (virtual time), so still found, with a newer sequence number.
            net.runFor(config.providerConfig.ttlSecs * 1000 + 60'000);
            for (const Hosted &h : hosted) {
                const int from = (h.host + 1) % net.size();
                const auto record = net.resolve(from, h.key);
                QVERIFY(record);
                QCOMPARE(record->hostId, net.info(h.host).id);
                QVERIFY(record->sequence > h.sequence);
                QCOMPARE(holders(net, h.key, h.host).first, 20);
            }

            // A host that vanishes stops refreshing: once its records expire, nobody finds
            // it, and the resolve ends with no record instead of hanging.
            const Hosted gone = hosted.front();
            net.kill(gone.host);
            const int asker = (gone.host + 7) % net.size();
            QVERIFY(net.resolve(asker, gone.key)); // still stored for a while
            net.runFor(config.providerConfig.ttlSecs * 1000 + 60'000);
            QCOMPARE(holders(net, gone.key, gone.host).first, 0);
            QVERIFY(!net.resolve(asker, gone.key));
            // The others are unaffected.
            for (size_t i = 1; i < hosted.size(); ++i) {
                if (hosted[i].host != gone.host) {
                    QVERIFY(net.resolve(asker, hosted[i].key));
                }
            }
        }
    }

    void lookupsTerminateWithoutAnyoneToAsk() {
        SimNetwork net(quietConfig(5));
        net.addNode();
        const auto alone = net.lookup(0, randomKey(net));
        QVERIFY(!alone.found);
        QVERIFY(alone.closest.empty());
        QCOMPARE(alone.requests, 0);
        // Seeds that never answer: the lookup ends through time-outs.
        net.addNode();
        net.addNode();
        net.kill(1);
        net.kill(2);
        bool done = false;
        orion::overlay::LookupResult result;
        net.engine(0).lookup(randomKey(net),
                             [&](const auto &r) {
                                 done = true;
                                 result = r;
                             },
                             {net.info(1), net.info(2)});
        net.runUntilIdle();
        QVERIFY(done);
        QCOMPARE(result.failures, 2);
        QVERIFY(result.closest.empty());
    }
};

QTEST_GUILESS_MAIN(TestOverlaySim)
#include "tst_overlay_sim.moc"
