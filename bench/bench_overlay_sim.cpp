// SPDX-License-Identifier: GPL-3.0-or-later
// bench_overlay_sim: lookups over simulated networks with a world latency model, for chosen
// sizes and churn levels: success, hops, and latency in ms and in round trips of iterative
// lookups (the product's) and live-path lookups (recursive, d disjoint paths, optionally
// latency-aware) side by side,
// and the memory per simulated node. Two engines: "full" runs the product's OverlayEngine and
// RoutingTable per node (SimNetwork), "compact" index tables (CompactNetwork, for 10^6).
// Prints one JSON object; progress goes to stderr.
#include "CompactNetwork.h"
#include "IterativeLookupModel.h"
#include "LivePathLookup.h"
#include "SimNetwork.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLoggingCategory>

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

qint64 peakRssKiB() {
    QFile f(QStringLiteral("/proc/self/status"));
    if (!f.open(QIODevice::ReadOnly)) {
        return -1;
    }
    for (const QByteArray &line : f.readAll().split('\n')) {
        if (line.startsWith("VmHWM:")) {
            return line.mid(6).trimmed().split(' ').front().toLongLong();
        }
    }
    return -1;
}

struct Options {
    std::vector<int> nodes{10000};
    std::vector<double> churn{0.0, 0.1, 0.2};
    QString engine = QStringLiteral("auto");
    int lookups = 2000;
    int paths = 2;
    int connectedPerBucket = 20;
    double dialRtts = 4;
    quint64 seed = 1;
};

double quantile(std::vector<double> v, double q) {
    if (v.empty()) {
        return 0;
    }
    std::sort(v.begin(), v.end());
    return v[std::min(v.size() - 1, size_t(double(v.size()) * q))];
}

// What one lookup style achieved over the queries.
struct Samples {
    int found = 0;
    int total = 0;
    int fallbacks = 0;
    std::vector<double> hops;
    std::vector<double> ms;

    void add(bool ok, int h, double latency) {
        ++total;
        if (ok) {
            ++found;
            hops.push_back(h);
        }
        // Latency counts every lookup, found or not: a failure costs the time it took.
        ms.push_back(latency);
    }
    QJsonObject json(double rtt) const {
        QJsonObject o;
        o[QStringLiteral("success")] = double(found) / std::max(1, total);
        o[QStringLiteral("hops_mean")] =
            hops.empty() ? 0 : std::accumulate(hops.begin(), hops.end(), 0.0) / double(hops.size());
        o[QStringLiteral("hops_p99")] = quantile(hops, 0.99);
        const double p50 = quantile(ms, 0.5);
        const double p99 = quantile(ms, 0.99);
        o[QStringLiteral("latency_p50_ms")] = std::round(p50 * 10) / 10;
        o[QStringLiteral("latency_p99_ms")] = std::round(p99 * 10) / 10;
        o[QStringLiteral("latency_p50_rtt")] = std::round(p50 / rtt * 100) / 100;
        o[QStringLiteral("latency_p99_rtt")] = std::round(p99 / rtt * 100) / 100;
        if (fallbacks > 0) {
            o[QStringLiteral("fallback_share")] = double(fallbacks) / std::max(1, total);
        }
        return o;
    }
};

std::vector<std::pair<int, int>> pickQueries(const std::vector<int> &alive, int lookups,
                                             std::mt19937_64 &rng) {
    std::vector<std::pair<int, int>> out;
    for (int i = 0; i < lookups; ++i) {
        const int from = alive[rng() % alive.size()];
        int to = from;
        while (to == from) {
            to = alive[rng() % alive.size()];
        }
        out.emplace_back(from, to);
    }
    return out;
}

// The median round trip between two live nodes of the network: the unit of "round trips".
double medianRtt(const sim::OverlayView &view, const std::vector<int> &alive,
                 std::mt19937_64 &rng) {
    std::vector<double> rtts;
    for (int i = 0; i < 20000; ++i) {
        const int a = alive[rng() % alive.size()];
        const int b = alive[rng() % alive.size()];
        if (a != b) {
            rtts.push_back(view.rttMs(a, b));
        }
    }
    return quantile(rtts, 0.5);
}

