// SPDX-License-Identifier: GPL-3.0-or-later
// LivePathLookup: a model of recursive (R/Kademlia) lookups over live connections, with d
// disjoint paths (S/Kademlia): the initiator hands the find-node to its d connected contacts
// closest to the target; each relay forwards it to its connected live contact closest to the
// target (closer than itself, on no other path) until a node has none; that node answers back
// along the path. The target's answer is signed, so one verified answer is enough; relays can
// be made to drop or lie. Optionally falls back to the iterative lookup. Stateless.
#pragma once

#include "IterativeLookupModel.h"
#include "OverlayView.h"

#include <functional>
#include <vector>

namespace orion::sim {

struct LivePathConfig {
    int k = 20;
    // Disjoint paths (d).
    int paths = 1;
    // How long the initiator waits for a path before it gives up on it.
    double pathTimeoutMs = 3000;
    // Proximity route selection: a relay forwards to the connected contact with the least
    // round trip per bit of progress towards the target, instead of to the closest one.
    bool proximity = false;
    // When no path reached the target: an iterative lookup from the nodes the paths returned.
    bool fallback = true;
    IterativeConfig iterative;
};

struct LivePathOutcome {
    bool found = false;
    // Relay hops of the first path that reached the target (else of the longest path).
    int hops = 0;
    // Until the first verified answer of the target, or until every path answered or timed
    // out (and, with a fallback, until the fallback ended).
    double latencyMs = 0;
    bool usedFallback = false;
    // The target's answer (itself and its k-1 closest contacts) when it answered; else the k
    // closest nodes the answers named (or the fallback found), closest first.
    std::vector<int> closest;
    // The relays of each path, first hop first.
    std::vector<std::vector<int>> routes;
};

class LivePathLookup {
public:
    enum class Behaviour { Honest, Drop, Lie };

    LivePathLookup(const OverlayView &view, const LivePathConfig &config)
        : m_view(&view)
        , m_config(config) {}

    // Adversaries: how each relay treats a find-node it should forward or answer.
    void setBehaviour(std::function<Behaviour(int node)> behaviour) {
        m_behaviour = std::move(behaviour);
    }

    LivePathOutcome run(int from, const identity::Key160 &target) const;

private:
    Behaviour behaviourOf(int node) const {
        return m_behaviour ? m_behaviour(node) : Behaviour::Honest;
    }

    const OverlayView *m_view;
    LivePathConfig m_config;
    std::function<Behaviour(int)> m_behaviour;
};

} // namespace orion::sim
