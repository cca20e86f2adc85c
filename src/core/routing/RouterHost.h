// SPDX-License-Identifier: GPL-3.0-or-later
// RouterHost: what a Router needs from its node: the live connections, sending over one,
// the routing table's contacts, dialling, and local delivery. The node implements it over
// TCP; tests implement it over an in-memory network. Called on the node's thread only.
#pragma once

#include "routing/RoutedMessage.h"

#include <vector>

namespace orion::routing {

class RouterHost {
public:
    enum class SendResult {
        Sent,
        Busy, // the connection's send queue is above its high-water mark
        Gone, // no live connection to that peer any more
    };

    virtual ~RouterHost() = default;

    // IDs of the peers with an active connection that may relay: nodes with a listener.
    // A node without one is a leaf: it is reached over its own connections as a
    // destination but never chosen as a next hop, because nobody else can reach it and
    // greedy routing would strand messages there.
    virtual const std::vector<identity::Key160> &livePeers() const = 0;
    // True when there is an active connection to `peer`, relay or leaf.
    virtual bool isConnected(const identity::Key160 &peer) const = 0;
    virtual SendResult sendToPeer(const identity::Key160 &peer, const RoutedMessage &message) = 0;
    // Up to `count` dialable contacts of the routing table closest to `key`, closest first.
    virtual std::vector<identity::Key160> knownContacts(const identity::Key160 &key,
                                                        int count) const = 0;
    // Dials a known contact; Router::peerUp or Router::connectFailed follows (never from
    // inside this call).
    virtual void connectTo(const identity::Key160 &peer) = 0;
    // A message whose destination is this node (any kind).
    virtual void deliverLocal(const RoutedMessage &message) = 0;
    // An error this node raises about a message on its way (no route, hop limit, busy, ...)
    // travels open: the host signs it as this node's report (RoutedMessage::reporterKey).
    virtual void signReport(RoutedMessage &error) const { (void)error; }
    // Monotonic milliseconds; only used to forget unreachable contacts, never for loops.
    virtual qint64 nowMs() const = 0;
};

} // namespace orion::routing
