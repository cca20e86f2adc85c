// SPDX-License-Identifier: GPL-3.0-or-later
#include "overlay/OverlayEngine.h"

#include "overlay/OverlayLog.h"

#include <algorithm>
#include <map>
#include <set>

namespace orion::overlay {

using identity::Key160;
using routing::Contact;
using routing::NodeInfo;

namespace {

constexpr size_t kObservedReports = 16;

} // namespace

OverlayEngine::OverlayEngine(const NodeInfo &self, const OverlayConfig &config, OverlayHost &host)
    : m_self(self)
    , m_config(config)
    , m_host(host)
    , m_table(self.id, config.routing) {
    m_nextRequestId = host.randomU64() >> 1;
}

OverlayEngine::~OverlayEngine() {
    m_stopped = true;
}

void OverlayEngine::start() {
    if (m_started || m_stopped) {
        return;
    }
    m_started = true;
    if (m_config.maintenanceIntervalMs > 0) {
        m_host.schedule(m_config.maintenanceIntervalMs, [this] { maintenance(); });
    }
}

void OverlayEngine::stop() {
    m_stopped = true;
    m_pending.clear();
    m_lookups.clear();
}

void OverlayEngine::setPaused(bool paused) {
    if (m_stopped || paused == m_paused) {
        return;
    }
    m_paused = paused;
    if (!paused) {
        return;
    }
    // Dropped, not failed: the contacts asked are not to blame for the pause. Lookups end
    // now, unfound, so that whoever waits on one is not left waiting.
    m_pending.clear();
    std::vector<std::unique_ptr<LookupRun>> runs = std::move(m_lookups);
    m_lookups.clear();
    for (auto &run : runs) {
        if (run->done) {
            LookupResult result;
            result.target = run->lookup.target();
            result.closest = run->lookup.result();
            result.durationMs = m_host.nowMs() - run->startedAtMs;
            run->done(result);
        }
    }
}

Key160 OverlayEngine::randomKey() {
    std::array<quint8, Key160::kBytes> bytes{};
    for (size_t i = 0; i < bytes.size(); i += 8) {
        const quint64 r = m_host.randomU64();
        for (size_t j = 0; j < 8 && i + j < bytes.size(); ++j) {
            bytes[i + j] = quint8(r >> (8 * j));
        }
    }
    return Key160(bytes);
}

void OverlayEngine::noteSeen(const NodeInfo &peer, quint32 rttMs,
                             const routing::Endpoint *connectedFrom) {
    const auto result = m_table.seen(peer, m_host.nowMs(), rttMs, connectedFrom);
    if (result.pingCandidate) {
        const Key160 &id = result.pingCandidate->id;
        const bool alreadyAsked =
            std::any_of(m_pending.begin(), m_pending.end(),
                        [&](const Pending &p) { return p.peer == id && p.lookupId == 0; });
        if (!alreadyAsked) {
            ping(*result.pingCandidate);
        }
    }
}

void OverlayEngine::handlePeerActivated(const NodeInfo &peer,
                                        const routing::Endpoint &connectedFrom) {
    if (!halted()) {
        noteSeen(peer, 0, &connectedFrom);
    }
}

void OverlayEngine::handleMessage(const NodeInfo &from, const OverlayMessage &message,
                                  const routing::Endpoint &seenAddress) {
    if (halted() || from.id == m_self.id) {
        return;
    }
    if (const auto *ping = std::get_if<PingMessage>(&message)) {
        noteSeen(from, 0, &seenAddress);
        m_host.send(from, PongMessage{ping->nonce, seenAddress});
    } else if (const auto *pong = std::get_if<PongMessage>(&message)) {
        handlePong(from, *pong);
    } else if (const auto *find = std::get_if<FindNodeMessage>(&message)) {
        noteSeen(from, 0, &seenAddress);
        answerFindNode(from, *find);
    } else if (const auto *nodes = std::get_if<NodesMessage>(&message)) {
        handleNodes(from, *nodes);
    } else if (const auto *error = std::get_if<ErrorMessage>(&message)) {
        handleError(from, *error);
    }
}

void OverlayEngine::answerFindNode(const NodeInfo &from, const FindNodeMessage &request) {
    const int count = std::min(m_config.routing.k, m_config.maxNodesPerReply);
    // One extra so that leaving out the requester still fills the reply.
    auto nodes = m_table.closest(request.target, count + 1);
    nodes.erase(std::remove_if(nodes.begin(), nodes.end(),
                               [&](const NodeInfo &n) { return n.id == from.id; }),
                nodes.end());
    if (int(nodes.size()) > count) {
        nodes.resize(size_t(count));
    }
    QByteArray targetKey =
        request.target == m_self.id ? m_self.publicKeyBytes() : m_host.liveKeyOf(request.target);
    m_host.send(from, NodesMessage{request.requestId, std::move(nodes), std::move(targetKey)});
}

std::optional<OverlayEngine::Pending> OverlayEngine::takePending(quint64 id, const Key160 &peer) {
    auto it = std::find_if(m_pending.begin(), m_pending.end(),
                           [&](const Pending &p) { return p.id == id && p.peer == peer; });
    if (it == m_pending.end()) {
        return std::nullopt;
    }
    Pending p = std::move(*it);
    m_pending.erase(it);
    return p;
}

void OverlayEngine::handleNodes(const NodeInfo &from, const NodesMessage &reply) {
    auto pending = takePending(reply.requestId, from.id);
    if (!pending || pending->lookupId == 0) {
        qCDebug(lcOverlay).noquote() << m_self.id.shortHex() << "nodes reply from"
                                     << from.id.shortHex() << "matches no request";
        noteSeen(from, 0);
        return;
    }
    if (int(reply.nodes.size()) > m_config.maxNodesPerReply) {
        qCWarning(lcOverlay).noquote() << "nodes reply from" << from.id.shortHex() << "with"
                                       << reply.nodes.size() << "entries rejected";
        failPending(std::move(*pending), "an oversized reply");
        return;
    }
    const qint64 now = m_host.nowMs();
    noteSeen(from, quint32(std::max<qint64>(1, now - pending->sentAtMs)));
    if (LookupRun *run = findLookup(pending->lookupId)) {
        if (!reply.targetKey.isEmpty() &&
            NodeInfo::idForPublicKey(reply.targetKey) == run->lookup.target()) {
            run->targetKey = reply.targetKey;
        }
        run->lookup.answered(from.id, reply.nodes);
        advance(run->id);
    }
}

void OverlayEngine::handlePong(const NodeInfo &from, const PongMessage &pong) {
    auto pending = takePending(pong.nonce, from.id);
    if (!pending || pending->lookupId != 0) {
        noteSeen(from, 0);
        return;
    }
    const auto rtt = quint32(std::max<qint64>(1, m_host.nowMs() - pending->sentAtMs));
    noteSeen(from, rtt);
    // pong.observed is not a vote: the engine cannot tell who dialled whom (activation is
    // where the node records what the peers it dialled report).
    if (pending->pingDone) {
        pending->pingDone(true, rtt);
    }
}

void OverlayEngine::handleError(const NodeInfo &from, const ErrorMessage &error) {
    qCInfo(lcOverlay).noquote() << "error" << int(error.code) << "from" << from.id.shortHex() << ":"
                                << error.message;
    if (auto pending = takePending(error.requestId, from.id)) {
        failPending(std::move(*pending), "an error reply");
    }
}

// By value on purpose: the callbacks it runs may add to m_pending, where it came from.
void OverlayEngine::failPending(Pending pending, // NOLINT(performance-unnecessary-value-param)
                                const char *why) {
    qCDebug(lcOverlay).noquote() << m_self.id.shortHex() << "request" << pending.id << "to"
                                 << pending.peer.shortHex() << "failed:" << why;
    m_table.recordFailure(pending.peer);
    if (pending.lookupId == 0) {
        if (pending.pingDone) {
            pending.pingDone(false, 0);
        }
        return;
    }
    if (LookupRun *run = findLookup(pending.lookupId)) {
        run->lookup.failed(pending.peer);
        advance(run->id);
    }
}

void OverlayEngine::requestTimedOut(quint64 id) {
    if (halted()) {
        return;
    }
    auto it = std::find_if(m_pending.begin(), m_pending.end(),
                           [&](const Pending &p) { return p.id == id; });
    if (it == m_pending.end()) {
        return;
    }
    Pending p = std::move(*it);
    m_pending.erase(it);
    failPending(std::move(p), "timed out");
}

void OverlayEngine::failPendingIf(const std::function<bool(const Pending &)> &condition,
                                  const char *why) {
    std::vector<Pending> failed;
    for (auto it = m_pending.begin(); it != m_pending.end();) {
        if (condition(*it)) {
            failed.push_back(std::move(*it));
            it = m_pending.erase(it);
        } else {
            ++it;
        }
    }
    for (auto &p : failed) {
        failPending(std::move(p), why);
    }
}

void OverlayEngine::handleUnreachable(const Key160 &peer) {
    if (halted()) {
        return;
    }
    failPendingIf([&](const Pending &p) { return p.peer == peer; }, "the peer is unreachable");
}

void OverlayEngine::handleConnectionLost(const Key160 &peer) {
    if (halted()) {
        return;
    }
    failPendingIf([&](const Pending &p) { return p.peer == peer && p.resentAfterLoss; },
                  "the connection was lost twice");
    bool retry = false;
    for (Pending &p : m_pending) {
        if (p.peer == peer) {
            p.resentAfterLoss = true;
            retry = true;
        }
    }
    if (retry) {
        resendPending(peer);
    }
}

void OverlayEngine::resendPending(const Key160 &peer) {
    if (halted()) {
        return;
    }
    const Contact *contact = m_table.find(peer);
    for (const auto &p : m_pending) {
        if (p.peer != peer) {
            continue;
        }
        NodeInfo to;
        if (p.lookupId != 0) {
            LookupRun *run = findLookup(p.lookupId);
            if (!run) {
                continue;
            }
            const auto *candidate = run->lookup.candidate(peer);
            if (!candidate) {
                continue;
            }
            m_host.send(candidate->info, FindNodeMessage{p.id, run->lookup.target()});
        } else if (contact) {
            m_host.send(contact->info, PingMessage{p.id});
        }
    }
}

void OverlayEngine::recordObservedAddress(const Key160 &reporter, const routing::Endpoint &observed,
                                          const routing::Endpoint &dialled) {
    if (!observed.isValid() && observed.address().isNull()) {
        return;
    }
    auto it = std::find_if(m_observed.begin(), m_observed.end(),
                           [&](const ObservedReport &r) { return r.reporter == reporter; });
    if (it != m_observed.end()) {
        m_observed.erase(it);
    }
    if (m_observed.size() >= kObservedReports) {
        m_observed.erase(m_observed.begin());
    }
    m_observed.push_back({reporter, dialled.subnetKey(), observed});
}

std::optional<OverlayEngine::ObservedAddress> OverlayEngine::observedLeader() const {
    // By address only: peers see different source ports for outgoing connections. Each
    // network of reporters counts once.
    std::map<std::array<quint8, 16>, std::pair<std::set<quint64>, routing::Endpoint>> votes;
    for (const ObservedReport &r : m_observed) {
        auto &v = votes[r.observed.bytes()];
        v.first.insert(r.reporterNetwork);
        v.second = r.observed;
    }
    std::optional<ObservedAddress> best;
    for (const auto &[bytes, v] : votes) {
        if (!best || int(v.first.size()) > best->networks) {
            best = ObservedAddress{v.second, int(v.first.size())};
        }
    }
    return best;
}

void OverlayEngine::ping(const NodeInfo &node, PingCallback done) {
    if (halted()) {
        return;
    }
    Pending p;
    p.id = m_host.randomU64();
    p.peer = node.id;
    p.sentAtMs = m_host.nowMs();
    p.pingDone = std::move(done);
    const quint64 id = p.id;
    m_pending.push_back(std::move(p));
    m_host.send(node, PingMessage{id});
    m_host.schedule(m_config.requestTimeoutMs, [this, id] { requestTimedOut(id); });
}

OverlayEngine::LookupRun *OverlayEngine::findLookup(quint32 id) {
    for (auto &run : m_lookups) {
        if (run->id == id) {
            return run.get();
        }
    }
    return nullptr;
}

void OverlayEngine::lookup(const Key160 &target, LookupCallback done,
                           const std::vector<NodeInfo> &seeds) {
    if (m_stopped) {
        return;
    }
    if (m_paused) {
        if (done) {
            LookupResult result;
            result.target = target;
            done(result);
        }
        return;
    }
    auto run = std::make_unique<LookupRun>(LookupRun{
        ++m_nextLookupId, routing::Lookup(target, m_self.id, m_config.routing.k, m_config.alpha),
        std::move(done), m_host.nowMs()});
    if (run->id == 0) {
        run->id = ++m_nextLookupId;
    }
    run->lookup.addCandidates(m_table.closest(target, m_config.routing.k), 1);
    run->lookup.addCandidates(seeds, 1);
    const quint32 id = run->id;
    m_lookups.push_back(std::move(run));
    advance(id);
}

void OverlayEngine::advance(quint32 lookupId) {
    LookupRun *run = findLookup(lookupId);
    if (!run || halted()) {
        return;
    }
    if (run->lookup.isFinished()) {
        const qint64 now = m_host.nowMs();
        LookupResult result;
        result.target = run->lookup.target();
        result.closest = run->lookup.result();
        result.found = run->lookup.found();
        if (const auto *named = run->lookup.candidate(result.target)) {
            result.targetKey = named->info.publicKeyBytes();
        } else {
            result.targetKey = run->targetKey;
        }
        result.hops = run->lookup.hops();
        result.requests = run->lookup.requests();
        result.answers = run->lookup.answers();
        result.failures = run->lookup.failures();
        result.durationMs = now - run->startedAtMs;
        // A node of the target's ID was named but did not answer: say why (a lookup of a
        // random ID, as a refresh makes, ends without its target by design).
        if (const auto *target = run->lookup.candidate(result.target);
            !result.found && target && lcOverlay().isDebugEnabled()) {
            static const char *const kStates[] = {"never asked", "in flight", "answered", "failed"};
            qCDebug(lcOverlay).noquote()
                << m_self.id.shortHex() << "lookup of" << result.target.shortHex()
                << "ended without it:" << result.requests << "requests," << result.answers
                << "answers," << result.failures << "failures," << run->lookup.sharedEndpoints()
                << "shared endpoints; the target" << kStates[int(target->state)];
        }
        LookupCallback done = std::move(run->done);
        m_lookups.erase(std::find_if(m_lookups.begin(), m_lookups.end(),
                                     [&](const auto &r) { return r->id == lookupId; }));
        m_table.touchBucketFor(result.target, now);
        if (done) {
            done(result);
        }
        return;
    }
    const Key160 target = run->lookup.target();
    for (const NodeInfo &to : run->lookup.nextQueries()) {
        Pending p;
        p.id = ++m_nextRequestId;
        p.peer = to.id;
        p.sentAtMs = m_host.nowMs();
        p.lookupId = lookupId;
        const quint64 id = p.id;
        m_pending.push_back(std::move(p));
        m_host.send(to, FindNodeMessage{id, target});
        m_host.schedule(m_config.requestTimeoutMs, [this, id] { requestTimedOut(id); });
    }
}

bool OverlayEngine::isAwaitingReplyFrom(const Key160 &peer) const {
    return std::any_of(m_pending.begin(), m_pending.end(),
                       [&](const Pending &p) { return p.peer == peer; });
}

void OverlayEngine::bootstrap(const std::vector<NodeInfo> &seeds, std::function<void(bool)> done) {
    lookup(
        m_self.id,
        [this, done = std::move(done)](const LookupResult &) {
            // Our own neighbourhood is now known; fill the farther buckets too, one lookup
            // after another: run at once they would hold a connection to most of the
            // contacts they ask at the same time, for no gain on a joining node.
            fillBuckets(0, done);
        },
        seeds);
}

void OverlayEngine::fillBuckets(int index, std::function<void(bool)> done) {
    if (m_stopped) {
        return;
    }
    if (m_paused) {
        if (done) {
            done(false);
        }
        return;
    }
    // The table splits its last bucket as contacts arrive: the count is read each time.
    if (index >= m_table.bucketCount() - 1) {
        if (done) {
            done(m_table.size() > 0);
        }
        return;
    }
    lookup(m_table.keyInBucket(index, randomKey()),
           [this, index, done = std::move(done)](const LookupResult &) mutable {
               fillBuckets(index + 1, std::move(done));
           });
}

int OverlayEngine::refreshStaleBuckets() {
    if (halted()) {
        return 0;
    }
    const qint64 now = m_host.nowMs();
    const auto stale = m_table.staleBuckets(now, m_config.refreshIntervalMs);
    for (int index : stale) {
        const Key160 key = m_table.keyInBucket(index, randomKey());
        m_table.touchBucketFor(key, now);
        lookup(key, {});
    }
    return int(stale.size());
}

void OverlayEngine::maintenance() {
    if (m_stopped) {
        return;
    }
    if (m_paused) {
        m_host.schedule(m_config.maintenanceIntervalMs, [this] { maintenance(); });
        return;
    }
    refreshStaleBuckets();
    // Random re-challenges: a contact that silently went away (or never really answers)
    // is found out even if no lookup happens to touch it.
    const auto all = m_table.contacts();
    for (int i = 0; i < m_config.challengesPerRound && !all.empty(); ++i) {
        ping(all[size_t(m_host.randomU64() % all.size())].info);
    }
    m_host.schedule(m_config.maintenanceIntervalMs, [this] { maintenance(); });
}

} // namespace orion::overlay
