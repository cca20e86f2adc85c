// SPDX-License-Identifier: GPL-3.0-or-later
#include "routing/NodeInfo.h"

#include "crypto/Blake2b.h"

#include <cstring>

namespace orion::routing {

identity::Key160 NodeInfo::idForPublicKey(QByteArrayView publicKey) {
    return *identity::Key160::fromBytes(crypto::Blake2b::hash160(publicKey));
}

std::optional<NodeInfo> NodeInfo::fromPublicKey(QByteArrayView publicKey,
                                                const Endpoint &endpoint) {
    if (publicKey.size() != qsizetype(sizeof(PublicKey))) {
        return std::nullopt;
    }
    NodeInfo info;
    std::memcpy(info.publicKey.data(), publicKey.data(), info.publicKey.size());
    info.id = idForPublicKey(publicKey);
    info.endpoint = endpoint;
    return info;
}

QByteArray NodeInfo::publicKeyBytes() const {
    return QByteArray(reinterpret_cast<const char *>(publicKey.data()),
                      qsizetype(publicKey.size()));
}

} // namespace orion::routing
