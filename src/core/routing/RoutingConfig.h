// SPDX-License-Identifier: GPL-3.0-or-later
// RoutingConfig: the tunables of a routing table, with the defaults the protocol
// document names. Plain value type; any thread.
#pragma once

#include <QtGlobal>

namespace orion::routing {

struct RoutingConfig {
    // Contacts per bucket (Kademlia's k).
    int k = 20;
    // Candidates kept per bucket for when a contact fails.
    int replacementCacheSize = 8;
    // Limits against eclipse attempts: contacts per subnet (/24 IPv4, /64 IPv6) in one
    // bucket and in the whole table. Off only where all nodes share an address (tests).
    bool addressLimits = true;
    int maxPerSubnetInBucket = 2;
    int maxPerSubnetInTable = 10;
    // A contact not heard from for this long is pinged before a newcomer is turned away.
    qint64 questionableAfterMs = qint64{15} * 60 * 1000;
    // Failed requests after which a contact is dropped even with no replacement waiting.
    int maxFailures = 3;
};

} // namespace orion::routing
