// SPDX-License-Identifier: GPL-3.0-or-later
// Router: the one place that decides what happens to every routed message of a node, in
// both directions: deliver locally, forward over a live connection, dial a closer contact
// first, or answer the origin with a route error. Owns the seen-ID cache and the queues of
// messages waiting for a dial. Pure logic over a RouterHost; lives on the node thread.
#pragma once

#include "routing/RoutedMessage.h"
#include "routing/RouterConfig.h"
#include "routing/RouterHost.h"
#include "routing/SeenMessageIds.h"

#include <QHash>

#include <functional>
#include <optional>
#include <unordered_map>
#include <vector>

namespace orion::routing {

class Router {
public:
    enum class Outcome {
        Delivered, // handed to RouterHost::deliverLocal
        Forwarded, // sent to `nextHop`
        Waiting,   // queued until `nextHop` is connected
        Dropped,   // not routable; an error went to the origin when it may be answered
    };
    struct Decision {
        Outcome outcome = Outcome::Dropped;
        identity::Key160 nextHop;
        RoutedMessage::ErrorCode error = RoutedMessage::ErrorCode::None;
    };
    struct Stats {
        quint64 delivered = 0;
        quint64 forwarded = 0;
        quint64 duplicates = 0;
        quint64 hopLimit = 0;
        quint64 noRoute = 0;
        quint64 busy = 0;
        quint64 errorsSent = 0;
        // Of `busy`: refused because the messages waiting for dials held too many bytes,
        // for that peer or for the whole node.
        quint64 waitingBytesRefused = 0;
        friend bool operator==(const Stats &, const Stats &) = default;
    };
    // Replaces the choice of the next hop (tests: inconsistent routing tables). Returning
    // nullopt falls back to the normal choice.
    using NextHopOverride = std::function<std::optional<identity::Key160>(const RoutedMessage &)>;

    Router(const identity::Key160 &self, RouterHost &host, RouterConfig config = {});

    // A message that arrived from peer `from`, or that a local endpoint sends (from == self).
    Decision route(RoutedMessage message, const identity::Key160 &from);
    // Answers `message` with an error to its origin (when it may be answered), e.g. when a
    // local endpoint refused it or a peer exceeded its rate.
    void reject(const RoutedMessage &message, RoutedMessage::ErrorCode code, const QString &text);

    // A connection to `peer` became active: messages waiting for it move on.
    void peerUp(const identity::Key160 &peer);
    // The connection to `peer` did not come up: its waiting messages are routed again.
    // `unreachable`: the dial itself failed, so the peer is avoided for a while (a
    // connection that was established and then closed, e.g. as a duplicate, is not).
    void connectFailed(const identity::Key160 &peer, bool unreachable = true);

    void setNextHopOverride(NextHopOverride fn) { m_override = std::move(fn); }
    const Stats &stats() const { return m_stats; }
    int waitingCount() const;
    // Bytes held by the messages waiting for dials (RoutedMessage::retainedBytes).
    qint64 waitingBytes() const { return m_waitingBytes; }
    bool isWaitingFor(const identity::Key160 &peer) const { return m_waiting.contains(peer); }
    const RouterConfig &config() const { return m_config; }

private:
    // Everything after the duplicate check: delivery, hop limit, next hop.
    Decision onward(RoutedMessage message);
    Decision fail(const RoutedMessage &message, RoutedMessage::ErrorCode code, const QString &text);
    // False when seen before; `from` is the peer it came from (this node for its own).
    bool remember(const QByteArray &messageId, const identity::Key160 &from);
    bool unreachable(const identity::Key160 &peer);
    bool isLive(const identity::Key160 &peer) const;

    identity::Key160 m_self;
    RouterHost &m_host;
    RouterConfig m_config;
    SeenMessageIds m_seen;
    struct WaitingQueue {
        std::vector<RoutedMessage> messages;
        qint64 bytes = 0;
    };
    // Takes the queue of `peer` out (its bytes leave the total) and routes its messages again.
    void release(const identity::Key160 &peer);

    // Standard maps: a QHash reserves room for 48 entries at its first insert.
    std::unordered_map<identity::Key160, WaitingQueue> m_waiting;
    qint64 m_waitingBytes = 0;
    std::unordered_map<identity::Key160, qint64> m_unreachableUntil;
    NextHopOverride m_override;
    Stats m_stats;
};

} // namespace orion::routing
