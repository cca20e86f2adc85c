// SPDX-License-Identifier: GPL-3.0-or-later
// N real nodes (default 200) in one process on a pool of threads, real sockets on loopback:
// time until every node has at least 8 contacts, lookups of random node IDs from random
// nodes, routed 256-byte messages between random pairs, and memory per node. Prints one
// JSON object. Usage: bench_network [nodes] [threads]
#include "identity/NetworkKey.h"
#include "identity/NodeIdentity.h"
#include "node/BootstrapList.h"
#include "node/Node.h"

#include <QCoreApplication>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLoggingCategory>
#include <QMutex>
#include <QTemporaryDir>
#include <QThread>
#include <QtEndian>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <fstream>
#include <numeric>
#include <random>
#include <sys/resource.h>
#include <thread>
#include <unistd.h>

using namespace orion;
using identity::Key160;

namespace {

constexpr int kLookups = 1000;
constexpr int kDeliveries = 500;
constexpr int kBodyBytes = 256;

qint64 nowNs() {
    return std::chrono::duration_cast<std::chrono::nanoseconds>(
               std::chrono::steady_clock::now().time_since_epoch())
        .count();
}

double rssKiB() {
    std::ifstream statm("/proc/self/statm");
    long pages = 0, resident = 0;
    statm >> pages >> resident;
    return double(resident) * double(sysconf(_SC_PAGESIZE)) / 1024.0;
}

double percentile(std::vector<double> v, double q) {
    if (v.empty()) {
        return 0;
    }
    std::sort(v.begin(), v.end());
    return v[size_t(q * double(v.size() - 1))];
}

template <typename Fn>
void callOn(node::Node *n, Fn fn) {
    QMetaObject::invokeMethod(n, fn, Qt::BlockingQueuedConnection);
}

} // namespace

