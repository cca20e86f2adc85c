// SPDX-License-Identifier: GPL-3.0-or-later
// ContainerKeyFile: reads and writes a container's Ed25519 key pair (container.key, JSON,
// owner-only, written atomically), the seed sealed under the host's ContainerKeyWrap and the
// public key in clear. Static functions over plain values; any thread.
#pragma once

#include "container/ContainerKeyWrap.h"
#include "identity/NodeIdentity.h"
#include "util/Result.h"

#include <QString>

namespace orion::container {

class ContainerKeyFile {
public:
    static constexpr const char *kFormat = "orion-container-key";
    // 2: the seed sealed (docs/containers.md). Files of version 1 have no "version" field and
    // hold the seed in clear; they are still read, and rewritten sealed when opened.
    static constexpr int kVersion = 2;
    static constexpr int kLegacyVersion = 1;
    static constexpr const char *kWrapKdf = "blake2b-256-keyed";

    // The bytes the AEAD authenticates besides the seed: "orion-container-key-v2\n" ||
    // container public key (32) || host node ID (20).
    static QByteArray associatedData(QByteArrayView publicKey, const identity::Key160 &hostId);

    // Refuses to replace an existing file: a container's key never changes.
    static Status write(const QString &path, const identity::NodeIdentity &key,
                        const ContainerKeyWrap &wrap);
    // Opens the key. A version-1 file is checked, rewritten sealed (atomically, owner-only)
    // and its key returned; a failed rewrite is logged and leaves the old file. Errors name
    // the file: not found, damaged (Corrupt), sealed by another identity (WrongPassphrase),
    // unknown version or algorithm (Unsupported).
    static Result<identity::NodeIdentity> read(const QString &path, const ContainerKeyWrap &wrap);
    // The public key alone, without the wrap key (for listing and scanning). A version-1
    // file's seed is checked against it and not kept.
    static Result<QByteArray> readPublicKey(const QString &path);
    // 1 or 2, for tests and diagnostics; fails like readPublicKey.
    static Result<int> version(const QString &path);
};

} // namespace orion::container