// Live-path lookups with one path, with d, and with d and proximity route selection.
void measureLivePaths(const sim::OverlayView &view, const std::vector<std::pair<int, int>> &queries,
                      const Options &options, QJsonObject &row, double rtt) {
    struct Variant {
        const char *key;
        int paths;
        bool proximity;
    };
    const Variant variants[] = {{"live_path_1", 1, false},
                                {"live_path_d", options.paths, false},
                                {"live_path_d_prs", options.paths, true}};
    for (const Variant &v : variants) {
        sim::LivePathConfig config;
        config.iterative.dialRtts = options.dialRtts;
        config.paths = v.paths;
        config.proximity = v.proximity;
        const sim::LivePathLookup live(view, config);
        Samples s;
        for (const auto &[from, to] : queries) {
            const auto r = live.run(from, view.nodeId(to));
            s.add(r.found, r.hops, r.latencyMs);
            s.fallbacks += r.usedFallback ? 1 : 0;
        }
        row[QLatin1StringView(v.key)] = s.json(rtt);
    }
}

void print(const QJsonObject &o, FILE *to) {
    std::fprintf(to, "%s\n", QJsonDocument(o).toJson(QJsonDocument::Compact).constData());
    std::fflush(to);
}

// --- The product's engine per node ---------------------------------------------------------

void churnFull(sim::SimNetwork &net, int count) {
    auto &rng = net.rng();
    auto alive = net.aliveNodes();
    for (int i = 0; i < count; ++i) {
        const size_t pick = rng() % alive.size();
        net.kill(alive[pick]);
        alive[pick] = alive.back();
        alive.pop_back();
    }
    // The newcomers join at the same time, through random live nodes, with the product's
    // bootstrap.
    std::vector<std::pair<int, int>> joins;
    for (int i = 0; i < count; ++i) {
        joins.emplace_back(net.addNode(), alive[rng() % alive.size()]);
    }
    net.joinAll(joins);
}

void runFull(int nodes, const Options &options, QJsonArray &rows) {
    sim::SimConfig config;
    config.seed = options.seed + quint64(nodes);
    // Measured "between refreshes": no periodic maintenance runs during the measurement.
    config.overlay.maintenanceIntervalMs = 0;
    config.regionLatency = true;
    config.dialRtts = options.dialRtts;
    config.connectedPerBucket = options.connectedPerBucket;

    QElapsedTimer wall;
    wall.start();
    const std::size_t heapBefore = heapInUse();
    sim::SimNetwork net(config);
    for (int i = 0; i < nodes; ++i) {
        net.addNode();
    }
    net.fillTablesFromPopulation();
    const double bytesPerNode = double(heapInUse() - heapBefore) / nodes;
    std::fprintf(stderr, "full %d: built in %lld ms, %.0f bytes per node\n", nodes,
                 qlonglong(wall.elapsed()), bytesPerNode);

    double churned = 0;
    for (double churn : options.churn) {
        QElapsedTimer phase;
        phase.start();
        // Churn accumulates: 20 % is two waves of 10 % since the tables were built, and no
        // refresh in between.
        while (churned + 1e-9 < churn) {
            const double step = std::min(0.1, churn - churned);
            churnFull(net, int(std::lround(step * nodes)));
            churned += step;
        }
        const auto alive = net.aliveNodes();
        const auto queries = pickQueries(alive, options.lookups, net.rng());
        const double rtt = medianRtt(net, alive, net.rng());
        QJsonObject row;
        row[QStringLiteral("engine")] = QStringLiteral("full");
        row[QStringLiteral("nodes")] = nodes;
        row[QStringLiteral("churn")] = churn;
        row[QStringLiteral("lookups")] = options.lookups;
        row[QStringLiteral("median_rtt_ms")] = std::round(rtt * 10) / 10;
        // Live paths first: they read the tables; the product's lookups also update them.
        measureLivePaths(net, queries, options, row, rtt);

        Samples it;
        constexpr size_t kBatch = 200; // many lookups in flight at once, as in a busy network
        for (size_t i = 0; i < queries.size(); i += kBatch) {
            std::vector<std::pair<int, identity::Key160>> batch;
            for (size_t j = i; j < std::min(queries.size(), i + kBatch); ++j) {
                batch.emplace_back(queries[j].first, net.info(queries[j].second).id);
            }
            for (const auto &r : net.lookups(batch)) {
                it.add(r.found, r.hops, double(r.durationMs));
            }
        }
        row[QStringLiteral("iterative")] = it.json(rtt);
        double contacts = 0;
        for (int i : alive) {
            contacts += double(net.engine(i).table().size());
        }
        row[QStringLiteral("contacts_per_node")] = std::round(contacts / double(alive.size()));
        row[QStringLiteral("bytes_per_node")] =
            qint64(double(heapInUse() - heapBefore) / double(net.size()));
        row[QStringLiteral("wall_ms")] = phase.elapsed();
        print(row, stderr);
        rows.append(row);
    }
}

