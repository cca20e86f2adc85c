// SPDX-License-Identifier: GPL-3.0-or-later
// Lookup: the state of one iterative find-node lookup (Kademlia, parallelism alpha): the
// candidates ordered by distance to the target and which of them were asked, answered or
// failed. Pure logic without I/O, driven by the overlay on the node thread.
#pragma once

#include "routing/NodeInfo.h"

#include <vector>

namespace orion::routing {

class Lookup {
public:
    enum class State : quint8 { Pending, InFlight, Answered, Failed };
    struct Candidate {
        NodeInfo info;
        State state = State::Pending;
        // Sequential requests it took to learn of this node (1: known before the lookup).
        quint8 depth = 1;
    };

    Lookup(const identity::Key160 &target, const identity::Key160 &self, int k, int alpha);

    const identity::Key160 &target() const { return m_target; }
    // Nodes to consider; `depth` is one more than the depth of the node that named them.
    void addCandidates(const std::vector<NodeInfo> &nodes, int depth);
    // The next nodes to ask (now marked in flight): the closest not yet asked, keeping at
    // most alpha requests outstanding.
    std::vector<NodeInfo> nextQueries();
    void answered(const identity::Key160 &from, const std::vector<NodeInfo> &nodes);
    void failed(const identity::Key160 &from);

    // Done when the k closest nodes that did not fail have all answered, or nobody is
    // left to ask.
    bool isFinished() const;
    const Candidate *candidate(const identity::Key160 &id) const;
    // The closest nodes that answered, at most k, closest first.
    std::vector<NodeInfo> result() const;
    // The target itself answered.
    bool found() const { return m_found; }
    int hops() const;
    int requests() const { return m_requests; }
    int answers() const { return m_answers; }
    int failures() const { return m_failures; }
    // Candidates left out because another ID was named at their host and port.
    int sharedEndpoints() const { return m_sharedEndpoints; }
    int inFlight() const { return m_inFlight; }

private:
    Candidate *find(const identity::Key160 &id);

    identity::Key160 m_target;
    identity::Key160 m_self;
    int m_k;
    int m_alpha;
    std::vector<Candidate> m_candidates; // ordered by distance to the target
    int m_inFlight = 0;
    int m_requests = 0;
    int m_answers = 0;
    int m_failures = 0;
    int m_sharedEndpoints = 0;
    std::vector<Endpoint> m_queried; // every endpoint asked, for one dial per endpoint
    int m_targetDepth = 0;
    bool m_found = false;
};

} // namespace orion::routing
