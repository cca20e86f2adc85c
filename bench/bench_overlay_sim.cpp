// SPDX-License-Identifier: GPL-3.0-or-later
// bench_overlay_sim: lookups of the product's overlay code over the simulator, for
// 1,000 / 10,000 / 100,000 nodes, without churn and after 10 % and 20 % of the nodes were
// replaced since the last bucket refresh. One JSON object per line and configuration.
#include "SimNetwork.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QJsonDocument>
#include <QJsonObject>

#include <malloc.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <numeric>

using namespace orion;

namespace {

std::size_t heapInUse() {
    const struct mallinfo2 info = mallinfo2();
    return info.uordblks + info.hblkhd;
}

struct Options {
    int maxNodes = 100000;
    int lookups = 5000;
    quint64 seed = 1;
};

QJsonObject measure(sim::SimNetwork &net, int lookups, double churn, int originalNodes) {
    const auto alive = net.aliveNodes();
    std::vector<std::pair<int, identity::Key160>> queries;
    std::vector<int> targets;
    auto &rng = net.rng();
    for (int i = 0; i < lookups; ++i) {
        const int from = alive[rng() % alive.size()];
        int to = from;
        while (to == from) {
            to = alive[rng() % alive.size()];
        }
        queries.emplace_back(from, net.info(to).id);
    }
    QElapsedTimer timer;
    timer.start();
    std::vector<overlay::LookupResult> results;
    // Batches keep many lookups in flight at once, as in a busy network.
    constexpr size_t kBatch = 200;
    for (size_t i = 0; i < queries.size(); i += kBatch) {
        std::vector<std::pair<int, identity::Key160>> batch(
            queries.begin() + qsizetype(i),
            queries.begin() + qsizetype(std::min(queries.size(), i + kBatch)));
        auto r = net.lookups(batch);
        results.insert(results.end(), r.begin(), r.end());
    }
    const qint64 lookupMs = timer.elapsed();

    int found = 0;
    std::vector<int> hops;
    double messages = 0;
    for (const auto &r : results) {
        if (r.found) {
            ++found;
            hops.push_back(r.hops);
        }
        messages += r.requests + r.answers;
    }
    std::sort(hops.begin(), hops.end());
    const double hopsMean =
        hops.empty() ? 0 : std::accumulate(hops.begin(), hops.end(), 0.0) / double(hops.size());
    const int hopsP99 = hops.empty() ? 0 : hops[std::min(hops.size() - 1, hops.size() * 99 / 100)];
    double contacts = 0;
    for (int i : alive) {
        contacts += double(net.engine(i).table().size());
    }

    QJsonObject o;
    o[QStringLiteral("nodes")] = originalNodes;
    o[QStringLiteral("churn")] = churn;
    o[QStringLiteral("lookups")] = lookups;
    o[QStringLiteral("success_rate")] = double(found) / double(lookups);
    o[QStringLiteral("hops_mean")] = hopsMean;
    o[QStringLiteral("hops_p99")] = hopsP99;
    o[QStringLiteral("messages_per_lookup")] = messages / double(lookups);
    o[QStringLiteral("contacts_per_node")] = contacts / double(alive.size());
    // Baseline: log2(N), the hop count of a plain binary-search overlay (Chord-like).
    o[QStringLiteral("hops_ratio_log2n")] = hopsMean / std::log2(double(originalNodes));
    o[QStringLiteral("lookup_wall_ms")] = lookupMs;
    return o;
}

void print(const QJsonObject &o) {
    std::printf("%s\n", QJsonDocument(o).toJson(QJsonDocument::Compact).constData());
    std::fflush(stdout);
}

void churnNetwork(sim::SimNetwork &net, int count) {
    auto &rng = net.rng();
    auto alive = net.aliveNodes();
    for (int i = 0; i < count; ++i) {
        const size_t pick = rng() % alive.size();
        net.kill(alive[pick]);
        alive[pick] = alive.back();
        alive.pop_back();
    }
    // The newcomers join at the same time, through random live nodes.
    std::vector<std::pair<int, int>> joins;
    for (int i = 0; i < count; ++i) {
        joins.emplace_back(net.addNode(), alive[rng() % alive.size()]);
    }
    net.joinAll(joins);
}

void runSize(int nodes, const Options &options) {
    sim::SimConfig config;
    config.seed = options.seed + quint64(nodes);
    // Measured "between refreshes": no periodic maintenance runs during the measurement.
    config.overlay.maintenanceIntervalMs = 0;
    config.overlay.requestTimeoutMs = 2000;

    QElapsedTimer wall;
    wall.start();
    const std::size_t heapBefore = heapInUse();
    sim::SimNetwork net(config);
    for (int i = 0; i < nodes; ++i) {
        net.addNode();
    }
    net.fillTablesFromPopulation();
    const double bytesPerNode = double(heapInUse() - heapBefore) / nodes;
    const qint64 buildMs = wall.elapsed();

    auto o = measure(net, options.lookups, 0.0, nodes);
    o[QStringLiteral("bytes_per_node")] = qint64(bytesPerNode);
    o[QStringLiteral("population")] = QStringLiteral("table-fill");
    o[QStringLiteral("build_wall_ms")] = buildMs;
    o[QStringLiteral("wall_ms")] = wall.elapsed();
    print(o);

    // Churn accumulates: the 20 % line has had two waves of 10 % since the tables were
    // built, and no refresh in between.
    for (double churn : {0.1, 0.2}) {
        QElapsedTimer phase;
        phase.start();
        churnNetwork(net, nodes / 10);
        const qint64 churnMs = phase.elapsed();
        auto c = measure(net, options.lookups, churn, nodes);
        c[QStringLiteral("bytes_per_node")] = qint64(double(heapInUse() - heapBefore) / net.size());
        c[QStringLiteral("population")] = QStringLiteral("table-fill + joins");
        c[QStringLiteral("churn_wall_ms")] = churnMs;
        c[QStringLiteral("wall_ms")] = phase.elapsed();
        print(c);
    }
}

} // namespace

int main(int argc, char **argv) {
    QCoreApplication app(argc, argv);
    Options options;
    const QStringList args = app.arguments();
    for (int i = 1; i < args.size(); ++i) {
        if (args[i] == u"--max-nodes" && i + 1 < args.size()) {
            options.maxNodes = args[++i].toInt();
        } else if (args[i] == u"--lookups" && i + 1 < args.size()) {
            options.lookups = std::max(1, args[++i].toInt());
        } else if (args[i] == u"--seed" && i + 1 < args.size()) {
            options.seed = args[++i].toULongLong();
        } else {
            std::fprintf(stderr,
                         "usage: bench_overlay_sim [--max-nodes N] [--lookups L] [--seed S]\n");
            return 2;
        }
    }
    for (int nodes : {1000, 10000, 100000}) {
        if (nodes <= options.maxNodes) {
            runSize(nodes, options);
        }
    }
    return 0;
}
