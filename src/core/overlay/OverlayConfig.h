// SPDX-License-Identifier: GPL-3.0-or-later
// OverlayConfig: tunables of the overlay protocol logic (lookups, timeouts, maintenance).
// Plain value type; any thread.
#pragma once

#include "routing/RoutingConfig.h"

namespace orion::overlay {

struct OverlayConfig {
    routing::RoutingConfig routing;
    // Parallel requests of one lookup.
    int alpha = 3;
    // A request not answered within this time counts as a failure.
    qint64 requestTimeoutMs = 3000;
    // A bucket without activity for this long is refreshed by a lookup into its range.
    qint64 refreshIntervalMs = qint64{15} * 60 * 1000;
    // How often maintenance (refresh, re-challenge) runs; 0 disables the periodic timer.
    qint64 maintenanceIntervalMs = qint64{60} * 1000;
    // Contacts pinged per maintenance round at random, to keep liveness honest.
    int challengesPerRound = 1;
    // Most entries accepted in, and sent in, a nodes reply.
    int maxNodesPerReply = 20;
};

} // namespace orion::overlay
