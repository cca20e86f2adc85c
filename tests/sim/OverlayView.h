// SPDX-License-Identifier: GPL-3.0-or-later
// OverlayView: what the lookup models (live-path and the table-driven iterative one) need to
// know of a simulated population: IDs, liveness, each node's table, its live connections and
// the round trip between two nodes. Implemented by SimNetwork (the product's RoutingTable per
// node) and CompactNetwork (index tables). Read-only; single-threaded.
#pragma once

#include "identity/Key160.h"

#include <vector>

namespace orion::sim {

class OverlayView {
public:
    virtual ~OverlayView() = default;

    virtual int nodeCount() const = 0;
    virtual const identity::Key160 &nodeId(int node) const = 0;
    virtual bool nodeAlive(int node) const = 0;
    // The `count` contacts of `node`'s table closest to `target` by XOR distance, closest
    // first, as node indexes (what RoutingTable::closest answers).
    virtual void closestContacts(int node, const identity::Key160 &target, int count,
                                 std::vector<int> &out) const = 0;
    // Whether a and b hold a connection: the first connectedPerBucket contacts of each bucket
    // of either table are kept connected (R/Kademlia's assumption, bounded).
    virtual bool connected(int a, int b) const = 0;
    virtual double rttMs(int a, int b) const = 0;
};

} // namespace orion::sim
