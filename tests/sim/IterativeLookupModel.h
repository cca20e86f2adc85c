// SPDX-License-Identifier: GPL-3.0-or-later
// IterativeLookupModel: the product's iterative lookup (routing::Lookup: alpha parallel
// find-node requests, done when the k closest answered) run over an OverlayView with a
// latency model instead of an event loop: each request costs the round trip to the node
// asked, plus the dial of a node not yet connected, and a dead node fails at the request
// time-out. For populations too large for OverlayEngine per node. Stateless between runs.
#pragma once

#include "OverlayView.h"

#include <vector>

namespace orion::sim {

struct IterativeConfig {
    int k = 20;
    int alpha = 3;
    // Round trips a dial costs before the find-node can be sent: TCP connect (1), Secret
    // Handshake (4 messages, 2), activation and confirmation (1) — what PeerSessions does.
    double dialRtts = 4;
    double requestTimeoutMs = 3000; // OverlayConfig's default
};

struct IterativeOutcome {
    bool found = false;
    int hops = 0;
    int requests = 0;
    int dials = 0;
    // From the first request to the end of the lookup (the k closest answered).
    double latencyMs = 0;
    // From the first request to the target's answer (when found).
    double foundMs = 0;
    std::vector<int> closest;
};

class IterativeLookupModel {
public:
    IterativeLookupModel(const OverlayView &view, const IterativeConfig &config)
        : m_view(&view)
        , m_config(config) {}

    // `seeds`: more nodes to start from besides the initiator's table (a fallback's start).
    IterativeOutcome run(int from, const identity::Key160 &target,
                         const std::vector<int> &seeds = {}) const;

private:
    const OverlayView *m_view;
    IterativeConfig m_config;
};

} // namespace orion::sim
