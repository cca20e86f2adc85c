// SPDX-License-Identifier: GPL-3.0-or-later
// NodeStatus: the one snapshot of a node, taken on its thread and passed by value to every
// face (the portal's status, orionctl, the desktop app). NodeState is the coarse life-cycle
// state every face shows. Any thread.
#pragma once

#include "net/ConnectionManager.h"
#include "node/DialPolicy.h"
#include "node/MemberCheck.h"
#include "node/MessageSealer.h"
#include "node/Reachability.h"
#include "routing/Router.h"

#include <QDateTime>
#include <QMetaType>
#include <QString>

#include <vector>

namespace orion::node {

enum class NodeState {
    Stopped,    // not started, or stopped cleanly
    Starting,   // being built: keys loaded, listener opening
    Connecting, // running, no peer yet (shown as "waiting for peers", NodeStateWords)
    Online,     // at least one live peer
    Paused,     // networking paused by the user
    Failed,     // could not start; see NodeStatus::error
};

// A copy of what the node knows, for a GUI or the portal (taken on the node thread).
struct NodeStatus {
    NodeState state = NodeState::Stopped;
    QString error; // why the node is Failed; empty otherwise
    QString nodeId;
    QString listenEndpoint;         // empty when not listening
    QString observedAddress;        // what peers this node dialled report, confirmed or not
    QString confirmedAddress;       // the observed address once a dial-back reached this node
    qint64 addressChecksFailed = 0; // observed addresses a dial-back did not confirm
    // Whether peers can dial this node (public, mapped, behind NAT, unknown), the addresses
    // a peer's dial-back reached, and the router's port mapping.
    Reachability::Report reachability;
    int contacts = 0;
    qint64 contactsRefusedNetwork = 0; // turned away by the per-address limits of the table
    int buckets = 0;
    int connections = 0;
    int activePeers = 0;
    int relays = 0; // active peers used as next hops (PeerSessions::livePeers)
    // True once a bootstrap from seeds succeeded, or while the node has a live peer and a
    // routing table that is not empty (a founder whom others dialled is bootstrapped too).
    bool bootstrapped = false;
    bool paused = false;
    // Waiting for peers with no network to reach them on: no interface but loopback is up
    // and the node does not listen on loopback only.
    bool noNetwork = false;
    QString publicKey;    // hex
    QString networkId;    // hex
    QDateTime startedAt;  // UTC; invalid while not running
    qint64 uptimeMs = 0;  // by the node's monotonic clock
    QString portalSocket; // empty when the node has no portal
    // Traffic of every connection since start, closed ones included.
    qint64 bytesIn = 0;
    qint64 bytesOut = 0;
    qint64 messagesIn = 0;
    qint64 messagesOut = 0;
    routing::Router::Stats routing;
    // End-to-end protection: what was sealed and opened, and what was refused (not for this
    // node or altered, replays, forged answers, unsigned errors, open data, withheld answers).
    MessageSealer::Stats sealing;
    int providerRecords = 0;           // provider records stored for others (not our own)
    int containers = 0;                // containers hosted here
    int containersRunning = 0;         // enabled and loaded
    qint64 providerRecordsRefused = 0; // add-provider refused: invalid, not near, quota, full
    // Inbound connections in the handshake now, and what the inbound limits turned away.
    int handshaking = 0;
    net::ConnectionManager::Counters transport;
    // Dials to addresses peers named: made, and refused by the dial policy.
    DialPolicy::Counters dials;
    // Bytes held for others now in the queues with byte budgets, and the messages they
    // refused (docs/settings.md: transport/maxQueuedBytes, routing/maxWaitingBytes and
    // routing.waitingBytesRefused, containers/maxQueuedBytes).
    struct Queues {
        net::SendBudget send;      // waiting to be written, all connections
        qint64 dialBytes = 0;      // routed messages waiting for a dial
        qint64 containerBytes = 0; // messages waiting for a container
        quint64 containerRefused = 0;
        friend bool operator==(const Queues &, const Queues &) = default;
    };
    Queues queues;
    // Member files imported while the node runs, and whether each member was reached.
    std::vector<MemberCheck> memberChecks;

    // The state of a node that is running (or not), paused (or not), with that many peers.
    static NodeState stateOf(bool running, bool paused, int activePeers) {
        return !running          ? NodeState::Stopped
               : paused          ? NodeState::Paused
               : activePeers > 0 ? NodeState::Online
                                 : NodeState::Connecting;
    }
    // Routed messages dropped here: no route, hop limit, or a busy next hop.
    quint64 routedDropped() const { return routing.noRoute + routing.hopLimit + routing.busy; }
    friend bool operator==(const NodeStatus &, const NodeStatus &) = default;
};

} // namespace orion::node

Q_DECLARE_METATYPE(orion::node::NodeStatus)
Q_DECLARE_METATYPE(orion::node::NodeState)
