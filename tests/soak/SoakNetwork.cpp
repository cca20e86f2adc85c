// SPDX-License-Identifier: GPL-3.0-or-later
#include "SoakNetwork.h"

#include "portal/PortalClient.h"
#include "portal/PortalServer.h"

#include <QCoreApplication>
#include <QDeadlineTimer>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRandomGenerator>
#include <QSettings>
#include <QThread>

#include <algorithm>
#include <cmath>
#include <cstdio>

namespace orion::soak {

using test::NodeProcess;

namespace {

constexpr qint64 kSampleIntervalMs = 10000;
constexpr double kGrowthRatio = 1.5;
constexpr qint64 kGrowthBytes = qint64{20} * 1024 * 1024;

// Counts each distinct message (its body) it receives; a count of 2 is a duplicate.
constexpr const char *kCounterScript =
    R"(; soak counter: counts every message it receives, by its body.
(defun main ()
  (store-put MESSAGE (+ 1 (or (store-get MESSAGE) 0))))
)";
constexpr const char *kContainerName = "soak-counter";

// The counters of `status` the report sums over every node.
const QStringList kDefenceCounters{
    QStringLiteral("inbound_refused/accept_rate"),
    QStringLiteral("inbound_refused/handshake_address"),
    QStringLiteral("inbound_refused/handshake_network"),
    QStringLiteral("inbound_refused/half_open_dropped"),
    QStringLiteral("inbound_refused/inbound_limit"),
    QStringLiteral("inbound_refused/address_limit"),
    QStringLiteral("protocol_errors"),
    QStringLiteral("provider_records_refused"),
    QStringLiteral("contacts_refused_network"),
    QStringLiteral("address_checks_failed"),
    QStringLiteral("dials/made"),
    QStringLiteral("dials/refused_scope"),
    QStringLiteral("dials/refused_rate"),
    QStringLiteral("dials/refused_invalid"),
    QStringLiteral("routing/busy"),
    QStringLiteral("routing/no_route"),
    QStringLiteral("routing/hop_limit"),
    QStringLiteral("routing/duplicates"),
    QStringLiteral("routing/errors_sent"),
};

std::optional<QJsonObject> portalStatus(const QString &socketPath) {
    portal::PortalClient client;
    if (!client.connectToNode(socketPath, 1000).ok()) {
        return std::nullopt;
    }
    auto status = client.request(QStringLiteral("status"), {}, 3000);
    return status ? std::optional<QJsonObject>(*status) : std::nullopt;
}

} // namespace

SoakNetwork::SoakNetwork(Options options)
    : m_options(options)
    , m_dir(QDir::tempPath() + QStringLiteral("/orion-soak-XXXXXX"))
    , m_sampler(options.nodes)
    , m_restarts(size_t(options.nodes), 0) {
    m_since.start();
}

SoakNetwork::~SoakNetwork() {
    if (m_hostile) {
        m_hostile->stop();
    }
    m_traffic.reset();
    for (auto &n : m_nodes) {
        if (n && n->isRunning()) {
            n->kill();
        }
        if (n) {
            // A killed node leaves its portal socket behind (outside the directory).
            QFile::remove(portal::PortalServer::socketPathFor(n->profile()));
        }
    }
    m_nodes.clear();
    m_dir.remove();
}

void SoakNetwork::log(const QString &line) const {
    std::fprintf(stderr, "soak [%6.1f s] %s\n", double(m_since.elapsed()) / 1000.0,
                 qPrintable(line));
    std::fflush(stderr);
}

QString SoakNetwork::role(int i) const {
    switch (i) {
    case kSeed:
        return QStringLiteral("seed");
    case kGate:
        return QStringLiteral("gate");
    case kGuarded:
        return QStringLiteral("guarded");
    case kWildcard:
        return QStringLiteral("wildcard");
    case kTarget:
        return QStringLiteral("target");
    default:
        break;
    }
    if (i >= kFirstContainerHost && i < kFirstChurned) {
        return QStringLiteral("container");
    }
    for (const ChurnEvent &e : m_churn) {
        if (e.node == i) {
            return QStringLiteral("churn");
        }
    }
    return QStringLiteral("plain");
}

// --- Setting up ---------------------------------------------------------------------------

