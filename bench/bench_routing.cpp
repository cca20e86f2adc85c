// SPDX-License-Identifier: GPL-3.0-or-later
// Routing throughput and latency through a middle node, three processes on loopback:
// A -> B -> C, where C has no listener and is connected only to B, and A knows only B
// (identities are drawn until B is closer to C than A, so greedy routing must use B).
// Next to it, in the same run, a plain relay: the same 4-byte length-prefixed 256-byte
// frames, no encryption, through a middle process. Prints one JSON object.
//
// Trials alternate, baseline then Orion (A B A B ...), --pairs N of them (default 5), each
// with fresh processes; the ratio of each pair is taken and the median, min and max of
// those are reported, so a machine whose speed drifts during the run slows both sides of a
// pair alike. Every process of both sides is pinned the same way (--pin A,B,C, CPUs of the
// sender, the middle and the receiver; default 0,1,0 — the middle has a core to itself,
// sender and receiver share the other; --pin none leaves scheduling to the kernel).
//
// The program plays every role; the children are started as
//   bench_routing [--cpu N] --role node-b|node-c|relay|sink ...
#include "crypto/Random.h"
#include "identity/MemberRecord.h"
#include "identity/NetworkKey.h"
#include "identity/NodeIdentity.h"
#include "node/BootstrapList.h"
#include "node/NodeRunner.h"

#include <QCoreApplication>
#include <QDir>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QThread>
#include <QtEndian>

#include <algorithm>
#include <arpa/inet.h>
#include <atomic>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <optional>
#include <sched.h>
#include <sys/socket.h>
#include <thread>
#include <unistd.h>
#include <vector>

using namespace orion;
using identity::Key160;

namespace {

constexpr int kBodyBytes = 256;
constexpr int kLatencyMessages = 2000;
// Messages per throughput trial; the parent passes its --messages on to the receivers.
int g_throughputMessages = 20000;

// Pins every thread of this process (and, by inheritance, every thread and child it makes
// later) to one CPU. False when the CPU cannot be used.
bool pinProcess(int cpu) {
    cpu_set_t set;
    CPU_ZERO(&set);
    CPU_SET(cpu, &set);
    bool ok = true;
    const QStringList tasks =
        QDir(QStringLiteral("/proc/self/task")).entryList(QDir::Dirs | QDir::NoDotAndDotDot);
    for (const QString &task : tasks) {
        ok = ::sched_setaffinity(pid_t(task.toInt()), sizeof set, &set) == 0 && ok;
    }
    return ::sched_setaffinity(0, sizeof set, &set) == 0 && ok;
}

qint64 nowNs() {
    return std::chrono::duration_cast<std::chrono::nanoseconds>(
               std::chrono::steady_clock::now().time_since_epoch())
        .count();
}

QByteArray body(qint64 stamp, bool latencyPhase) {
    QByteArray b(kBodyBytes, 'x');
    qToBigEndian(stamp, b.data());
    b[8] = latencyPhase ? 'L' : 'T';
    return b;
}

void say(const QByteArray &line) {
    fprintf(stdout, "%s\n", line.constData());
    fflush(stdout);
}

// Latency samples (ns) -> "p50 p99" in microseconds.
QByteArray percentiles(std::vector<qint64> samples) {
    std::sort(samples.begin(), samples.end());
    if (samples.empty()) {
        return "0 0";
    }
    auto at = [&](double q) { return samples[size_t(q * double(samples.size() - 1))] / 1000.0; };
    return QByteArray::number(at(0.5), 'f', 1) + ' ' + QByteArray::number(at(0.99), 'f', 1);
}

// Collects arrivals: throughput count and latency samples; prints progress lines.
struct SinkCounter {
    int throughput = 0;
    std::vector<qint64> latencies;
    qint64 firstNs = 0;