int main(int argc, char **argv) {
    QCoreApplication app(argc, argv);
    // Hundreds of nodes log every connection they open and close; that is not what is
    // measured here.
    QLoggingCategory::setFilterRules(QStringLiteral("orion.*.info=false\norion.*.debug=false"));
    const int count = argc > 1 ? std::max(2, atoi(argv[1])) : 200;
    // Many nodes in one process run on a pool of event-loop threads, one per core by
    // default, as a server runs its connections: each thread waits on one epoll set for all
    // its nodes' sockets (net/SocketPoller), so a thread serves a hundred nodes and still
    // delivers within half a millisecond. `bench_network 200 200` gives each node a thread
    // of its own, as the product runs its one node (NodeRunner); each node's memory then
    // includes a thread's allocator cache and stack (docs/architecture.md, "Memory of a
    // node").
    const int threadCount =
        argc > 2 ? std::max(1, atoi(argv[2])) : std::max(1, QThread::idealThreadCount());

    // Two sockets per connection per node pair, plus listeners: raise the soft limit.
    rlimit limit{};
    getrlimit(RLIMIT_NOFILE, &limit);
    limit.rlim_cur = limit.rlim_max;
    setrlimit(RLIMIT_NOFILE, &limit);

    QTemporaryDir dir;
    const auto networkKey = identity::NetworkKey::generate();
    std::vector<identity::NodeIdentity> identities;
    for (int i = 0; i < count; ++i) {
        identities.push_back(identity::NodeIdentity::generate());
    }
    std::vector<std::unique_ptr<QThread>> threads;
    for (int t = 0; t < threadCount; ++t) {
        threads.push_back(std::make_unique<QThread>());
        threads.back()->start();
    }
    const double rssBefore = rssKiB();

    auto config = [] {
        node::NodeConfig c;
        c.listenAddress = QHostAddress::LocalHost;
        c.listenPort = 0;
        c.overlay.routing.addressLimits = false;
        c.transport.maxPerAddress = 100000;
        c.transport.maxHandshakingPerAddress = 100000;
        c.transport.maxHandshakingPerSubnet = 100000;
        c.transport.acceptsPerSecondPerAddress = 100000;
        c.transport.maxInbound = 100000;
        c.transport.maxHandshaking = 100000;
        c.bootstrapIntervalMs = 1000;
        // A lean connection policy: every connection costs a socket, its state and its
        // keys; routing needs only the closest neighbours and one contact per bucket, and a
        // connection dialled for a lookup is closed once its replies are in (checked every
        // 100 ms; one awaiting a reply is never closed). How many connections a node holds
        // at its busiest sets how far its heap grows, and a heap does not shrink back.
        c.neighbourConnections = 4;
        c.connectionsPerBucket = 1;
        c.maxConnections = 10;
        c.connectionIdleMs = 100;
        c.connectionPolicyIntervalMs = 100;
        return c;
    };
    std::vector<node::Node *> nodes;
    std::vector<Key160> ids;
    identity::MemberRecord seed;
    const qint64 startNs = nowNs();
    for (int i = 0; i < count; ++i) {
        node::Profile profile(dir.filePath(QStringLiteral("n%1").arg(i)));
        (void)profile.create();
        if (i > 0) {
            (void)node::BootstrapList::add(profile, seed, networkKey.networkId());
        }
        ids.push_back(identities[size_t(i)].nodeId());
        auto *n =
            new node::Node(profile, identities[size_t(i)].clone(), networkKey.clone(), config());
        n->moveToThread(threads[size_t(i % threadCount)].get());
        callOn(n, [n] { (void)n->start(); }); // a failed start shows as a node that never converges
        if (i == 0) {
            callOn(n, [&] { seed = n->memberRecord(); });
        }
        nodes.push_back(n);
    }
    auto contactsOf = [&](int i) {
        int c = 0;
        callOn(nodes[size_t(i)], [&] { c = nodes[size_t(i)]->status().contacts; });
        return c;
    };
    const int wanted = std::min(8, count - 1);
    for (int i = 0; i < count;) {
        if (contactsOf(i) >= wanted) {
            ++i;
        } else {
            QThread::msleep(20);
        }
        if (nowNs() - startNs > 120'000'000'000LL) {
            fprintf(stderr, "network did not converge\n");
            return 1;
        }
    }
    const double convergeS = double(nowNs() - startNs) / 1e9;
    fprintf(stderr, "converged after %.2f s\n", convergeS);
    // Let bootstrap lookups and the connection policy settle before measuring.
    QThread::msleep(3000);
    const double rssAfter = rssKiB();
    int connectionsAfter = 0, contactsAfter = 0;
    for (node::Node *n : nodes) {
        callOn(n, [&] {
            const auto st = n->status();
            connectionsAfter += st.connections;
            contactsAfter += st.contacts;
        });
    }

    std::mt19937 rng(7);
    std::uniform_int_distribution<int> pick(0, count - 1);

    // Lookups of random node IDs from random nodes, a few at a time.
    QMutex mutex;
    std::vector<double> lookupMs;
    int lookupsFound = 0;
    std::atomic<int> lookupsDone{0};
    // A multimap: the same pair can come up twice while the first lookup still runs.
    std::multimap<std::pair<int, Key160>, qint64> started;
    for (int i = 0; i < count; ++i) {
        QObject::connect(
            nodes[size_t(i)], &node::Node::lookupFinished, nodes[size_t(i)],
            [&, i](const Key160 &target, bool found, int, const QStringList &) {
                QMutexLocker lock(&mutex);
                auto it = started.find({i, target});
                if (it == started.end()) {
                    return;
                }
                lookupMs.push_back(double(nowNs() - it->second) / 1e6);
                lookupsFound += found ? 1 : 0;
                started.erase(it);
                ++lookupsDone;
            },
            Qt::DirectConnection);
    }
    for (int q = 0; q < kLookups; ++q) {
        int from = pick(rng), to = pick(rng);
        while (to == from) {
            to = pick(rng);
        }
        while (q - lookupsDone.load() >= 2 && nowNs() < startNs + 600'000'000'000LL) {
            QThread::usleep(50);
        }
        node::Node *n = nodes[size_t(from)];
        const Key160 target = ids[size_t(to)];
        QMetaObject::invokeMethod(n, [&, n, from, target] {
            {
                QMutexLocker lock(&mutex);
                started.insert({{from, target}, nowNs()});
            }
            n->lookup(target);
        });
    }
    const qint64 lookupDeadline = nowNs() + 60'000'000'000LL;
    while (lookupsDone.load() < kLookups && nowNs() < lookupDeadline) {
        QThread::usleep(50);
    }
    fprintf(stderr, "%d lookups finished\n", lookupsDone.load());
    {
        QMutexLocker lock(&mutex);
        for (const auto &[pair, at] : started) {
            fprintf(stderr, "lookup from node %d of %s unfinished after %.1f s\n", pair.first,
                    qPrintable(pair.second.toHex()), double(nowNs() - at) / 1e9);
        }
    }

    fprintf(stderr, "lookups done\n");
    // Connections the lookups opened are closed once idle; deliveries are measured in the
    // settled network, like the lookups.
    QThread::msleep(3000);
    // Routed messages between random pairs, one at a time: send to arrival.
    std::vector<double> deliverMs;
    std::vector<double> deliverHops;
    std::atomic<int> arrived{0};
    std::atomic<int> failed{0};
    for (int i = 0; i < count; ++i) {
        node::Node *n = nodes[size_t(i)];
        callOn(n, [&, n] {
            n->registerService(QStringLiteral("sink"), [&](const routing::RoutedMessage &m) {
                const qint64 sent = qFromBigEndian<qint64>(m.body.toByteArray().constData());
                {
                    QMutexLocker lock(&mutex);
                    deliverMs.push_back(double(nowNs() - sent) / 1e6);
                    deliverHops.push_back(
                        double(routing::RoutedMessage::kDefaultHopLimit - m.hopLimit));
                }
                ++arrived;
                return routing::Delivery::Accepted;
            });
        });
        QObject::connect(
            n, &node::Node::messageError, n,
            [&](const QByteArray &id, int code, const QString &text) {
                fprintf(stderr, "route error %d for message %s: %s\n", code, id.toHex().constData(),
                        qPrintable(text));
                ++failed;
            },
            Qt::DirectConnection);
    }
    node::SendOptions options;
    options.target = node::SendOptions::Target::Node;
    for (int q = 0; q < kDeliveries; ++q) {
        int from = pick(rng), to = pick(rng);
        while (to == from) {
            to = pick(rng);
        }
        node::Node *n = nodes[size_t(from)];
        const Key160 target = ids[size_t(to)];
        const int before = arrived.load() + failed.load();
        QMetaObject::invokeMethod(n, [n, target, options] {
            QByteArray body(kBodyBytes, 'x');
            qToBigEndian(nowNs(), body.data());
            n->sendMessage(target, QStringLiteral("sink"), body, options);
        });
        while (arrived.load() + failed.load() == before) {
            QThread::usleep(50);
        }
    }

    // Memory is taken twice, once the network settled and once every lookup and delivery
    // is done; the larger counts.
    const double rssEnd = rssKiB();
    QJsonObject out;
    out.insert(QStringLiteral("benchmark"), QStringLiteral("network"));
    out.insert(QStringLiteral("nodes"), count);
    out.insert(QStringLiteral("threads"), threadCount);
    out.insert(QStringLiteral("converge_s"), convergeS);
    out.insert(QStringLiteral("lookups"), kLookups);
    out.insert(QStringLiteral("lookup_p50_ms"), percentile(lookupMs, 0.5));
    out.insert(QStringLiteral("lookup_p99_ms"), percentile(lookupMs, 0.99));
    out.insert(QStringLiteral("lookup_success"), double(lookupsFound) / kLookups);
    out.insert(QStringLiteral("deliveries"), kDeliveries);
    out.insert(QStringLiteral("deliver_success"), double(arrived.load()) / kDeliveries);
    out.insert(QStringLiteral("deliver_p50_ms"), percentile(deliverMs, 0.5));
    out.insert(QStringLiteral("deliver_p99_ms"), percentile(deliverMs, 0.99));
    out.insert(QStringLiteral("deliver_hops_mean"),
               deliverHops.empty() ? 0.0
                                   : std::accumulate(deliverHops.begin(), deliverHops.end(), 0.0) /
                                         double(deliverHops.size()));
    out.insert(QStringLiteral("deliver_hops_max"), percentile(deliverHops, 1.0));
    out.insert(QStringLiteral("rss_per_node_kib"),
               (std::max(rssAfter, rssEnd) - rssBefore) / count);
    out.insert(QStringLiteral("connections_per_node"), double(connectionsAfter) / count);
    out.insert(QStringLiteral("contacts_per_node"), double(contactsAfter) / count);
    out.insert(QStringLiteral("opendht_n200_lookup_p50_ms"), 0.44);
    out.insert(QStringLiteral("opendht_n200_success"), 0.989);
    out.insert(QStringLiteral("opendht_n200_deliver_p50_ms"), 1.0);
    out.insert(QStringLiteral("opendht_n200_kib_per_node"), 75);
    fprintf(stdout, "%s\n", QJsonDocument(out).toJson(QJsonDocument::Compact).constData());
    fflush(stdout);

    for (node::Node *n : nodes) {
        QMetaObject::invokeMethod(n, &node::Node::requestStop, Qt::QueuedConnection);
    }
    QThread::msleep(1500);
    for (node::Node *n : nodes) {
        QMetaObject::invokeMethod(n, &QObject::deleteLater, Qt::QueuedConnection);
    }
    QThread::msleep(200);
    for (auto &t : threads) {
        t->quit();
        t->wait();
    }
    return 0;
}
