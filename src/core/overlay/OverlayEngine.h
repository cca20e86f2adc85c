// SPDX-License-Identifier: GPL-3.0-or-later
// OverlayEngine: the overlay protocol logic of one node: owns its routing table, answers
// ping and find-node, runs iterative lookups, bootstrap, bucket refresh and liveness checks.
// Talks to the world only through an OverlayHost, so the node and the simulator run the
// same code. Lives on (and is only called from) its node's thread.
#pragma once

#include "overlay/OverlayConfig.h"
#include "overlay/OverlayHost.h"
#include "routing/Lookup.h"
#include "routing/RoutingTable.h"

#include <functional>
#include <memory>
#include <optional>
#include <vector>

namespace orion::overlay {

struct LookupResult {
    identity::Key160 target;
    // The closest nodes that answered, closest first (at most k).
    std::vector<routing::NodeInfo> closest;
    // The node with ID == target answered.
    bool found = false;
    // The Ed25519 key of the node with ID == target when some answer named it (in its node
    // list, or as the key of a node it is connected to), whether or not that node answered
    // itself: authentic, since the ID is the key's hash. Empty when none did.
    QByteArray targetKey;
    int hops = 0;
    int requests = 0;
    int answers = 0;
    int failures = 0;
    qint64 durationMs = 0;
};

class OverlayEngine {
public:
    using LookupCallback = std::function<void(const LookupResult &)>;
    using PingCallback = std::function<void(bool answered, quint32 rttMs)>;

    OverlayEngine(const routing::NodeInfo &self, const OverlayConfig &config, OverlayHost &host);
    ~OverlayEngine();
    OverlayEngine(const OverlayEngine &) = delete;
    OverlayEngine &operator=(const OverlayEngine &) = delete;

    const routing::NodeInfo &self() const { return m_self; }
    // The endpoint we advertise (our listen address and port).
    void setSelfEndpoint(const routing::Endpoint &endpoint) { m_self.endpoint = endpoint; }
    const OverlayConfig &config() const { return m_config; }
    routing::RoutingTable &table() { return m_table; }
    const routing::RoutingTable &table() const { return m_table; }

    // A message from an activated peer. `seenAddress` is the address its connection comes
    // from (what a pong reports back as "your address as I see it").
    void handleMessage(const routing::NodeInfo &from, const OverlayMessage &message,
                       const routing::Endpoint &seenAddress = {});
    // A peer completed activation: a candidate for the routing table.
    // `connectedFrom`: the address the peer's connection comes from (or was dialled at);
    // the routing table's address limits count that, not the address the peer claims.
    void handlePeerActivated(const routing::NodeInfo &peer,
                             const routing::Endpoint &connectedFrom = {});
    // Requests to `peer` cannot be delivered (connection refused or lost): they fail now
    // rather than at their timeout. Must not be called from inside OverlayHost::send.
    void handleUnreachable(const identity::Key160 &peer);
    // The connection to `peer` was replaced by another one (two nodes dialled each other):
    // requests in flight may have been lost with it, so they are sent once more. Their
    // time-outs keep running.
    void resendPending(const identity::Key160 &peer);
    // An established connection to `peer` closed (the peer closes connections it finds
    // idle, and our request may cross its goodbye). Each request still waiting for `peer`
    // is sent once more, which dials again; one that was already sent again fails now.
    void handleConnectionLost(const identity::Key160 &peer);
    // A peer this node dialled at `dialled` told us how it sees our address. Only such
    // reports count: a peer that connects to us can claim to be anyone anywhere, and any
    // number of identities can connect from one place.
    void recordObservedAddress(const identity::Key160 &reporter, const routing::Endpoint &observed,
                               const routing::Endpoint &dialled);
    // The address reported by peers in the most distinct networks (/24, /64), and how many
    // networks those are. Address only; the port is as one of them saw it.
    struct ObservedAddress {
        routing::Endpoint address;
        int networks = 0;
    };
    std::optional<ObservedAddress> observedLeader() const;
    std::optional<routing::Endpoint> observedAddress() const {
        const auto leader = observedLeader();
        return leader ? std::optional(leader->address) : std::nullopt;
    }

    void lookup(const identity::Key160 &target, LookupCallback done,
                const std::vector<routing::NodeInfo> &seeds = {});
    // Look up our own ID through `seeds` and the table, then refresh every bucket farther
    // away; `done(true)` when the table holds at least one contact afterwards.
    void bootstrap(const std::vector<routing::NodeInfo> &seeds, std::function<void(bool)> done);
    // One lookup into the range of every bucket without activity for refreshIntervalMs.
    int refreshStaleBuckets();
    void ping(const routing::NodeInfo &node, PingCallback done = {});

    // Starts periodic maintenance (if configured); stop() ends all activity: pending
    // timers become no-ops and no callback runs any more.
    void start();
    void stop();
    bool isStopped() const { return m_stopped; }
    // A paused engine keeps its table but sends nothing and ignores what arrives; pending
    // requests and lookups are dropped without counting against the peers asked.
    void setPaused(bool paused);
    bool isPaused() const { return m_paused; }

    int activeLookups() const { return int(m_lookups.size()); }
    int pendingRequests() const { return int(m_pending.size()); }
    // A request to this peer is still unanswered (and not timed out).
    bool isAwaitingReplyFrom(const identity::Key160 &peer) const;

private:
    // Bootstrap: one lookup into bucket index, then the next, then done.
    void fillBuckets(int index, std::function<void(bool)> done);
    struct Pending {
        quint64 id = 0;
        identity::Key160 peer;
        qint64 sentAtMs = 0;
        quint32 lookupId = 0; // 0: a ping
        bool resentAfterLoss = false;
        PingCallback pingDone;
    };
    struct LookupRun {
        quint32 id = 0;
        routing::Lookup lookup;
        LookupCallback done;
        qint64 startedAtMs = 0;
        QByteArray targetKey; // a nodes reply's key of the target, checked against its ID
    };

    void noteSeen(const routing::NodeInfo &peer, quint32 rttMs,
                  const routing::Endpoint *connectedFrom = nullptr);
    void answerFindNode(const routing::NodeInfo &from, const FindNodeMessage &request);
    void handleNodes(const routing::NodeInfo &from, const NodesMessage &reply);
    void handlePong(const routing::NodeInfo &from, const PongMessage &pong);
    void handleError(const routing::NodeInfo &from, const ErrorMessage &error);
    std::optional<Pending> takePending(quint64 id, const identity::Key160 &peer);
    // Takes every pending request that meets the condition out and fails it.
    void failPendingIf(const std::function<bool(const Pending &)> &condition, const char *why);
    void failPending(Pending pending, const char *why);
    void requestTimedOut(quint64 id);
    LookupRun *findLookup(quint32 id);
    void advance(quint32 lookupId);
    void maintenance();
    identity::Key160 randomKey();

    routing::NodeInfo m_self;
    OverlayConfig m_config;
    OverlayHost &m_host;
    routing::RoutingTable m_table;
    std::vector<Pending> m_pending;
    std::vector<std::unique_ptr<LookupRun>> m_lookups;
    struct ObservedReport {
        identity::Key160 reporter;
        quint64 reporterNetwork = 0; // Endpoint::subnetKey of the address it was dialled at
        routing::Endpoint observed;
    };
    std::vector<ObservedReport> m_observed;
    quint64 m_nextRequestId = 0;
    quint32 m_nextLookupId = 0;
    bool m_started = false;
    bool m_stopped = false;
    bool m_paused = false;
    bool halted() const { return m_stopped || m_paused; }
};

} // namespace orion::overlay
