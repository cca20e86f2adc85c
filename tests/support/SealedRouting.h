// SPDX-License-Identifier: GPL-3.0-or-later
// SealedRouting: routed messages as a member that writes its own overlay messages seals
// and opens them, with the product's RoutedMessage and SealedEnvelope: what a hostile peer
// needs to reach a node's endpoints, and to read (or fail to read) what comes back.
#pragma once

#include "identity/NodeIdentity.h"
#include "routing/RoutedMessage.h"

#include <optional>

namespace orion::test {

class SealedRouting {
public:
    // `plain` (any kind but Sealed) sealed by `sender` for `receiverKey`: kind Sealed, only
    // the routing header in the clear. `plain.source` is not sent: the key that sealed it is.
    static routing::RoutedMessage seal(const identity::NodeIdentity &sender,
                                       const QByteArray &receiverKey,
                                       const routing::RoutedMessage &plain);
    // A sealed message opened with `receiver`'s key; nullopt when it does not open for it.
    static std::optional<routing::RoutedMessage> open(const identity::NodeIdentity &receiver,
                                                      const routing::RoutedMessage &sealed);
    // A data message from node `from` to node `to` for `service`.
    static routing::RoutedMessage data(const identity::Key160 &from, const identity::Key160 &to,
                                       const QString &service, const QCborValue &body);
};

} // namespace orion::test
