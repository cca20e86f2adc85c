// SPDX-License-Identifier: GPL-3.0-or-later
// ContainerKeyFile: reads and writes a container's Ed25519 key pair (container.key, JSON,
// owner-only, written atomically). Static functions over plain values; any thread.
#pragma once

#include "identity/NodeIdentity.h"
#include "util/Result.h"

#include <QString>

namespace orion::container {

class ContainerKeyFile {
public:
    static constexpr const char *kFormat = "orion-container-key";

    // Refuses to replace an existing file: a container's key never changes.
    static Status write(const QString &path, const identity::NodeIdentity &key);
    static Result<identity::NodeIdentity> read(const QString &path);
    // The public key alone (the secret is parsed but not kept).
    static Result<QByteArray> readPublicKey(const QString &path);
};

} // namespace orion::container
