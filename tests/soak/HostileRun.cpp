// SPDX-License-Identifier: GPL-3.0-or-later
#include "HostileRun.h"

#include "HostilePeer.h"
#include "node/BootstrapList.h"
#include "node/Profile.h"
#include "portal/PortalClient.h"

#include <QElapsedTimer>
#include <QJsonArray>
#include <QtTest>

namespace orion::soak {

using test::HostilePeer;

namespace {

HostilePeer::Target targetOf(const SoakNode &n) {
    return {n.port, QByteArray::fromHex(n.publicKey.toLatin1())};
}

} // namespace

HostileRun::HostileRun(const identity::NetworkKey &networkKey, Targets targets, qint64 durationMs)
    : m_networkKey(networkKey.clone())
    , m_targets(std::move(targets))
    , m_durationMs(durationMs) {}

HostileRun::~HostileRun() {
    stop();
}

void HostileRun::start() {
    m_thread.reset(QThread::create([this] { run(); }));
    m_thread->start();
}

void HostileRun::stop() {
    m_stop = true;
    if (m_thread) {
        m_thread->wait();
    }
}

bool HostileRun::wait(int timeoutMs) {
    return !m_thread || m_thread->wait(QDeadlineTimer(timeoutMs));
}

QJsonObject HostileRun::result() const {
    QMutexLocker lock(&m_mutex);
    return m_result;
}

void HostileRun::record(const QString &attack, const QJsonObject &what) {
    QMutexLocker lock(&m_mutex);
    m_result.insert(attack, what);
    qInfo("soak: %s %s", qPrintable(attack),
          qPrintable(QJsonDocument(what).toJson(QJsonDocument::Compact)));
}

bool HostileRun::until(double fraction) {
    while (!m_stop && m_clock.elapsed() < qint64(fraction * double(m_durationMs))) {
        QTest::qWait(50); // the peers' connections are served meanwhile
    }
    return !m_stop;
}

void HostileRun::run() {
    m_clock.start();
    const qint64 d = m_durationMs;
    const auto hold = [&](qint64 ms) {
        QElapsedTimer t;
        t.start();
        while (!m_stop && t.elapsed() < ms) {
            QTest::qWait(50);
        }
    };

    // Sybils: 32 identities connect from 127.0.0.1, each record claiming a /24 of its own.
    std::vector<std::unique_ptr<HostilePeer>> sybils;
    if (until(0.05)) {
        int activated = 0;
        for (int i = 0; i < 32 && !m_stop; ++i) {
            sybils.push_back(std::make_unique<HostilePeer>(m_networkKey));
            activated += sybils.back()->activate(targetOf(m_targets.guarded),
                                                 {QStringLiteral("127.0.%1.1").arg(100 + i)})
                             ? 1
                             : 0;
        }
        record(QStringLiteral("sybil"), {{QStringLiteral("target"), m_targets.guarded.index},
                                         {QStringLiteral("identities"), int(sybils.size())},
                                         {QStringLiteral("activated"), activated}});
    }

    // Observed-address liars in three networks, in the wildcard node's peers/ folder: it
    // dials them, and each says the node is at kLie.
    std::vector<std::unique_ptr<HostilePeer>> liars;
    if (until(0.08)) {
        const auto lie = routing::Endpoint(QHostAddress(QString::fromLatin1(kLie)), 7400);
        for (int i = 0; i < 3; ++i) {
            // Close to the node's ID: among the contacts it keeps connections to and asks
            // first when it bootstraps.
            auto liar = std::make_unique<HostilePeer>(
                m_networkKey, HostilePeer::identityNear(
                                  *identity::Key160::fromHex(m_targets.wildcard.nodeId), 8));
            liar->lieAboutObservedAddress(lie);
            const QString address = QStringLiteral("127.0.%1.1").arg(11 + i);
            // The node watches its peers/ folder and dials new entries at once.
            if (liar->listen(QHostAddress(address)).ok() &&
                node::BootstrapList::add(node::Profile(m_targets.wildcard.profile),
                                         liar->record({address}), m_networkKey.networkId())
                    .ok()) {
                liars.push_back(std::move(liar));
            }
        }
        hold(5000);
        int dialled = 0;
        for (const auto &l : liars) {
            dialled += l->activationsAnswered() > 0 ? 1 : 0;
        }
        record(QStringLiteral("observed_address"),
               {{QStringLiteral("target"), m_targets.wildcard.index},
                {QStringLiteral("liars"), int(liars.size())},
                {QStringLiteral("lie"), QString::fromLatin1(kLie)},
                {QStringLiteral("liars_dialled_so_far"), dialled}});
    }

    // Lock-out: 256 silent sockets from 32 networks, 8 per address.
    if (until(0.12)) {
        HostilePeer flooder(m_networkKey);
        const int connected = flooder.holdSilentSockets(m_targets.gate.port, 32, 8, 8);
        hold(5000);
        record(QStringLiteral("lock_out"),
               {{QStringLiteral("target"), m_targets.gate.index},
                {QStringLiteral("sockets"), 256},
                {QStringLiteral("connected"), connected},
                {QStringLiteral("closed_by_node"), flooder.sockets().closedByPeer()}});
    }

    // Descriptor flood: 600 connections at once from 127.0.200.1.
    if (until(0.18)) {
        HostilePeer flooder(m_networkKey);
        const int connected = flooder.floodConnections(m_targets.gate.port, 600);
        hold(5000);
        record(QStringLiteral("descriptor_flood"),
               {{QStringLiteral("target"), m_targets.gate.index},
                {QStringLiteral("connections"), 600},
                {QStringLiteral("connected"), connected},
                {QStringLiteral("closed_by_node"), flooder.sockets().closedByPeer()}});
    }

    // First messages: an activation padded to 512 KiB, and one nested 40 deep.
    if (until(0.24)) {
        int oversized = 0, nested = 0;
        for (int i = 0; i < 3 && !m_stop; ++i) {
            HostilePeer peer(m_networkKey);
            if (net::PeerConnection *c = peer.connect(targetOf(m_targets.gate))) {
                oversized +=
                    peer.sendAndAwaitClose(c, peer.oversizedActivation(512 * 1024)).isEmpty() ? 0
                                                                                              : 1;
            }
            HostilePeer deep(m_networkKey);
            if (net::PeerConnection *c = deep.connect(targetOf(m_targets.gate))) {
                nested += deep.sendAndAwaitClose(c, deep.nestedActivation(40)).isEmpty() ? 0 : 1;
            }
        }
        record(QStringLiteral("first_message"), {{QStringLiteral("target"), m_targets.gate.index},
                                                 {QStringLiteral("sent"), 6},
                                                 {QStringLiteral("oversized_closed"), oversized},
                                                 {QStringLiteral("nested_closed"), nested}});
    }

    // Provider records for 1,500 keys, valid, signed with the peer's own host key.
    if (until(0.30)) {
        HostilePeer peer(m_networkKey);
        QJsonObject what{{QStringLiteral("target"), m_targets.target.index}};
        if (net::PeerConnection *c = peer.activate(targetOf(m_targets.target))) {
            const auto flood = peer.floodProviderRecords(c, 1500, 20000);
            what.insert(QStringLiteral("sent"), flood.sent);
            what.insert(QStringLiteral("stored"), flood.stored);
            what.insert(QStringLiteral("rejected"), flood.rejected);
        }
        record(QStringLiteral("provider_flood"), what);
    }

    // Dial amplification: find-nodes answered with 20 IDs at one trap; the target's portal
    // sends to keys next to this peer's ID, so that its lookups ask this peer first. The
    // peer's ID is close to the node's, where its table has room.
    if (until(0.38)) {
        HostilePeer peer(m_networkKey, HostilePeer::identityNear(
                                           *identity::Key160::fromHex(m_targets.target.nodeId), 8));
        QJsonObject what{{QStringLiteral("target"), m_targets.target.index}};
        if (peer.listen().ok()) {
            const routing::Endpoint trap = peer.openTrap();
            peer.answerFindNodeWithOneHost(trap, 20, 50);
            if (peer.activate(targetOf(m_targets.target))) {
                portal::PortalClient client;
                int triggered = 0;
                if (client.connectToNode(m_targets.target.socketPath, 2000).ok()) {
                    for (int i = 0; i < 10; ++i) {
                        auto bytes = peer.id().bytes();
                        bytes[17] = quint8(i);
                        bytes[18] = quint8(QRandomGenerator::global()->bounded(256));
                        bytes[19] = quint8(QRandomGenerator::global()->bounded(256));
                        triggered += client.request(QStringLiteral("send"),
                                                    {{QStringLiteral("target"),
                                                      identity::Key160(bytes).toHex()},
                                                     {QStringLiteral("body"), i}},
                                                    2000)
                                             .ok()
                                         ? 1
                                         : 0;
                        QTest::qWait(300);
                    }
                }
                hold(8000);
                what.insert(QStringLiteral("lookups_triggered"), triggered);
            }
            what.insert(QStringLiteral("replies"), peer.amplifiedReplies());
            what.insert(QStringLiteral("ids_named"), peer.amplifiedReplies() * 20);
            what.insert(QStringLiteral("trap_dials"), peer.trapConnections());
        }
        record(QStringLiteral("dial_amplification"), what);
    }

    // Slow reader: 96 echoes of 256 KiB (24 MiB, three times the send queue's high-water
    // mark) requested, then never read; held for a quarter of the run (at most 2 minutes).
    if (until(0.46)) {
        HostilePeer peer(m_networkKey);
        test::SlowReader *reader = peer.startSlowReader(targetOf(m_targets.target), 96, 256 * 1024);
        const qint64 held = std::min<qint64>(120000, d / 4);
        hold(held);
        record(QStringLiteral("slow_reader"),
               {{QStringLiteral("target"), m_targets.target.index},
                {QStringLiteral("connected"), reader != nullptr},
                {QStringLiteral("echo_bytes_requested"), 96 * 256 * 1024},
                {QStringLiteral("held_s"), qint64(held / 1000)},
                {QStringLiteral("still_connected"), reader && reader->isConnected()}});
    }

    // Routed flood: 3,000 messages at once to a node that allows 200 a second (burst 400).
    if (until(0.78)) {
        HostilePeer peer(m_networkKey);
        QJsonObject what{{QStringLiteral("target"), m_targets.target.index}};
        if (net::PeerConnection *c = peer.activate(targetOf(m_targets.target))) {
            const auto flood =
                peer.floodRouted(c, *identity::Key160::fromHex(m_targets.target.nodeId), 3000,
                                 QStringLiteral("no-such-service"), 20000);
            what.insert(QStringLiteral("sent"), flood.sent);
            what.insert(QStringLiteral("busy"), flood.busy);
            what.insert(QStringLiteral("other_errors"), flood.otherErrors);
        }
        record(QStringLiteral("routed_flood"), what);
    }

    until(0.85);
    int dialled = 0;
    for (const auto &l : liars) {
        dialled += l->activationsAnswered() > 0 ? 1 : 0;
    }
    QMutexLocker lock(&m_mutex);
    QJsonObject observed = m_result.value(QStringLiteral("observed_address")).toObject();
    observed.insert(QStringLiteral("liars_dialled"), dialled);
    m_result.insert(QStringLiteral("observed_address"), observed);
    QJsonObject sybil = m_result.value(QStringLiteral("sybil")).toObject();
    int stillUp = 0;
    for (auto &s : sybils) {
        stillUp += s->manager().connections().isEmpty() ? 0 : 1;
    }
    sybil.insert(QStringLiteral("connected_at_end"), stillUp);
    m_result.insert(QStringLiteral("sybil"), sybil);
}

} // namespace orion::soak
