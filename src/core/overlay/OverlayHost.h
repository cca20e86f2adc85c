// SPDX-License-Identifier: GPL-3.0-or-later
// OverlayHost: everything the overlay logic needs from the world (sending to a node, the
// clocks, timers, randomness). The node implements it over TCP and Qt timers, the simulator
// over an in-memory network with virtual time. Called on the owning node's thread only.
#pragma once

#include "overlay/Messages.h"

#include <functional>

namespace orion::overlay {

class OverlayHost {
public:
    virtual ~OverlayHost() = default;

    // Milliseconds on a monotonic clock.
    virtual qint64 nowMs() const = 0;
    // Milliseconds since the Unix epoch (UTC): the clock of what other nodes must read the
    // same way, such as the expiry of provider records. The simulator runs it on virtual time.
    virtual qint64 wallClockMs() const = 0;
    // Deliver `message` to `to`, connecting first if needed. Delivery is not guaranteed;
    // a node that cannot be reached is reported through OverlayEngine::handleUnreachable
    // or simply never answers.
    virtual void send(const routing::NodeInfo &to, OverlayMessage message) = 0;
    // Run `fn` once after `delayMs` on the node's thread, unless the node is gone.
    virtual void schedule(qint64 delayMs, std::function<void()> fn) = 0;
    virtual quint64 randomU64() = 0;
    // The key of a node this node has a live connection to, leaf or not (empty: none). A
    // find-node for that ID is answered with it, so that a leaf's key can be resolved.
    virtual QByteArray liveKeyOf(const identity::Key160 &id) const {
        (void)id;
        return {};
    }
};

} // namespace orion::overlay
