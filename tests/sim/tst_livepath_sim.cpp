// SPDX-License-Identifier: GPL-3.0-or-later
// The lookup models of the simulator: compact index tables answer closest() exactly as the
// product's RoutingTable does with the same contacts; the iterative model over them returns
// the true k closest; live-path lookups reach their targets, over index tables and over the
// product's tables; with two disjoint paths a relay that drops or lies does not change the
// result, with one path it hides the target (the positive control).
#include "CompactNetwork.h"
#include "IterativeLookupModel.h"
#include "LivePathLookup.h"
#include "SimAddress.h"
#include "SimNetwork.h"
#include "routing/RoutingTable.h"

#include <QtTest>

#include <algorithm>
#include <set>

using orion::identity::Key160;
using orion::sim::CompactNetwork;
using orion::sim::IterativeConfig;
using orion::sim::IterativeLookupModel;
using orion::sim::LatencyModel;
using orion::sim::LivePathConfig;
using orion::sim::LivePathLookup;

namespace {

Key160 randomKey(std::mt19937_64 &rng) {
    std::array<quint8, 20> b{};
    for (auto &x : b) {
        x = quint8(rng());
    }
    return Key160(b);
}

CompactNetwork makeCompact(int nodes, quint64 seed) {
    CompactNetwork::Config config;
    config.seed = seed;
    CompactNetwork net(config);
    for (int i = 0; i < nodes; ++i) {
        net.addNode();
    }
    net.fillTables();
    return net;
}

// The k live nodes closest to `target` other than `except`, by exhaustive search.
std::vector<int> trueClosest(const CompactNetwork &net, const Key160 &target, int k, int except) {
    std::vector<int> all;
    for (int i = 0; i < net.nodeCount(); ++i) {
        if (i != except && net.nodeAlive(i)) {
            all.push_back(i);
        }
    }
    std::partial_sort(all.begin(), all.begin() + k, all.end(),
                      [&](int a, int b) { return target.isCloser(net.nodeId(a), net.nodeId(b)); });
    all.resize(size_t(k));
    return all;
}

// Lookups between random pairs of distinct nodes.
std::vector<std::pair<int, int>> pairs(const orion::sim::OverlayView &view, int count,
                                       std::mt19937_64 &rng) {
    std::vector<std::pair<int, int>> out;
    while (int(out.size()) < count) {
        const int a = int(rng() % quint64(view.nodeCount()));
        const int b = int(rng() % quint64(view.nodeCount()));
        if (a != b && view.nodeAlive(a) && view.nodeAlive(b)) {
            out.emplace_back(a, b);
        }
    }
    return out;
}

} // namespace

