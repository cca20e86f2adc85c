// SPDX-License-Identifier: GPL-3.0-or-later
// DialPolicy: whether the node may open a connection to an address it learned from a peer.
// A peer's nodes reply or member record can name any host and port; without a policy one
// reply makes the node connect wherever it says. Refused always: addresses no peer can be
// at (unspecified, multicast, broadcast, no port). Loopback and private targets only when
// the node itself is on such a network — it listens on, publishes or was given a seed at an
// address of that scope, or (private networks) one of its interfaces has one — unless the
// user allows them outright. And a rate limit on all dials. Node thread only.
#pragma once

#include "routing/Endpoint.h"
#include "util/TokenBucket.h"

#include <QHostAddress>
#include <QString>

namespace orion::node {

class DialPolicy {
public:
    struct Limits {
        // Dial loopback and private addresses even when the node has none of its own.
        bool dialLocalAddresses = false;
        // Connections opened per second, with bursts of dialBurst. The burst is sized for a
        // node that starts and looks up tens of nodes at once (a restart with saved
        // contacts); the rate caps what any number of peers' replies can make it dial.
        double dialsPerSecond = 64;
        double dialBurst = 256;
    };
    struct Counters {
        qint64 dials = 0;          // allowed
        qint64 refusedScope = 0;   // a loopback or private target the node is not on
        qint64 refusedRate = 0;    // over dialsPerSecond
        qint64 refusedInvalid = 0; // an address no peer can be at
        friend bool operator==(const Counters &, const Counters &) = default;
    };

    DialPolicy(const Limits &limits, qint64 nowMs);

    // The node is on the network of `address` (it listens on, publishes or was given it).
    void allowScopeOf(const QHostAddress &address);
    // Private networks the host has an interface in.
    void allowScopesOfInterfaces();
    // A node's own networks: where it listens, what it publishes, its host's interfaces.
    void allowScopesOf(const QHostAddress &listen, const QStringList &advertised);
    bool allowsScope(routing::Endpoint::Scope scope) const;

    // Empty when `to` may be dialled now (and the dial is counted), else why not.
    QString refusal(const routing::Endpoint &to, qint64 nowMs);

    const Counters &counters() const { return m_counters; }

private:
    Limits m_limits;
    bool m_loopback = false;
    bool m_private = false;
    util::TokenBucket m_rate;
    Counters m_counters;
};

} // namespace orion::node