Status SoakNetwork::initNode(int i) {
    auto n = std::make_unique<NodeProcess>(
        m_dir.filePath(QStringLiteral("node-%1").arg(i, 2, 10, QChar(u'0'))));
    if (auto ok = n->init(i == 0 ? QString() : m_nodes[0]->networkKeyFile()); !ok) {
        return ok;
    }
    QSettings settings(n->profile() + QStringLiteral("/settings.ini"), QSettings::IniFormat);
    // Every honest node connects from 127.0.0.1: its per-address limits must hold them all.
    // The hostile peers come from other loopback addresses and meet the defaults there.
    settings.setValue(QStringLiteral("transport/maxPerAddress"), 256);
    settings.setValue(QStringLiteral("transport/maxHandshakingPerAddress"), 48);
    settings.setValue(QStringLiteral("transport/maxHandshakingPerSubnet"), 64);
    settings.setValue(QStringLiteral("transport/acceptsPerSecondPerAddress"), 100);
    if (i == kGuarded) {
        settings.setValue(QStringLiteral("overlay/addressLimits"), true);
    }
    if (i == kTarget) {
        settings.setValue(QStringLiteral("routing/routedPerSecondPerPeer"), 200);
        settings.setValue(QStringLiteral("routing/routedBurstPerPeer"), 400);
    }
    settings.sync();
    m_nodes.push_back(std::move(n));
    return Status::success();
}

Status SoakNetwork::startNode(int i) {
    NodeProcess &n = *m_nodes[size_t(i)];
    const SoakNode known = i < m_roster.size() ? m_roster.node(i) : SoakNode{};
    const QString host = i == kWildcard ? QStringLiteral("0.0.0.0") : QStringLiteral("127.0.0.1");
    Status started = Status::failure(QStringLiteral("not started"));
    for (int attempt = 0; attempt < 5 && !started.ok(); ++attempt) {
        // The same port as before: the contacts other nodes keep for it stay right.
        started = n.start(QStringLiteral("%1:%2").arg(host).arg(known.port));
        if (!started.ok()) {
            QThread::msleep(500);
        }
    }
    if (!started.ok()) {
        return started;
    }
    SoakNode entry = known;
    entry.index = i;
    entry.role = role(i);
    entry.nodeId = n.nodeId();
    entry.profile = n.profile();
    entry.socketPath = n.socketPath();
    entry.port = n.listenPort();
    if (const auto status = portalStatus(n.socketPath())) {
        entry.publicKey = status->value(QStringLiteral("public_key")).toString();
    }
    entry.up = true;
    if (i < m_roster.size()) {
        m_roster.update(entry);
    } else {
        m_roster.add(entry);
    }
    return Status::success();
}

Status SoakNetwork::deployContainers() {
    const QString script = m_dir.filePath(QStringLiteral("soak-counter.ns"));
    QFile file(script);
    if (!file.open(QIODevice::WriteOnly) || file.write(kCounterScript) < 0) {
        return Status::failure(QStringLiteral("cannot write the container script"));
    }
    file.close();
    for (int i = kFirstContainerHost; i < kFirstChurned; ++i) {
        auto key = m_nodes[size_t(i)]->ctl({QStringLiteral("container"), QStringLiteral("create"),
                                            QString::fromLatin1(kContainerName), script});
        if (!key) {
            return Status::failure(
                QStringLiteral("container create on node %1: %2").arg(i).arg(key.error()));
        }
        m_roster.addContainer({i, key->trimmed()});
    }
    return Status::success();
}

bool SoakNetwork::waitForTables(int timeoutMs) {
    const QDeadlineTimer deadline(timeoutMs);
    const int wanted = std::min(10, m_options.nodes - 1);
    while (!deadline.hasExpired()) {
        bool all = true;
        for (const SoakNode &n : m_roster.nodes()) {
            const auto status = portalStatus(n.socketPath);
            // The guarded node's table keeps few contacts of one network, by design.
            const int need = n.index == kGuarded ? 1 : wanted;
            all = all && status && status->value(QStringLiteral("contacts")).toInt() >= need;
        }
        if (all) {
            return true;
        }
        QCoreApplication::processEvents();
        QThread::msleep(500);
    }
    return false;
}

