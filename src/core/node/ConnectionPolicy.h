// SPDX-License-Identifier: GPL-3.0-or-later
// ConnectionPolicy: which connections a node keeps open so that routing over live
// connections works (its closest neighbours and a few contacts per bucket), and which
// surplus connections it closes. Pure functions over a routing table; any thread.
#pragma once

#include "routing/RoutingTable.h"

#include <QSet>

#include <vector>

namespace orion::node {

class ConnectionPolicy {
public:
    struct Connection {
        identity::Key160 peer;
        bool outbound = false; // this node dialled it
        qint64 lastUsedMs = 0; // last message sent or received
        bool awaited = false;  // a reply or a message waits on it: never closed as surplus
        // Inbound from a peer with a listener that the routing table's address limits keep
        // out (its network has its share already): closed as surplus like an outbound one.
        bool strayInbound = false;
    };

    // The peers to stay connected to: the `neighbours` contacts closest to our own ID,
    // then up to `perBucket` contacts of every bucket, those already `connected` first, then
    // best score. Bucket membership is symmetric (the shared prefix of two IDs), so a
    // connection another node opened to fill its bucket fills ours too: preferring it keeps
    // about one connection per bucket pair instead of two.
    static std::vector<routing::NodeInfo> chosen(const routing::RoutingTable &table, int neighbours,
                                                 int perBucket, qint64 nowMs,
                                                 const QSet<identity::Key160> &connected = {});
    // The connections to close: ones this node dialled, and stray inbound ones (an inbound
    // connection of a contact is its dialler's to keep, and a node without a listener is
    // reachable only through the connections it made), never a chosen peer, never one used
    // within `idleMs`; least recently used first, until at most `maxConnections` remain.
    static std::vector<identity::Key160> surplus(std::vector<Connection> connections,
                                                 const std::vector<routing::NodeInfo> &chosen,
                                                 int maxConnections, qint64 nowMs, qint64 idleMs);
};

} // namespace orion::node
