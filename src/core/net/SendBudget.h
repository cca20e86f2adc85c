// SPDX-License-Identifier: GPL-3.0-or-later
// SendBudget: the bytes waiting in the send queues of all of one node's connections
// together, and the bound on them for bulk traffic (routed messages); control messages of
// the overlay are counted but never refused by it. Owned by a ConnectionManager and shared
// with its connections; node thread only.
#pragma once

#include <QtGlobal>

namespace orion::net {

struct SendBudget {
    qint64 limit = 0;   // bytes; 0: no bound
    qint64 used = 0;    // bytes queued now, plaintext and socket buffers
    qint64 refused = 0; // bulk messages refused because `used` had reached `limit`

    bool full() const { return limit > 0 && used >= limit; }
    friend bool operator==(const SendBudget &, const SendBudget &) = default;
};

} // namespace orion::net