Status SoakNetwork::setUp() {
    if (!m_dir.isValid()) {
        return Status::failure(QStringLiteral("no temporary directory"));
    }
    if (m_options.nodes < kFirstChurned + 2) {
        return Status::failure(
            QStringLiteral("the soak needs at least %1 nodes").arg(kFirstChurned + 2));
    }
    // Churn: a share of the nodes, at even intervals from a tenth to four fifths of the run,
    // alternately killed (kill -9) and stopped cleanly, each restarted after a short pause
    // on its profile and port.
    std::vector<int> pool;
    for (int i = kFirstChurned; i < m_options.nodes; ++i) {
        pool.push_back(i);
    }
    std::shuffle(pool.begin(), pool.end(), *QRandomGenerator::global());
    const int events =
        std::min(int(pool.size()), int(std::lround(m_options.churnShare * m_options.nodes)));
    for (int k = 0; k < events; ++k) {
        ChurnEvent e;
        e.atMs = qint64(double(m_options.durationMs) *
                        (0.1 + 0.7 * (events > 1 ? double(k) / (events - 1) : 0.0)));
        e.node = pool[size_t(k)];
        e.kill = k % 2 == 0;
        m_churn.push_back(e);
    }

    log(QStringLiteral("creating %1 profiles in %2").arg(m_options.nodes).arg(m_dir.path()));
    for (int i = 0; i < m_options.nodes; ++i) {
        if (auto ok = initNode(i); !ok) {
            return Status::failure(QStringLiteral("init of node %1: %2").arg(i).arg(ok.error()));
        }
    }
    QFile keyFile(m_nodes[0]->networkKeyFile());
    if (!keyFile.open(QIODevice::ReadOnly)) {
        return Status::failure(QStringLiteral("no network key file"));
    }
    auto key = identity::NetworkKey::fromBytes(QByteArray::fromHex(keyFile.readAll().trimmed()));
    if (!key) {
        return Status::failure(QStringLiteral("network key: ") + key.error());
    }
    m_networkKey = std::move(*key);

    log(QStringLiteral("starting %1 nodes").arg(m_options.nodes));
    for (int i = 0; i < m_options.nodes; ++i) {
        if (i > 0) {
            // Bootstrap from the seed and from one earlier node (not the wildcard one: its
            // member file names no address).
            QStringList seeds{m_nodes[0]->memberFile()};
            if (i > 2) {
                int j = 0;
                do {
                    j = 1 + QRandomGenerator::global()->bounded(i - 1);
                } while (j == kWildcard);
                seeds << m_nodes[size_t(j)]->memberFile();
            }
            for (const QString &seed : seeds) {
                if (auto ok = m_nodes[size_t(i)]->node({QStringLiteral("add-peer"), seed}); !ok) {
                    return Status::failure(
                        QStringLiteral("add-peer on node %1: %2").arg(i).arg(ok.error()));
                }
            }
        }
        if (auto ok = startNode(i); !ok) {
            return Status::failure(QStringLiteral("start of node %1: %2").arg(i).arg(ok.error()));
        }
        QCoreApplication::processEvents();
    }
    log(QStringLiteral("waiting for the routing tables"));
    if (!waitForTables(120000)) {
        log(QStringLiteral("some tables are still small; going on"));
    }
    if (auto ok = deployContainers(); !ok) {
        return ok;
    }
    m_traffic = std::make_unique<Traffic>(m_roster, m_ledger);
    m_traffic->startReceivers();
    if (!m_traffic->waitRegistered(30000)) {
        return Status::failure(QStringLiteral("the receivers did not all register"));
    }
    return Status::success();
}

// --- Running ------------------------------------------------------------------------------

void SoakNetwork::churn(qint64 nowMs) {
    const qint64 down = std::min<qint64>(15000, m_options.durationMs / 15);
    for (ChurnEvent &e : m_churn) {
        NodeProcess &n = *m_nodes[size_t(e.node)];
        if (!e.done && nowMs >= e.atMs) {
            e.done = true;
            m_roster.setUp(e.node, false);
            if (e.kill) {
                log(QStringLiteral("kill -9 node %1").arg(e.node));
                n.kill();
            } else {
                log(QStringLiteral("stopping node %1").arg(e.node));
                e.cleanStop = n.stop();
                if (!e.cleanStop) {
                    ++m_uncleanStops;
                    log(QStringLiteral("node %1 did not stop cleanly: %2")
                            .arg(e.node)
                            .arg(n.log().right(1000)));
                    n.kill();
                }
            }
            e.restartAtMs = nowMs + down;
        }
        if (e.done && !e.restarted && e.restartAtMs >= 0 && nowMs >= e.restartAtMs) {
            e.restarted = true;
            if (auto ok = startNode(e.node); ok) {
                ++m_restarts[size_t(e.node)];
                log(QStringLiteral("node %1 restarted on port %2")
                        .arg(e.node)
                        .arg(m_roster.node(e.node).port));
            } else {
                m_crashes
                    << QStringLiteral("node %1 did not restart: %2").arg(e.node).arg(ok.error());
                log(m_crashes.back());
            }
        }
    }
}

