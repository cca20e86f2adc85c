// SPDX-License-Identifier: GPL-3.0-or-later
// The echo container on a real node, from a real portal client: portal -> node -> router ->
// container -> script pool -> reply -> portal, against the same flow answered by the node's
// built-in "echo" service without a script (the baseline, same run). Also, in-process, the
// ContainerManager alone (deliver -> pool -> echo.ns -> reply signal) against a pool round trip
// without a script (keys inprocess_*). Prints one JSON object.
#include "container/ContainerManager.h"
#include "crypto/Random.h"
#include "node/NodeRunner.h"
#include "portal/PortalClient.h"
#include "portal/PortalServer.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLoggingCategory>
#include <QTemporaryDir>
#include <QThread>
#include <QThreadPool>

#include <algorithm>
#include <atomic>
#include <cstdio>
#include <vector>

using namespace orion;
using namespace orion::container;

namespace {

constexpr int kSequential = 5000; // one message in flight: latency and per-container rate
constexpr int kContainers = 8;
constexpr int kParallel = 16000; // spread over kContainers: instances per second
constexpr int kCounter = 500;    // with a committed store write per message

const char *kEcho = "(defun main ()\n  (reply MESSAGE))\n";
const char *kCounterSource = "(defun main ()\n"
                             "  (let n (+ 1 (or (store-get \"count\") 0)))\n"
                             "  (store-put \"count\" n)\n"
                             "  (reply n))\n";

ContainerMessage messageTo(const QString &key) {
    ContainerMessage m;
    m.messageId = crypto::Random::bytes(16);
    m.container = *identity::Key160::fromHex(key);
    m.source = identity::Key160::random();
    m.origin = m.source;
    m.body = QStringLiteral("hello, container");
    return m;
}

QString createOrDie(ContainerManager &m, const QString &name, const char *source) {
    auto key = m.create(name, QString::fromUtf8(source));
    if (!key) {
        std::fprintf(stderr, "%s\n", qPrintable(key.error()));
        std::exit(1);
    }
    return *key;
}

double percentile(std::vector<qint64> v, double p) {
    std::sort(v.begin(), v.end());
    return v.empty() ? 0 : double(v[std::min(v.size() - 1, size_t(p * double(v.size())))]) / 1000.0;
}

// Closed loop: the next message is delivered when the previous reply arrives.
double sequentialRate(ContainerManager &m, const QString &key, int count,
                      std::vector<qint64> *latenciesNs) {
    QEventLoop loop;
    QElapsedTimer total;
    QElapsedTimer one;
    int done = 0;
    auto c = QObject::connect(&m, &ContainerManager::outcome, [&](const ContainerOutcome &o) {
        if (o.status != ContainerOutcome::Status::Ok) {
            std::fprintf(stderr, "failed: %s\n", qPrintable(o.error));
            std::exit(1);
        }
        if (latenciesNs) {
            latenciesNs->push_back(one.nsecsElapsed());
        }
        if (++done == count) {
            loop.quit();
            return;
        }
        one.start();
        m.deliver(messageTo(key));
    });
    total.start();
    one.start();
    m.deliver(messageTo(key));
    loop.exec();
    QObject::disconnect(c);
    return count / (double(total.nsecsElapsed()) / 1e9);
}

// The same closed loop without a script: a pool task posts the reply back to this thread.
class Baseline : public QObject {
public:
    double run(int count) {
        QThreadPool pool;
        pool.setMaxThreadCount(2);
        QEventLoop loop;
        int done = 0;
        QElapsedTimer total;
        std::function<void()> send;
        send = [&] {
            const ContainerMessage m = messageTo(QString(40, u'a'));
            pool.start([this, m, &done, &count, &loop, &send]() {
                const QJsonValue body = m.body; // the reply: the body as it came
                QMetaObject::invokeMethod(
                    this,
                    [body, &done, &count, &loop, &send] {
                        Q_UNUSED(body);
                        if (++done == count) {
                            loop.quit();
                            return;
                        }
                        send();
                    },
                    Qt::QueuedConnection);
            });
        };
        total.start();
        send();
        loop.exec();
        pool.waitForDone();
        return count / (double(total.nsecsElapsed()) / 1e9);
    }
};

// ---- the full path: a real node and real portal clients ----

constexpr int kFullSequential = 2000; // one waiting send at a time: latency
constexpr int kFullClients = 4;       // concurrent clients on one container: its message rate
constexpr int kFullPerClient = 1000;
constexpr int kFullContainers = 8; // one client per container: instances started per second
constexpr int kFullPerContainer = 500;

struct Target {
    QString key;
    QString service; // empty for a container
};

bool sendWait(portal::PortalClient &client, const Target &target) {
    QJsonObject request{{QStringLiteral("target"), target.key},
                        {QStringLiteral("body"), QStringLiteral("hello, container")},
                        {QStringLiteral("wait_reply"), true},
                        {QStringLiteral("timeout_ms"), 30000}};
    if (!target.service.isEmpty()) {
        request.insert(QStringLiteral("service"), target.service);
    }
    auto reply = client.request(QStringLiteral("send"), request, 40000);
    if (!reply) {
        std::fprintf(stderr, "send failed: %s\n", qPrintable(reply.error()));
        std::exit(1);
    }
    return true;
}

std::vector<qint64> sequentialLatencies(const QString &socket, const Target &target, int count) {
    portal::PortalClient client;
    if (!client.connectToNode(socket)) {
        std::exit(1);
    }
    std::vector<qint64> ns;
    ns.reserve(size_t(count));
    QElapsedTimer one;
    for (int i = 0; i < count; ++i) {
        one.start();
        sendWait(client, target);
        ns.push_back(one.nsecsElapsed());
    }
    return ns;
}

// Every client on its own thread sends `perClient` waiting sends to its target.
double concurrentRate(const QString &socket, const std::vector<Target> &targets, int perClient) {
    std::vector<std::unique_ptr<QThread>> threads;
    std::atomic<int> ready{0};
    std::atomic<bool> go{false};
    for (const Target &target : targets) {
        threads.emplace_back(QThread::create([&, target] {
            portal::PortalClient client;
            if (!client.connectToNode(socket)) {
                std::exit(1);
            }
            ++ready;
            while (!go) {
                QThread::yieldCurrentThread();
            }
            for (int i = 0; i < perClient; ++i) {
                sendWait(client, target);
            }
        }));
        threads.back()->start();
    }
    while (ready < int(targets.size())) {
        QThread::msleep(1);
    }
    QElapsedTimer timer;
    timer.start();
    go = true;
    for (auto &t : threads) {
        t->wait();
    }
    return double(targets.size()) * perClient / (double(timer.nsecsElapsed()) / 1e9);
}

QJsonObject fullPath(const QString &profileDir) {
    node::NodeConfig config;
    config.listenAddress = QHostAddress::LocalHost;
    config.listenPort = 0;
    auto n =
        std::make_unique<node::Node>(node::Profile(profileDir), identity::NodeIdentity::generate(),
                                     identity::NetworkKey::generate(), config);
    const QString nodeId = n->nodeId().toHex();
    node::NodeRunner thread(std::move(n));
    if (auto started = thread.start(); !started) {
        std::fprintf(stderr, "node: %s\n", qPrintable(started.error()));
        std::exit(1);
    }
    const QString socket = portal::PortalServer::socketPathFor(profileDir);
    portal::PortalClient admin;
    if (!admin.connectToNode(socket)) {
        std::exit(1);
    }
    const auto create = [&](const QString &name) {
        auto created = admin.request(
            QStringLiteral("container.create"),
            {{QStringLiteral("name"), name}, {QStringLiteral("source"), QString::fromUtf8(kEcho)}});
        if (!created) {
            std::fprintf(stderr, "create: %s\n", qPrintable(created.error()));
            std::exit(1);
        }
        return Target{created->value(QStringLiteral("key")).toString(), {}};
    };
    const Target echo = create(QStringLiteral("echo"));
    std::vector<Target> echoes;
    for (int i = 0; i < kFullContainers; ++i) {
        echoes.push_back(create(QStringLiteral("echo-%1").arg(i)));
    }
    const Target builtin{nodeId, QStringLiteral("echo")};

    sequentialLatencies(socket, echo, 300); // warm-up
    sequentialLatencies(socket, builtin, 300);
    const auto latencies = sequentialLatencies(socket, echo, kFullSequential);
    const auto baselineLatencies = sequentialLatencies(socket, builtin, kFullSequential);
    const double rate =
        concurrentRate(socket, std::vector<Target>(kFullClients, echo), kFullPerClient);
    const double baselineRate =
        concurrentRate(socket, std::vector<Target>(kFullClients, builtin), kFullPerClient);
    const double instances = concurrentRate(socket, echoes, kFullPerContainer);
    thread.stop();
    return {
        {QStringLiteral("instances_per_s"), qRound(instances)},
        {QStringLiteral("msgs_per_s"), qRound(rate)},
        {QStringLiteral("baseline_msgs_per_s"), qRound(baselineRate)},
        {QStringLiteral("ratio_vs_baseline"), qRound(rate / baselineRate * 1000) / 1000.0},
        {QStringLiteral("p50_us"), percentile(latencies, 0.50)},
        {QStringLiteral("p99_us"), percentile(latencies, 0.99)},
        {QStringLiteral("baseline_p50_us"), percentile(baselineLatencies, 0.50)},
        {QStringLiteral("baseline_p99_us"), percentile(baselineLatencies, 0.99)},
    };
}

} // namespace

