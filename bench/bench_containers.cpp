// SPDX-License-Identifier: GPL-3.0-or-later
// Messages through ContainerManager (deliver -> script pool -> echo.ns -> reply signal) against
// a baseline in the same run: the same round trip through a thread pool without a script.
// Prints one JSON object. In-process: the portal -> node -> container path is not included.
#include "container/ContainerManager.h"
#include "crypto/Random.h"

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

} // namespace

int main(int argc, char **argv) {
    QCoreApplication app(argc, argv);
    QLoggingCategory::setFilterRules(QStringLiteral("orion.*.debug=false"));
    QTemporaryDir dir;
    ContainerManager::Options options;
    options.containersDirectory = dir.filePath(QStringLiteral("containers"));
    options.databasePath = dir.filePath(QStringLiteral("orion.sqlite"));
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

    const QJsonObject result{
        {QStringLiteral("benchmark"), QStringLiteral("containers")},
        {QStringLiteral("path"), QStringLiteral("in-process: ContainerManager::deliver -> pool -> "
                                                "echo.ns -> replyRequested")},
        {QStringLiteral("cores"), QThread::idealThreadCount()},
        {QStringLiteral("instances_per_s"), qRound(instancesPerS)},
        {QStringLiteral("msgs_per_s"), qRound(msgsPerS)},
        {QStringLiteral("baseline_msgs_per_s"), qRound(baselinePerS)},
        {QStringLiteral("ratio_vs_baseline"), qRound(msgsPerS / baselinePerS * 1000) / 1000.0},
        {QStringLiteral("counter_msgs_per_s"), qRound(counterPerS)},
        {QStringLiteral("p50_us"), percentile(latencies, 0.50)},
        {QStringLiteral("p99_us"), percentile(latencies, 0.99)},
    };
    std::printf("%s\n", QJsonDocument(result).toJson(QJsonDocument::Compact).constData());
    return 0;
}