// --- Index tables ---------------------------------------------------------------------------

void churnCompact(sim::CompactNetwork &net, int count) {
    auto &rng = net.rng();
    auto alive = net.aliveNodes();
    for (int i = 0; i < count; ++i) {
        const size_t pick = rng() % alive.size();
        net.kill(alive[pick]);
        alive[pick] = alive.back();
        alive.pop_back();
    }
    for (int i = 0; i < count; ++i) {
        net.addNode();
    }
    net.fillTables();
}

void runCompact(int nodes, const Options &options, QJsonArray &rows) {
    sim::CompactNetwork::Config config;
    config.seed = options.seed + quint64(nodes);
    config.connectedPerBucket = options.connectedPerBucket;
    QElapsedTimer wall;
    wall.start();
    const std::size_t heapBefore = heapInUse();
    sim::CompactNetwork net(config);
    const double maxChurn = options.churn.empty() ? 0 : options.churn.back();
    net.reserve(int(nodes * (1 + maxChurn)) + 1);
    for (int i = 0; i < nodes; ++i) {
        net.addNode();
    }
    net.fillTables();
    const double bytesPerNode = double(heapInUse() - heapBefore) / nodes;
    std::fprintf(stderr, "compact %d: built in %lld ms, %.0f bytes per node\n", nodes,
                 qlonglong(wall.elapsed()), bytesPerNode);

    sim::IterativeConfig iterativeConfig;
    iterativeConfig.dialRtts = options.dialRtts;
    const sim::IterativeLookupModel iterative(net, iterativeConfig);
    double churned = 0;
    for (double churn : options.churn) {
        QElapsedTimer phase;
        phase.start();
        while (churned + 1e-9 < churn) {
            const double step = std::min(0.1, churn - churned);
            churnCompact(net, int(std::lround(step * nodes)));
            churned += step;
        }
        const auto alive = net.aliveNodes();
        const auto queries = pickQueries(alive, options.lookups, net.rng());
        const double rtt = medianRtt(net, alive, net.rng());
        QJsonObject row;
        row[QStringLiteral("engine")] = QStringLiteral("compact");
        row[QStringLiteral("nodes")] = nodes;
        row[QStringLiteral("churn")] = churn;
        row[QStringLiteral("lookups")] = options.lookups;
        row[QStringLiteral("median_rtt_ms")] = std::round(rtt * 10) / 10;
        measureLivePaths(net, queries, options, row, rtt);
        Samples it;
        Samples toTarget; // the same lookups, until the target itself answered
        for (const auto &[from, to] : queries) {
            const auto r = iterative.run(from, net.nodeId(to));
            it.add(r.found, r.hops, r.latencyMs);
            toTarget.add(r.found, r.hops, r.found ? r.foundMs : r.latencyMs);
        }
        row[QStringLiteral("iterative")] = it.json(rtt);
        row[QStringLiteral("iterative_until_target")] = toTarget.json(rtt);
        double contacts = 0;
        for (int i : alive) {
            contacts += double(net.contactCount(i));
        }
        row[QStringLiteral("contacts_per_node")] = std::round(contacts / double(alive.size()));
        row[QStringLiteral("bytes_per_node")] =
            qint64(double(heapInUse() - heapBefore) / double(net.nodeCount()));
        row[QStringLiteral("array_bytes_per_node")] =
            qint64(double(net.bytes()) / double(net.nodeCount()));
        row[QStringLiteral("wall_ms")] = phase.elapsed();
        print(row, stderr);
        rows.append(row);
    }
}

