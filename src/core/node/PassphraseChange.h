// SPDX-License-Identifier: GPL-3.0-or-later
// PassphraseChange: re-seals a profile's identity and network key under a new passphrase
// (or none), under the profile lock, after proving the current one on both files. Used by
// orion-node passwd and the desktop app's dialog. Stateless; any thread.
#pragma once

#include "crypto/Argon2id.h"
#include "node/Profile.h"
#include "util/Result.h"

#include <QByteArrayView>

#include <optional>

namespace orion::node {

class PassphraseChange {
public:
    struct Options {
        // Argon2id limits for the re-sealed files; none: each file keeps the limits it was
        // written with (an unencrypted file gets identity::KdfCost::standard()).
        std::optional<crypto::Argon2id::Limits> limits;
        // Store the keys without a passphrase (`next` is ignored).
        bool removePassphrase = false;
    };

    // Nothing is written unless `current` opens every key file (a wrong passphrase leaves
    // the profile untouched). A file that already opens with `next` is left alone, so a
    // change interrupted between the two files is finished by running it again. If writing
    // the second file fails, the first is put back as it was.
    static Status run(const Profile &profile, QByteArrayView current, QByteArrayView next,
                      const Options &options);
};

} // namespace orion::node