    void arrived(const QByteArray &b) {
        if (b.size() < 9) {
            return;
        }
        const qint64 sent = qFromBigEndian<qint64>(b.constData());
        if (b[8] == 'L') {
            latencies.push_back(nowNs() - sent);
            if (int(latencies.size()) == kLatencyMessages) {
                say("latency " + percentiles(latencies));
            }
        } else if (++throughput == g_throughputMessages) {
            say("done");
        }
    }
};

node::NodeConfig benchConfig(bool listen) {
    node::NodeConfig c;
    c.listen = listen;
    c.listenAddress = QHostAddress::LocalHost;
    c.listenPort = 0;
    c.overlay.routing.addressLimits = false;
    c.bootstrapIntervalMs = 500;
    return c;
}

std::unique_ptr<node::NodeRunner> makeNode(const QString &dir, const QByteArray &seed,
                                           const QByteArray &networkKey, bool listen,
                                           const QByteArray &seedRecordHex) {
    node::Profile profile(dir);
    (void)profile.create();
    auto key = identity::NetworkKey::fromBytes(networkKey);
    if (!seedRecordHex.isEmpty()) {
        auto record = identity::MemberRecord::fromCborMap(
            QCborValue::fromCbor(QByteArray::fromHex(seedRecordHex)).toMap());
        (void)node::BootstrapList::add(profile, *record, key->networkId());
    }
    auto keyPair = crypto::Ed25519::fromSeed(seed);
    auto identity = identity::NodeIdentity::fromKeyPair(std::move(*keyPair));
    auto n = std::make_unique<node::Node>(profile, std::move(identity), std::move(*key),
                                          benchConfig(listen));
    return std::make_unique<node::NodeRunner>(std::move(n));
}

int runNodeB(const QStringList &args) {
    QTemporaryDir dir;
    auto thread = makeNode(dir.path(), QByteArray::fromHex(args[2].toLatin1()),
                           QByteArray::fromHex(args[3].toLatin1()), true, {});
    if (!thread->start()) {
        return 1;
    }
    QByteArray record;
    thread->call(
        [&] { record = thread->node()->memberRecord().toCborMap().toCborValue().toCbor(); });
    say("ready " + record.toHex());
    return QCoreApplication::exec();
}

int runNodeC(const QStringList &args) {
    QTemporaryDir dir;
    auto thread = makeNode(dir.path(), QByteArray::fromHex(args[2].toLatin1()),
                           QByteArray::fromHex(args[3].toLatin1()), false, args[4].toLatin1());
    if (!thread->start()) {
        return 1;
    }
    auto counter = std::make_shared<SinkCounter>();
    auto *n = thread->node();
    thread->call([&] {
        n->registerService(QStringLiteral("sink"), [counter](const routing::RoutedMessage &m) {
            counter->arrived(m.body.toByteArray());
            return routing::Delivery::Accepted;
        });
    });
    for (;;) {
        node::NodeStatus s;
        thread->call([&] { s = n->status(); });
        if (s.activePeers > 0 && s.bootstrapped) {
            break;
        }
        QThread::msleep(20);
    }
    say("ready");
    return QCoreApplication::exec();
}

// --- Plain relay --------------------------------------------------------------------

bool readAll(int fd, char *p, size_t n) {
    while (n > 0) {
        const ssize_t r = ::read(fd, p, n);
        if (r <= 0) {
            return false;
        }
        p += r;
        n -= size_t(r);
    }
    return true;
}

bool writeAll(int fd, const char *p, size_t n) {
    while (n > 0) {
        const ssize_t w = ::write(fd, p, n);
        if (w <= 0) {
            return false;
        }
        p += w;
        n -= size_t(w);
    }
    return true;
}

int listenLoopback(quint16 *port) {
    const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in a{};
    a.sin_family = AF_INET;
    a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    ::bind(fd, reinterpret_cast<sockaddr *>(&a), sizeof a);
    ::listen(fd, 4);
    socklen_t len = sizeof a;
    ::getsockname(fd, reinterpret_cast<sockaddr *>(&a), &len);
    *port = ntohs(a.sin_port);
    return fd;
}

int dialLoopback(quint16 port) {
    const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in a{};
    a.sin_family = AF_INET;
    a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    a.sin_port = htons(port);
    if (::connect(fd, reinterpret_cast<sockaddr *>(&a), sizeof a) != 0) {
        return -1;
    }
    const int one = 1;
    ::setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
    return fd;
}

int acceptOne(int listener) {
    const int fd = ::accept(listener, nullptr, nullptr);
    const int one = 1;
    ::setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
    return fd;
}

// Forwards length-prefixed frames from `in` to `out`, frame by frame.
void pump(int in, int out) {
    std::vector<char> buffer(1 << 20);
    for (;;) {
        char header[4];
        if (!readAll(in, header, 4)) {
            return;
        }
        const quint32 length = qFromBigEndian<quint32>(header);
        if (length > buffer.size() || !readAll(in, buffer.data(), length) ||
            !writeAll(out, header, 4) || !writeAll(out, buffer.data(), length)) {
            return;
        }
    }
}

int runRelay(const QStringList &args) {
    const quint16 sinkPort = quint16(args[2].toUInt());
    quint16 port = 0;
    const int listener = listenLoopback(&port);
    say("ready " + QByteArray::number(port));
    const int client = acceptOne(listener);
    const int sink = dialLoopback(sinkPort);
    std::thread back([&] { pump(sink, client); });
    pump(client, sink);
    back.join();
    return 0;
}

int runSink() {
    quint16 port = 0;
    const int listener = listenLoopback(&port);
    say("ready " + QByteArray::number(port));
    const int fd = acceptOne(listener);
    SinkCounter counter;
    QByteArray frame(kBodyBytes, 0);
    for (;;) {
        char header[4];
        if (!readAll(fd, header, 4)) {
            return 0;
        }
        const quint32 length = qFromBigEndian<quint32>(header);
        frame.resize(qsizetype(length));
        if (!readAll(fd, frame.data(), length)) {
            return 0;
        }
        counter.arrived(frame);
        if (frame[8] == 'L') {
            // The latency phase is closed-loop: one frame in flight, acknowledged.
            const char ack[5] = {0, 0, 0, 1, 'a'};
            writeAll(fd, ack, 5);
        }
    }
}

// --- The measuring process -----------------------------------------------------------

// How the three processes of a trial are placed: CPUs of A (this process), B and C; -1 for
// none. The same for the baseline and for Orion.
struct Pinning {
    int a = 0, b = 1, c = 0;
    bool enabled = true;
};
Pinning g_pinning;

struct Child {
    std::unique_ptr<QProcess> process = std::make_unique<QProcess>();