void SoakNetwork::checkCrashes() {
    for (const SoakNode &n : m_roster.nodes()) {
        NodeProcess &p = *m_nodes[size_t(n.index)];
        if (n.up && !p.isRunning()) {
            m_roster.setUp(n.index, false);
            m_crashes << QStringLiteral("node %1 (%2) exited by itself: %3")
                             .arg(n.index)
                             .arg(n.role, p.log().right(2000));
            log(m_crashes.back());
            if (startNode(n.index).ok()) {
                ++m_restarts[size_t(n.index)];
            }
        }
    }
}

void SoakNetwork::sample(qint64 nowMs, bool withStatus) {
    for (const SoakNode &n : m_roster.nodes()) {
        NodeProcess &p = *m_nodes[size_t(n.index)];
        if (!n.up || !p.isRunning()) {
            continue;
        }
        m_sampler.sample(n.index, p.pid(), nowMs);
        if (withStatus) {
            if (const auto status = portalStatus(n.socketPath)) {
                m_sampler.status(n.index, p.pid(), *status);
            }
        }
    }
}

// --- Finishing ----------------------------------------------------------------------------

void SoakNetwork::collectContainerArrivals() {
    for (const SoakContainer &c : m_roster.containers()) {
        portal::PortalClient client;
        if (!client.connectToNode(m_roster.node(c.host).socketPath, 2000).ok()) {
            log(QStringLiteral("cannot read the container of node %1").arg(c.host));
            continue;
        }
        auto data =
            client.request(QStringLiteral("container.data"),
                           {{QStringLiteral("name"), QString::fromLatin1(kContainerName)}}, 20000);
        if (!data) {
            log(QStringLiteral("container.data on node %1: %2").arg(c.host).arg(data.error()));
            continue;
        }
        const QJsonObject stored = data->value(QStringLiteral("data")).toObject();
        for (auto it = stored.begin(); it != stored.end(); ++it) {
            m_ledger.arrived(it.key(), c.host, it.value().toInt());
        }
    }
}

void SoakNetwork::finalStatus() {
    // The last word of every node, as its operator would ask for it.
    for (const SoakNode &n : m_roster.nodes()) {
        NodeProcess &p = *m_nodes[size_t(n.index)];
        if (!n.up || !p.isRunning()) {
            continue;
        }
        m_sampler.sample(n.index, p.pid(), m_nowMs);
        auto out = p.ctl({QStringLiteral("status"), QStringLiteral("--json")}, 20000);
        const QJsonDocument doc = out ? QJsonDocument::fromJson(out->toUtf8()) : QJsonDocument();
        if (doc.isObject()) {
            m_sampler.status(n.index, p.pid(), doc.object());
        } else {
            log(QStringLiteral("orionctl status on node %1 failed").arg(n.index));
        }
    }
}

