// SPDX-License-Identifier: GPL-3.0-or-later
// Contact: a routing-table entry: a node and what we have observed of it (first and last
// seen, round-trip time, failures), which together give its score. Value type; owned by
// a RoutingTable on the node thread.
#pragma once

#include "routing/NodeInfo.h"

namespace orion::routing {

struct Contact {
    NodeInfo info;
    qint64 firstSeenMs = 0;
    qint64 lastSeenMs = 0;
    // Smoothed round-trip time; 0 while unknown.
    quint32 rttMs = 0;
    // Consecutive requests it failed to answer; reset by any answer.
    quint16 failures = 0;
    // The network (Endpoint::subnetKey) the node was observed at when it connected to us,
    // or is dialled at: what the address-diversity limits count. Never the address a node
    // merely claims for itself, which costs an attacker nothing.
    quint64 subnet = 0;

    // Higher is better. Long uptime counts most (nodes that have been up long tend to stay
    // up), failures cost heavily, a slow round trip a little, a recent answer helps.
    int score(qint64 nowMs) const;
    void recordRtt(quint32 sampleMs);
};

} // namespace orion::routing
