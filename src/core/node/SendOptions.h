// SPDX-License-Identifier: GPL-3.0-or-later
// SendOptions: how Node::sendMessage treats one message (what the target key is, the
// sending endpoint, hop limit, receipt and timeout). Plain value type; any thread.
#pragma once

#include "identity/Key160.h"
#include "routing/RoutedMessage.h"

#include <optional>

namespace orion::node {

struct SendOptions {
    enum class Target {
        Auto,      // a container key when a provider record names it, else a node ID
        Node,      // the target is a node ID: route to it
        Container, // the target is a container key: resolve its host first
    };
    Target target = Target::Auto;
    // The sending endpoint (a container key hosted here); default: the node itself.
    std::optional<identity::Key160> source;
    int hopLimit = routing::RoutedMessage::kDefaultHopLimit;
    // Ask the destination for a receipt and report a Timeout error when neither receipt,
    // reply nor error arrives within this many ms (-1: NodeConfig::routeTimeoutMs;
    // 0: no receipt, nothing reported unless an error comes back).
    qint64 timeoutMs = -1;
    // RoutedMessage::routeDepth: set by containers routing on, 0 for everyone else.
    int routeDepth = 0;
    identity::Key160 routeOrigin; // RoutedMessage::routeOrigin, with routeDepth
};

} // namespace orion::node
