// SPDX-License-Identifier: GPL-3.0-or-later
// NodeInfo: what it takes to reach a node: its ID, the public key its handshake must prove,
// and the endpoint it listens on. Plain value type; any thread.
#pragma once

#include "identity/Key160.h"
#include "routing/Endpoint.h"

#include <QByteArray>
#include <QByteArrayView>

#include <array>
#include <optional>

namespace orion::routing {

using PublicKey = std::array<quint8, 32>;

struct NodeInfo {
    identity::Key160 id;
    PublicKey publicKey{};
    Endpoint endpoint;

    // The ID is always derived from the key (BLAKE2b-160), so a NodeInfo built here
    // cannot pair a key with somebody else's ID.
    static std::optional<NodeInfo> fromPublicKey(QByteArrayView publicKey,
                                                 const Endpoint &endpoint);
    static identity::Key160 idForPublicKey(QByteArrayView publicKey);
    QByteArray publicKeyBytes() const;

    friend bool operator==(const NodeInfo &, const NodeInfo &) = default;
};

} // namespace orion::routing
