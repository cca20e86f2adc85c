// SPDX-License-Identifier: GPL-3.0-or-later
// ContainerKeyWrap: the key that seals the hosted containers' secrets at rest (container.key),
// derived from the host node's unlocked identity, and that node's ID. Immutable; any thread.
#pragma once

#include "crypto/SecureBuffer.h"
#include "identity/Key160.h"
#include "identity/NodeIdentity.h"

#include <memory>

namespace orion::container {

class ContainerKeyWrap {
public:
    // The BLAKE2b label: a key for this purpose only, so the identity seed itself never
    // encrypts anything and another use of the seed cannot collide with this one.
    static constexpr const char *kLabel = "orion-container-key-wrap-v1";
    static constexpr int kKeyBytes = 32;

    // BLAKE2b-256 keyed with the identity's Ed25519 seed over kLabel. Shared because every
    // holder (the manager, its repository) only reads it; the key is wiped with the last one.
    static std::shared_ptr<const ContainerKeyWrap> fromIdentity(const identity::NodeIdentity &host);

    const crypto::SecureBuffer &key() const { return m_key; }
    // The node whose identity the key comes from, recorded in each sealed file so that a file
    // sealed by another identity is named as such rather than as damaged.
    const identity::Key160 &hostId() const { return m_hostId; }

    // A wrap key of kKeyBytes given directly; fromIdentity() is the one the node uses.
    ContainerKeyWrap(crypto::SecureBuffer key, const identity::Key160 &hostId);

private:
    crypto::SecureBuffer m_key;
    identity::Key160 m_hostId;
};

} // namespace orion::container