template <typename T>
std::vector<T> parseList(const QString &text, T (*convert)(const QString &)) {
    std::vector<T> out;
    for (const QString &part : text.split(u',', Qt::SkipEmptyParts)) {
        out.push_back(convert(part));
    }
    return out;
}

} // namespace

int main(int argc, char **argv) {
    QCoreApplication app(argc, argv);
    // A lookup at a dead node logs its time-out; thousands of them would drown the figures.
    QLoggingCategory::setFilterRules(QStringLiteral("orion.*.debug=false"));
    Options options;
    const QStringList args = app.arguments();
    auto usage = [] {
        std::fprintf(stderr,
                     "usage: bench_overlay_sim [--nodes N[,N...]] [--churn C[,C...]]\n"
                     "         [--engine auto|full|compact|both] [--lookups L] [--paths D]\n"
                     "         [--connected-per-bucket C] [--dial-rtts R] [--seed S]\n"
                     "  defaults: --nodes 10000 --churn 0,0.1,0.2 --engine auto (full up to\n"
                     "  100000 nodes, compact above) --lookups 2000 --paths 2\n");
        return 2;
    };
    for (int i = 1; i < args.size(); ++i) {
        const bool hasValue = i + 1 < args.size();
        if (args[i] == u"--nodes" && hasValue) {
            options.nodes = parseList<int>(args[++i], [](const QString &s) { return s.toInt(); });
        } else if (args[i] == u"--churn" && hasValue) {
            options.churn =
                parseList<double>(args[++i], [](const QString &s) { return s.toDouble(); });
            std::sort(options.churn.begin(), options.churn.end());
        } else if (args[i] == u"--engine" && hasValue) {
            options.engine = args[++i];
        } else if (args[i] == u"--lookups" && hasValue) {
            options.lookups = std::max(1, args[++i].toInt());
        } else if (args[i] == u"--paths" && hasValue) {
            options.paths = std::max(1, args[++i].toInt());
        } else if (args[i] == u"--connected-per-bucket" && hasValue) {
            options.connectedPerBucket = std::max(0, args[++i].toInt());
        } else if (args[i] == u"--dial-rtts" && hasValue) {
            options.dialRtts = std::max(0.0, args[++i].toDouble());
        } else if (args[i] == u"--seed" && hasValue) {
            options.seed = args[++i].toULongLong();
        } else {
            return usage();
        }
    }
    const QStringList engines{QStringLiteral("auto"), QStringLiteral("full"),
                              QStringLiteral("compact"), QStringLiteral("both")};
    if (!engines.contains(options.engine) ||
        std::any_of(options.nodes.begin(), options.nodes.end(), [](int n) { return n < 100; })) {
        return usage();
    }
    QElapsedTimer wall;
    wall.start();
    QJsonArray rows;
    for (int nodes : options.nodes) {
        const bool full = options.engine == u"full" || options.engine == u"both" ||
                          (options.engine == u"auto" && nodes <= 100000);
        const bool compact = options.engine == u"compact" || options.engine == u"both" ||
                             (options.engine == u"auto" && nodes > 100000);
        if (full) {
            runFull(nodes, options, rows);
        }
        if (compact) {
            runCompact(nodes, options, rows);
        }
    }
    QJsonObject model;
    model[QStringLiteral("latency")] =
        QStringLiteral("28 world regions, inter-region RTT table, per-node access RTT "
                       "(log-normal, median 8 ms), per-link factor 0.95-1.15");
    model[QStringLiteral("dial_rtts")] = options.dialRtts;
    model[QStringLiteral("k")] = 20;
    model[QStringLiteral("alpha")] = 3;
    model[QStringLiteral("paths")] = options.paths;
    model[QStringLiteral("connected_per_bucket")] = options.connectedPerBucket;
    model[QStringLiteral("request_timeout_ms")] = 3000;
    model[QStringLiteral("seed")] = qint64(options.seed);
    QJsonObject out;
    out[QStringLiteral("bench")] = QStringLiteral("overlay_sim");
    out[QStringLiteral("model")] = model;
    out[QStringLiteral("rows")] = rows;
    out[QStringLiteral("peak_rss_kib")] = peakRssKiB();
    out[QStringLiteral("wall_ms")] = wall.elapsed();
    print(out, stdout);
    return 0;
}