QJsonObject SoakNetwork::run(const std::atomic<bool> &stop, bool *ok) {
    *ok = false;
    QElapsedTimer total;
    total.start();
    QStringList failures;
    if (auto set = setUp(); !set) {
        failures << QStringLiteral("set-up: ") + set.error();
        log(failures.back());
        return report(0, total.elapsed(), failures);
    }
    const qint64 setupMs = total.elapsed();
    log(QStringLiteral("set up in %1 s; running for %2 s")
            .arg(setupMs / 1000)
            .arg(m_options.durationMs / 1000));

    HostileRun::Targets targets{m_roster.node(kGate), m_roster.node(kGuarded),
                                m_roster.node(kWildcard), m_roster.node(kTarget)};
    m_hostile = std::make_unique<HostileRun>(*m_networkKey, targets, m_options.durationMs);
    QElapsedTimer clock;
    clock.start();
    m_traffic->startSenders(m_options.senders, m_options.pauseMs, m_options.containerShare);
    m_hostile->start();
    qint64 nextSample = 0;
    qint64 nextLog = 30000;
    while (!stop && clock.elapsed() < m_options.durationMs) {
        m_nowMs = clock.elapsed();
        QCoreApplication::processEvents(); // QProcess: exits and the nodes' stderr
        churn(m_nowMs);
        if (m_nowMs >= nextSample) {
            checkCrashes();
            sample(m_nowMs, true);
            nextSample += kSampleIntervalMs;
        }
        if (m_nowMs >= nextLog) {
            log(QStringLiteral("%1 messages sent").arg(m_traffic->sendsStarted()));
            nextLog += 30000;
        }
        QThread::msleep(100);
    }
    m_nowMs = clock.elapsed();
    log(QStringLiteral("stopping the traffic and the hostile peers"));
    m_traffic->stopSenders();
    if (!m_hostile->wait(30000)) {
        log(QStringLiteral("the hostile schedule did not end in time; stopping it"));
    }
    m_hostile->stop();
    for (ChurnEvent &e : m_churn) {
        e.restartAtMs = e.done && !e.restarted ? 0 : e.restartAtMs;
    }
    churn(clock.elapsed()); // a node still down is restarted
    // Receipts can overtake the events they confirm: let the receivers catch up.
    QDeadlineTimer drain(5000);
    while (!drain.hasExpired()) {
        QCoreApplication::processEvents();
        QThread::msleep(100);
    }
    collectContainerArrivals();
    m_traffic->stopReceivers();
    m_nowMs = clock.elapsed();
    checkCrashes();
    finalStatus();
    log(QStringLiteral("stopping every node"));
    for (const SoakNode &n : m_roster.nodes()) {
        NodeProcess &p = *m_nodes[size_t(n.index)];
        if (p.isRunning() && !p.stop()) {
            ++m_uncleanStops;
            log(QStringLiteral("node %1 did not stop cleanly").arg(n.index));
        }
        m_roster.setUp(n.index, false);
    }
    QJsonObject out = report(clock.elapsed(), setupMs, failures);
    out.insert(QStringLiteral("run_time_s"), qint64(total.elapsed() / 1000));
    *ok = failures.isEmpty() && !stop;
    return out;
}

