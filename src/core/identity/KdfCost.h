// SPDX-License-Identifier: GPL-3.0-or-later
// KdfCost: the Argon2id costs a key file may be written with, by name, for every face
// (orion-node --kdf, the setup wizard, passphrase change). Stateless; any thread.
#pragma once

#include "crypto/Argon2id.h"
#include "util/Result.h"

#include <QString>

namespace orion::identity {

class KdfCost {
public:
    static constexpr const char *kModerate = "moderate";
    static constexpr const char *kInteractive = "interactive";

    // libsodium's MODERATE limits (3 passes, 256 MiB): what every new key file gets.
    static crypto::Argon2id::Limits standard() { return crypto::Argon2id::Limits::moderate(); }
    // "moderate" (also for an empty name) or "interactive" (2 passes, 64 MiB, for small
    // machines that ask for it); anything else is an error naming the choices.
    static Result<crypto::Argon2id::Limits> fromName(const QString &name);
};

} // namespace orion::identity