    // cpu: where the child pins itself before it makes any thread (-1: nowhere).
    void start(int cpu, QStringList args) {
        args.prepend(QStringLiteral("--messages"));
        args.insert(1, QString::number(g_throughputMessages));
        if (cpu >= 0) {
            args.prepend(QString::number(cpu));
            args.prepend(QStringLiteral("--cpu"));
        }
        process->setProcessChannelMode(QProcess::ForwardedErrorChannel);
        process->start(QCoreApplication::applicationFilePath(), args);
        process->waitForStarted();
    }
    // The next stdout line starting with `prefix` (the rest of it). A child that does not
    // say it in time ends the benchmark: a trial that lost messages measures nothing.
    QByteArray waitFor(const QByteArray &prefix, int timeoutMs = 60000) {
        QDeadlineTimer deadline(timeoutMs);
        while (!deadline.hasExpired()) {
            while (process->canReadLine()) {
                const QByteArray line = process->readLine().trimmed();
                if (line.startsWith(prefix)) {
                    return line.mid(prefix.size()).trimmed();
                }
            }
            process->waitForReadyRead(100);
        }
        fprintf(stderr, "child did not say '%s' within %d ms\n", prefix.constData(), timeoutMs);
        std::exit(1);
    }
    ~Child() {
        process->kill();
        process->waitForFinished(3000);
    }
};

struct Measured {
    double msgsPerSec = 0;
    double p50 = 0;
    double p99 = 0;
};

Measured measureRelay() {
    Child sink, relay;
    sink.start(g_pinning.c, {QStringLiteral("--role"), QStringLiteral("sink")});
    const QByteArray sinkPort = sink.waitFor("ready");
    relay.start(g_pinning.b,
                {QStringLiteral("--role"), QStringLiteral("relay"), QString::fromLatin1(sinkPort)});
    const int fd = dialLoopback(quint16(relay.waitFor("ready").toUInt()));
    Measured r;
    // Throughput: everything at once, as fast as the relay takes it.
    const qint64 start = nowNs();
    QByteArray batch;
    for (int i = 0; i < g_throughputMessages; ++i) {
        char header[4];
        qToBigEndian(quint32(kBodyBytes), header);
        batch.append(header, 4);
        batch.append(body(nowNs(), false));
        if (batch.size() > 64 * 1024 || i + 1 == g_throughputMessages) {
            writeAll(fd, batch.constData(), size_t(batch.size()));
            batch.clear();
        }
    }
    sink.waitFor("done");
    r.msgsPerSec = g_throughputMessages / (double(nowNs() - start) / 1e9);
    // Latency: one frame in flight.
    for (int i = 0; i < kLatencyMessages; ++i) {
        char header[4];
        qToBigEndian(quint32(kBodyBytes), header);
        QByteArray frame(header, 4);
        frame.append(body(nowNs(), true));
        writeAll(fd, frame.constData(), size_t(frame.size()));
        char ack[5];
        readAll(fd, ack, 5);
    }
    const QList<QByteArray> p = sink.waitFor("latency").split(' ');
    r.p50 = p.value(0).toDouble();
    r.p99 = p.value(1).toDouble();
    ::close(fd);
    return r;
}

Measured measureOverlay() {
    // Draw identities until B is strictly closer to C than A is: then A must hand its
    // messages to B (its only contact), and only B has a connection to C.
    QByteArray seedA, seedB, seedC;
    for (;;) {
        seedA = crypto::Random::bytes(32);
        seedB = crypto::Random::bytes(32);
        seedC = crypto::Random::bytes(32);
        auto id = [](const QByteArray &seed) {
            return routing::NodeInfo::idForPublicKey(crypto::Ed25519::fromSeed(seed)->publicKey());
        };
        if (id(seedC).isCloser(id(seedB), id(seedA))) {
            break;
        }
    }
    const Key160 idC =
        routing::NodeInfo::idForPublicKey(crypto::Ed25519::fromSeed(seedC)->publicKey());
    const QByteArray networkKey = crypto::Random::bytes(32);

    Child b, c;
    b.start(g_pinning.b,
            {QStringLiteral("--role"), QStringLiteral("node-b"), QString::fromLatin1(seedB.toHex()),
             QString::fromLatin1(networkKey.toHex())});
    const QByteArray recordB = b.waitFor("ready");
    c.start(g_pinning.c,
            {QStringLiteral("--role"), QStringLiteral("node-c"), QString::fromLatin1(seedC.toHex()),
             QString::fromLatin1(networkKey.toHex()), QString::fromLatin1(recordB)});
    c.waitFor("ready");

    QTemporaryDir dir;
    auto a = makeNode(dir.path(), seedA, networkKey, false, recordB);
    if (auto started = a->start(); !started) {
        fprintf(stderr, "node A did not start: %s\n", qPrintable(started.error()));
        std::exit(1);
    }
    auto *n = a->node();
    for (;;) {
        node::NodeStatus s;
        a->call([&] { s = n->status(); });
        if (s.bootstrapped && s.activePeers > 0) {
            break;
        }
        QThread::msleep(20);
    }
    node::SendOptions fireAndForget;
    fireAndForget.target = node::SendOptions::Target::Node;
    fireAndForget.timeoutMs = 0;
    // One warm-up message with a receipt: the path is open before measuring.
    std::atomic<int> receipts{0};
    std::atomic<int> errors{0};
    QObject::connect(
        n, &node::Node::messageDelivered, n, [&](const QByteArray &, int) { ++receipts; },
        Qt::DirectConnection);
    QObject::connect(
        n, &node::Node::messageError, n,
        [&](const QByteArray &, int code, const QString &text) {
            ++errors;
            fprintf(stderr, "route error %d: %s\n", code, qPrintable(text));
        },
        Qt::DirectConnection);
    node::SendOptions tracked;
    tracked.target = node::SendOptions::Target::Node;
    auto sendTracked = [&](bool latency) {
        const int before = receipts.load();
        a->call(
            [&] { n->sendMessage(idC, QStringLiteral("sink"), body(nowNs(), latency), tracked); });
        while (receipts.load() == before && errors.load() == 0) {
            std::this_thread::yield();
        }
    };
    // The warm-up goes out as a throughput message: it counts towards "done" below.
    sendTracked(false);

    Measured r;
    const qint64 start = nowNs();
    constexpr int kBatch = 500;
    for (int sent = 1; sent < g_throughputMessages; sent += kBatch) {
        const int count = std::min(kBatch, g_throughputMessages - sent);
        a->call([&] {
            for (int i = 0; i < count; ++i) {
                n->sendMessage(idC, QStringLiteral("sink"), body(nowNs(), false), fireAndForget);
            }
        });
    }
    c.waitFor("done");
    r.msgsPerSec = g_throughputMessages / (double(nowNs() - start) / 1e9);
    for (int i = 0; i < kLatencyMessages; ++i) {
        sendTracked(true);
    }
    const QList<QByteArray> p = c.waitFor("latency").split(' ');
    r.p50 = p.value(0).toDouble();
    r.p99 = p.value(1).toDouble();
    a->stop();
    return r;
}

double median(std::vector<double> v) {
    std::sort(v.begin(), v.end());
    if (v.empty()) {
        return 0;
    }
    const size_t n = v.size();
    return n % 2 == 1 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
}

double round1(double v) {
    return std::round(v * 10) / 10;
}

// "--pin 0,1,0" or "--pin none"; false when malformed.
bool parsePinning(const QString &text) {
    if (text == QLatin1String("none")) {
        g_pinning = Pinning{-1, -1, -1, false};
        return true;
    }
    const QStringList cpus = text.split(QLatin1Char(','));
    if (cpus.size() != 3) {
        return false;
    }
    bool ok[3] = {};
    g_pinning = Pinning{cpus[0].toInt(&ok[0]), cpus[1].toInt(&ok[1]), cpus[2].toInt(&ok[2]), true};
    return ok[0] && ok[1] && ok[2] && g_pinning.a >= 0 && g_pinning.b >= 0 && g_pinning.c >= 0;
}

int runRole(const QStringList &args) {
    const QString role = args[2];
    QStringList rest = args.mid(2);
    rest.prepend(args[0]);
    if (role == QLatin1String("node-b")) {
        return runNodeB(rest);
    }
    if (role == QLatin1String("node-c")) {
        return runNodeC(rest);
    }
    if (role == QLatin1String("relay")) {
        return runRelay(rest);
    }
    if (role == QLatin1String("sink")) {
        return runSink();
    }
    return 2;
}

} // namespace