class TestLivePathSim : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void latencyModelIsSymmetricAndBoundedByItsTable() {
        std::mt19937_64 a(7);
        std::mt19937_64 b(7);
        std::set<int> regions;
        for (int i = 0; i < 2000; ++i) {
            const auto pa = LatencyModel::place(a);
            const auto pb = LatencyModel::place(b);
            QCOMPARE(pa.region, pb.region); // the same seed places the same way
            QCOMPARE(pa.accessMs, pb.accessMs);
            QVERIFY(pa.accessMs >= 1 && pa.accessMs <= 80);
            regions.insert(pa.region);
        }
        QVERIFY(int(regions.size()) >= 20);
        std::mt19937_64 rng(3);
        for (int i = 0; i < 1000; ++i) {
            const auto pa = LatencyModel::place(rng);
            const auto pb = LatencyModel::place(rng);
            const double rtt = LatencyModel::rttMs(quint32(i), pa, quint32(i + 1), pb);
            QCOMPARE(rtt, LatencyModel::rttMs(quint32(i + 1), pb, quint32(i), pa));
            const double base = LatencyModel::regionRttMs(pa.region, pb.region);
            const double access = pa.accessMs + pb.accessMs;
            QVERIFY(rtt >= base * 0.95 + access - 1e-9);
            QVERIFY(rtt <= base * 1.15 + access + 1e-9);
        }
        for (int r = 0; r < LatencyModel::regionCount(); ++r) {
            QCOMPARE(LatencyModel::regionRttMs(r, r), 4);
        }
    }

    void compactTablesAnswerAsTheRoutingTable() {
        const CompactNetwork net = makeCompact(4000, 11);
        std::mt19937_64 rng(5);
        int compared = 0;
        for (int node = 0; node < 40; ++node) {
            // The same contacts through the product's insert path.
            orion::routing::RoutingTable table(net.nodeId(node));
            for (int b = 0; b < net.bucketCount(node); ++b) {
                for (int c : net.bucket(node, b)) {
                    // Every bucket but the last holds contacts of exactly its prefix length.
                    if (b < net.bucketCount(node) - 1) {
                        QCOMPARE(net.nodeId(node).commonPrefixLength(net.nodeId(c)), b);
                    }
                    orion::routing::NodeInfo info;
                    info.id = net.nodeId(c);
                    info.endpoint = orion::sim::endpointForNode(quint32(c));
                    QCOMPARE(int(table.seen(info, 0).update),
                             int(orion::routing::RoutingTable::Update::Added));
                }
            }
            QCOMPARE(table.size(), net.contactCount(node));
            std::vector<int> compact;
            for (int q = 0; q < 30; ++q) {
                const Key160 target = q % 3 == 0 ? net.nodeId(int(rng() % 4000)) : randomKey(rng);
                for (int count : {1, 20, 21, 60}) {
                    net.closestContacts(node, target, count, compact);
                    const auto real = table.closest(target, count);
                    QCOMPARE(compact.size(), real.size());
                    for (size_t i = 0; i < real.size(); ++i) {
                        QCOMPARE(net.nodeId(compact[i]), real[i].id);
                    }
                    ++compared;
                }
            }
        }
        QCOMPARE(compared, 40 * 30 * 4);
    }

    void iterativeModelReturnsTheKClosest() {
        CompactNetwork net = makeCompact(3000, 21);
        const IterativeLookupModel model(net, IterativeConfig{});
        std::mt19937_64 rng(9);
        for (int q = 0; q < 60; ++q) {
            const int from = int(rng() % 3000);
            const bool ofNode = q % 2 == 0;
            const Key160 target = ofNode ? net.nodeId(int(rng() % 3000)) : randomKey(rng);
            const auto r = model.run(from, target);
            const auto expected = trueClosest(net, target, 20, from);
            QCOMPARE(r.closest, expected);
            QVERIFY(r.latencyMs > 0);
            if (ofNode && net.nodeId(from) != target) {
                QVERIFY(r.found);
                QVERIFY(r.foundMs <= r.latencyMs);
            }
        }
    }

    void livePathsReachTheirTargetsDisjointly() {
        const CompactNetwork net = makeCompact(5000, 31);
        std::mt19937_64 rng(13);
        LivePathConfig config;
        config.fallback = false;
        for (int d : {1, 2, 3}) {
            config.paths = d;
            const LivePathLookup live(net, config);
            for (const auto &[from, to] : pairs(net, 200, rng)) {
                const Key160 &target = net.nodeId(to);
                const auto r = live.run(from, target);
                QVERIFY(r.found);
                QCOMPARE(r.closest.front(), to);
                // What the answers named, verified live, closest first.
                QCOMPARE(int(r.closest.size()), 20);
                for (size_t i = 1; i < r.closest.size(); ++i) {
                    QVERIFY(net.nodeAlive(r.closest[i]));
                    QVERIFY(
                        target.isCloser(net.nodeId(r.closest[i - 1]), net.nodeId(r.closest[i])));
                }
                QVERIFY(r.hops >= 1);
                QCOMPARE(int(r.routes.size()), d);
                // No relay is on two paths; the target ends every path that reached it.
                std::set<int> seen;
                for (const auto &route : r.routes) {
                    for (int relay : route) {
                        QVERIFY(relay != from);
                        QVERIFY(relay == to || seen.insert(relay).second);
                    }
                }
            }
        }
    }

    void oneBadRelayCannotHideTheTargetFromTwoDisjointPaths() {
        const CompactNetwork net = makeCompact(5000, 41);
        std::mt19937_64 rng(17);
        LivePathConfig config;
        config.fallback = false;
        int checked = 0;
        for (auto behaviour : {LivePathLookup::Behaviour::Drop, LivePathLookup::Behaviour::Lie}) {
            for (const auto &[from, to] : pairs(net, 150, rng)) {
                const Key160 &target = net.nodeId(to);
                config.paths = 1;
                const LivePathLookup single(net, config);
                const auto honestSingle = single.run(from, target);
                QVERIFY(honestSingle.found);
                const auto &route = honestSingle.routes.front();
                if (route.size() < 2) {
                    continue; // the initiator knows the target itself: no relay to corrupt
                }
                // Any relay of the single path but the target itself.
                const int bad = route[size_t(rng() % (route.size() - 1))];
                auto adversary = [bad, behaviour](int node) {
                    return node == bad ? behaviour : LivePathLookup::Behaviour::Honest;
                };

                // Positive control: with one path the bad relay hides the target.
                LivePathLookup corruptedSingle(net, config);
                corruptedSingle.setBehaviour(adversary);
                const auto hidden = corruptedSingle.run(from, target);
                QVERIFY(!hidden.found);
                QVERIFY(std::find(hidden.closest.begin(), hidden.closest.end(), to) ==
                        hidden.closest.end());
                QVERIFY(hidden.closest != honestSingle.closest);

                // Two disjoint paths: the same relay changes nothing.
                config.paths = 2;
                const LivePathLookup dual(net, config);
                const auto honest = dual.run(from, target);
                LivePathLookup corrupted(net, config);
                corrupted.setBehaviour(adversary);
                const auto result = corrupted.run(from, target);
                QVERIFY(honest.found);
                QVERIFY(result.found);
                QCOMPARE(result.closest, honest.closest);
                QCOMPARE(result.closest.front(), to);
                ++checked;
            }
        }
        QVERIFY2(checked >= 250, qPrintable(QString::number(checked)));
    }

    void livePathsOverTheProductsTables() {
        orion::sim::SimConfig config;
        config.seed = 3;
        config.overlay.maintenanceIntervalMs = 0;
        config.regionLatency = true;
        orion::sim::SimNetwork net(config);
        for (int i = 0; i < 3000; ++i) {
            net.addNode();
        }
        net.fillTablesFromPopulation();
        LivePathConfig lp;
        lp.fallback = false;
        lp.paths = 2;
        const LivePathLookup live(net, lp);
        std::mt19937_64 rng(23);
        for (const auto &[from, to] : pairs(net, 200, rng)) {
            const auto r = live.run(from, net.nodeId(to));
            QVERIFY(r.found);
            QCOMPARE(r.closest.front(), to);
            QVERIFY(r.latencyMs > 0);
            // The route's latency is the sum of its links, there and back.
            double oneWay = net.rttMs(from, r.routes[0].front()) / 2;
            for (size_t i = 1; i < r.routes[0].size(); ++i) {
                oneWay += net.rttMs(r.routes[0][i - 1], r.routes[0][i]) / 2;
            }
            if (r.routes[0].back() == to) {
                QVERIFY(r.latencyMs <= 2 * oneWay + 1e-6);
            }
        }
    }
};

QTEST_GUILESS_MAIN(TestLivePathSim)
#include "tst_livepath_sim.moc"
