// SPDX-License-Identifier: GPL-3.0-or-later
// RouterConfig: tunables of the routing decision (duplicate cache, waiting queues,
// dialling). Plain value type; any thread.
#pragma once

#include <QtGlobal>

namespace orion::routing {

struct RouterConfig {
    // Message IDs remembered to recognise a message seen before (oldest forgotten first).
    int seenCacheSize = 16384;
    // Messages held for one peer while it is being dialled; more are answered with Busy.
    int maxWaitingPerPeer = 256;
    // ... and their bytes (RoutedMessage::retainedBytes), for one peer and for all peers
    // being dialled together. The first message for a peer is taken whatever its size
    // (within the total), so a message of the largest size can still wait for a dial.
    qint64 maxWaitingBytesPerPeer = qint64{4} * 1024 * 1024;
    qint64 maxWaitingBytes = qint64{32} * 1024 * 1024;
    // A contact that could not be dialled is not tried again as a next hop for this long.
    qint64 unreachableForMs = 30'000;
    // Dial the destination in the background when the routing table knows it but no
    // connection to it exists, while the message itself goes on over a live connection:
    // the rest of a conversation then takes one hop. Only the origin of a message dials
    // (never a relay), and only when it has the smaller ID, so that the two ends of a
    // conversation never dial each other at once.
    bool connectToDestination = true;
    // False for a node without a listener (a leaf): it never relays for others, so its own
    // messages go to the live relay closest to the destination even when that relay is
    // farther from it than the leaf itself; greedy progress starts at that relay.
    bool relay = true;
};

} // namespace orion::routing