int main(int argc, char **argv) {
    QCoreApplication app(argc, argv);
    QStringList args = app.arguments();
    int pairs = 5;
    // Options first; what follows "--role" is the child's.
    while (args.size() >= 3 && args[1] != QLatin1String("--role")) {
        bool ok = true;
        if (args[1] == QLatin1String("--cpu")) {
            if (!pinProcess(args[2].toInt(&ok)) || !ok) {
                fprintf(stderr, "cannot pin to CPU %s\n", qPrintable(args[2]));
                return 1;
            }
        } else if (args[1] == QLatin1String("--messages")) {
            g_throughputMessages = args[2].toInt(&ok);
            ok = ok && g_throughputMessages > 0;
        } else if (args[1] == QLatin1String("--pairs")) {
            pairs = args[2].toInt(&ok);
            ok = ok && pairs > 0;
        } else if (args[1] == QLatin1String("--pin")) {
            ok = parsePinning(args[2]);
        } else {
            ok = false;
        }
        if (!ok) {
            fprintf(stderr, "usage: bench_routing [--pairs N] [--messages N] [--pin A,B,C|none]\n");
            return 2;
        }
        args.remove(1, 2);
    }
    if (args.size() >= 3) {
        return runRole(args);
    }
    if (args.size() != 1) {
        fprintf(stderr, "usage: bench_routing [--pairs N] [--messages N] [--pin A,B,C|none]\n");
        return 2;
    }
    // This process is A on both sides: pinned before node A's thread exists.
    if (g_pinning.enabled && !pinProcess(g_pinning.a)) {
        fprintf(stderr, "cannot pin to CPU %d\n", g_pinning.a);
        return 1;
    }

    std::vector<Measured> baselines, overlays;
    std::vector<double> ratios;
    QJsonArray trials;
    for (int pair = 0; pair < pairs; ++pair) {
        baselines.push_back(measureRelay());
        overlays.push_back(measureOverlay());
        const Measured &base = baselines.back(), &ours = overlays.back();
        ratios.push_back(base.msgsPerSec > 0 ? ours.msgsPerSec / base.msgsPerSec : 0.0);
        QJsonObject trial;
        trial.insert(QStringLiteral("baseline_msgs_per_s"), qRound64(base.msgsPerSec));
        trial.insert(QStringLiteral("msgs_per_s"), qRound64(ours.msgsPerSec));
        trial.insert(QStringLiteral("ratio"), std::round(ratios.back() * 1000) / 1000);
        trials.append(trial);
        fprintf(stderr, "pair %d/%d: baseline %.0f, orion %.0f msgs/s, ratio %.3f\n", pair + 1,
                pairs, base.msgsPerSec, ours.msgsPerSec, ratios.back());
    }
    auto medianOf = [](const std::vector<Measured> &v, double Measured::*field) {
        std::vector<double> values;
        for (const Measured &m : v) {
            values.push_back(m.*field);
        }
        return median(values);
    };
    QJsonObject out;
    out.insert(QStringLiteral("benchmark"), QStringLiteral("routing"));
    out.insert(QStringLiteral("path"), QStringLiteral("A -> B -> C, three processes, loopback"));
    out.insert(QStringLiteral("body_bytes"), kBodyBytes);
    out.insert(QStringLiteral("messages"), g_throughputMessages);
    out.insert(QStringLiteral("pairs"), pairs);
    out.insert(QStringLiteral("order"), QStringLiteral("baseline, orion, baseline, orion, ..."));
    out.insert(QStringLiteral("pinning"),
               g_pinning.enabled ? QStringLiteral("A cpu %1, B cpu %2, C cpu %3 (every thread)")
                                       .arg(g_pinning.a)
                                       .arg(g_pinning.b)
                                       .arg(g_pinning.c)
                                 : QStringLiteral("none"));
    out.insert(QStringLiteral("msgs_per_s"), qRound64(medianOf(overlays, &Measured::msgsPerSec)));
    out.insert(QStringLiteral("p50_us"), round1(medianOf(overlays, &Measured::p50)));
    out.insert(QStringLiteral("p99_us"), round1(medianOf(overlays, &Measured::p99)));
    out.insert(QStringLiteral("baseline_msgs_per_s"),
               qRound64(medianOf(baselines, &Measured::msgsPerSec)));
    out.insert(QStringLiteral("baseline_p50_us"), round1(medianOf(baselines, &Measured::p50)));
    out.insert(QStringLiteral("baseline_p99_us"), round1(medianOf(baselines, &Measured::p99)));
    out.insert(QStringLiteral("throughput_ratio"), std::round(median(ratios) * 1000) / 1000);
    out.insert(QStringLiteral("throughput_ratio_min"),
               std::round(*std::min_element(ratios.begin(), ratios.end()) * 1000) / 1000);
    out.insert(QStringLiteral("throughput_ratio_max"),
               std::round(*std::max_element(ratios.begin(), ratios.end()) * 1000) / 1000);
    out.insert(QStringLiteral("trials"), trials);
    fprintf(stdout, "%s\n", QJsonDocument(out).toJson(QJsonDocument::Compact).constData());
    return 0;
}