int main(int argc, char **argv) {
    QCoreApplication app(argc, argv);
    QLoggingCategory::setFilterRules(QStringLiteral("orion.*.debug=false"));
    QTemporaryDir dir;
    ContainerManager::Options options;
    options.containersDirectory = dir.filePath(QStringLiteral("containers"));
    options.databasePath = dir.filePath(QStringLiteral("orion.sqlite"));
    options.keyWrap = ContainerKeyWrap::fromIdentity(identity::NodeIdentity::generate());
    ContainerManager manager(options);
    if (!manager.open()) {
        return 1;
    }
    const QString echo = createOrDie(manager, QStringLiteral("echo"), kEcho);
    std::vector<QString> echoes;
    for (int i = 0; i < kContainers; ++i) {
        echoes.push_back(createOrDie(manager, QStringLiteral("echo-%1").arg(i), kEcho));
    }
    const QString counter = createOrDie(manager, QStringLiteral("counter"), kCounterSource);

    sequentialRate(manager, echo, 500, nullptr); // warm-up: threads, caches
    Baseline baseline;
    baseline.run(500);

    std::vector<qint64> latencies;
    const double msgsPerS = sequentialRate(manager, echo, kSequential, &latencies);
    const double baselinePerS = baseline.run(kSequential);
    const double counterPerS = sequentialRate(manager, counter, kCounter, nullptr);

    // Many containers at once: instances run in parallel on the pool.
    QEventLoop loop;
    int done = 0;
    auto c = QObject::connect(&manager, &ContainerManager::outcome, [&](const ContainerOutcome &) {
        if (++done == kParallel) {
            loop.quit();
        }
    });
    QElapsedTimer timer;
    timer.start();
    for (int i = 0; i < kParallel; ++i) {
        manager.deliver(messageTo(echoes[size_t(i % kContainers)]));
    }
    loop.exec();
    const double instancesPerS = kParallel / (double(timer.nsecsElapsed()) / 1e9);
    QObject::disconnect(c);

    QJsonObject result{
        {QStringLiteral("benchmark"), QStringLiteral("containers")},
        {QStringLiteral("path"),
         QStringLiteral("portal client -> node -> echo.ns container -> reply -> portal client; "
                        "baseline: the node's built-in echo service")},
        {QStringLiteral("cores"), QThread::idealThreadCount()},
        {QStringLiteral("inprocess_path"),
         QStringLiteral("ContainerManager::deliver -> pool -> echo.ns -> replyRequested")},
        {QStringLiteral("inprocess_instances_per_s"), qRound(instancesPerS)},
        {QStringLiteral("inprocess_msgs_per_s"), qRound(msgsPerS)},
        {QStringLiteral("inprocess_baseline_msgs_per_s"), qRound(baselinePerS)},
        {QStringLiteral("inprocess_ratio_vs_baseline"),
         qRound(msgsPerS / baselinePerS * 1000) / 1000.0},
        {QStringLiteral("inprocess_counter_msgs_per_s"), qRound(counterPerS)},
        {QStringLiteral("inprocess_p50_us"), percentile(latencies, 0.50)},
        {QStringLiteral("inprocess_p99_us"), percentile(latencies, 0.99)},
    };
    const QJsonObject full = fullPath(dir.filePath(QStringLiteral("node")));
    for (auto it = full.begin(); it != full.end(); ++it) {
        result.insert(it.key(), it.value());
    }
    std::printf("%s\n", QJsonDocument(result).toJson(QJsonDocument::Compact).constData());
    return 0;
}
