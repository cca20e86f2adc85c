// SPDX-License-Identifier: GPL-3.0-or-later
// PublicIdentity: the public half of a node identity as read from its key file without
// the passphrase (for display and `orion-node id`). A plain value; any thread.
#pragma once

#include "identity/Key160.h"

#include <QByteArray>

namespace orion::identity {

struct PublicIdentity {
    QByteArray publicKey; // 32 bytes, Ed25519
    Key160 nodeId;        // BLAKE2b-160 of publicKey
    bool encrypted = true;
};

} // namespace orion::identity