QJsonObject SoakNetwork::report(qint64 runMs, qint64 setupMs, QStringList &failures) {
    const QJsonObject messages = m_ledger.summary();
    if (messages.value(QStringLiteral("lost")).toInteger() > 0) {
        failures << QStringLiteral("%1 acknowledged messages never arrived")
                        .arg(messages.value(QStringLiteral("lost")).toInteger());
    }
    failures << m_crashes;
    if (m_uncleanStops > 0) {
        failures << QStringLiteral("%1 clean stops did not end cleanly").arg(m_uncleanStops);
    }

    QJsonArray processes;
    for (int i = 0; i < int(m_nodes.size()); ++i) {
        QJsonObject p = m_sampler.summary(i);
        p.insert(QStringLiteral("node"), i);
        p.insert(QStringLiteral("role"), role(i));
        p.insert(QStringLiteral("restarts"), m_restarts[size_t(i)]);
        QString why;
        const bool grows = m_sampler.grows(i, kGrowthRatio, kGrowthBytes, &why);
        p.insert(QStringLiteral("memory_grows"), grows);
        if (grows) {
            failures << why;
        }
        processes.append(p);
    }

    QJsonObject sums;
    for (const QString &counter : kDefenceCounters) {
        double sum = 0;
        for (int i = 0; i < int(m_nodes.size()); ++i) {
            sum += m_sampler.counter(i, counter);
        }
        sums.insert(QString(counter).replace(u'/', u'.'), sum);
    }

    // Each attack: did it reach its node (the attacker's view), and what defence counter of
    // that node shows it was turned away.
    const QJsonObject seen = m_hostile ? m_hostile->result() : QJsonObject();
    QJsonObject attacks;
    auto judge = [&](const QString &attack, int node, const QStringList &counters, bool reached,
                     double extra = 0) {
        const QJsonObject what = seen.value(attack).toObject();
        double value = extra;
        for (const QString &c : counters) {
            value += m_sampler.counter(node, c);
        }
        const bool ran = !what.isEmpty();
        const bool good = ran && reached && value > 0;
        QJsonObject a = what;
        a.insert(QStringLiteral("defence_counter"), counters.join(u'+'));
        a.insert(QStringLiteral("defence_value"), value);
        a.insert(QStringLiteral("reached"), reached);
        a.insert(QStringLiteral("ok"), good);
        attacks.insert(attack, a);
        if (!good) {
            failures << QStringLiteral("%1: %2").arg(
                attack,
                !ran       ? QStringLiteral("did not run")
                : !reached ? QStringLiteral("did not reach its node")
                           : QStringLiteral("defence counter %1 is zero").arg(counters.join(u'+')));
        }
    };
    auto field = [&](const QString &attack, const QString &key) {
        return seen.value(attack).toObject().value(key).toInt();
    };
    judge(QStringLiteral("lock_out"), kGate,
          {QStringLiteral("inbound_refused/half_open_dropped"),
           QStringLiteral("inbound_refused/handshake_network")},
          field(QStringLiteral("lock_out"), QStringLiteral("connected")) > 0);
    judge(QStringLiteral("descriptor_flood"), kGate,
          {QStringLiteral("inbound_refused/accept_rate"),
           QStringLiteral("inbound_refused/handshake_address")},
          field(QStringLiteral("descriptor_flood"), QStringLiteral("connected")) > 0);
    judge(QStringLiteral("first_message"), kGate, {QStringLiteral("protocol_errors")},
          field(QStringLiteral("first_message"), QStringLiteral("oversized_closed")) +
                  field(QStringLiteral("first_message"), QStringLiteral("nested_closed")) >
              0);
    judge(QStringLiteral("sybil"), kGuarded, {QStringLiteral("contacts_refused_network")},
          field(QStringLiteral("sybil"), QStringLiteral("activated")) > 0);
    judge(QStringLiteral("observed_address"), kWildcard, {QStringLiteral("address_checks_failed")},
          field(QStringLiteral("observed_address"), QStringLiteral("liars_dialled")) >= 3);
    judge(QStringLiteral("provider_flood"), kTarget, {QStringLiteral("provider_records_refused")},
          field(QStringLiteral("provider_flood"), QStringLiteral("stored")) +
                  field(QStringLiteral("provider_flood"), QStringLiteral("rejected")) >
              0);
    // The node has no counter of its own for dials it did not make: the attacker counts the
    // IDs it named at the trap and the dials that reached the trap.
    const int named = field(QStringLiteral("dial_amplification"), QStringLiteral("ids_named"));
    const int trapDials = field(QStringLiteral("dial_amplification"), QStringLiteral("trap_dials"));
    const int replies = field(QStringLiteral("dial_amplification"), QStringLiteral("replies"));
    judge(QStringLiteral("dial_amplification"), kTarget, {}, replies > 0 && trapDials > 0,
          double(named - trapDials));
    if (trapDials > replies) {
        failures << QStringLiteral("dial_amplification: %1 dials for %2 replies")
                        .arg(trapDials)
                        .arg(replies);
    }
    judge(QStringLiteral("slow_reader"), kTarget, {QStringLiteral("routing/busy")},
          seen.value(QStringLiteral("slow_reader"))
              .toObject()
              .value(QStringLiteral("connected"))
              .toBool());
    judge(QStringLiteral("routed_flood"), kTarget, {QStringLiteral("routing/errors_sent")},
          field(QStringLiteral("routed_flood"), QStringLiteral("busy")) > 0);
    // A false observed address must never be confirmed or published, anywhere.
    for (int i = 0; i < int(m_nodes.size()); ++i) {
        if (m_sampler.lastStatus(i).value(QStringLiteral("confirmed_address")).toString() ==
            QLatin1String(HostileRun::kLie)) {
            failures << QStringLiteral("node %1 confirmed the false address").arg(i);
        }
    }

    int kills = 0, cleans = 0;
    for (const ChurnEvent &e : m_churn) {
        kills += e.done && e.kill ? 1 : 0;
        cleans += e.done && !e.kill ? 1 : 0;
    }
    return {
        {QStringLiteral("soak"), QStringLiteral("soak_network")},
        {QStringLiteral("nodes"), m_options.nodes},
        {QStringLiteral("duration_s"), qint64(runMs / 1000)},
        {QStringLiteral("setup_s"), qint64(setupMs / 1000)},
        {QStringLiteral("messages"), messages},
        {QStringLiteral("churn"), QJsonObject{{QStringLiteral("kill9"), kills},
                                              {QStringLiteral("clean_restarts"), cleans},
                                              {QStringLiteral("unclean_stops"), m_uncleanStops}}},
        {QStringLiteral("node_processes"), processes},
        {QStringLiteral("memory_growth_rule"),
         QStringLiteral("last-third max RSS > %1 x first-third max and > %2 MiB more, per node's "
                        "longest-lived process")
             .arg(kGrowthRatio)
             .arg(kGrowthBytes / (qint64{1024} * 1024))},
        {QStringLiteral("defence_counters"), sums},
        {QStringLiteral("attacks"), attacks},
        {QStringLiteral("failures"), QJsonArray::fromStringList(failures)},
        {QStringLiteral("ok"), failures.isEmpty()},
    };
}

} // namespace orion::soak
