// SPDX-License-Identifier: GPL-3.0-or-later
#include "container/ContainerKeyWrap.h"

#include "crypto/Blake2b.h"

namespace orion::container {

ContainerKeyWrap::ContainerKeyWrap(crypto::SecureBuffer key, const identity::Key160 &hostId)
    : m_key(std::move(key))
    , m_hostId(hostId) {
    Q_ASSERT(m_key.size() == kKeyBytes);
}

std::shared_ptr<const ContainerKeyWrap>
ContainerKeyWrap::fromIdentity(const identity::NodeIdentity &host) {
    Q_ASSERT(!host.isNull());
    const crypto::SecureBuffer seed = host.keyPair().seed();
    return std::make_shared<const ContainerKeyWrap>(
        crypto::Blake2b::deriveKey(seed, kLabel, kKeyBytes), host.nodeId());
}

} // namespace orion::container
