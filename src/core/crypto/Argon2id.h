// SPDX-License-Identifier: GPL-3.0-or-later
// Argon2id: derives symmetric keys from passphrases (crypto_pwhash, algorithm Argon2id
// v1.3). Stateless and thread-safe; the derived key is returned in a SecureBuffer.
#pragma once

#include "crypto/SecureBuffer.h"
#include "util/Result.h"

#include <QByteArray>
#include <QByteArrayView>

#include <cstddef>
#include <cstdint>

namespace orion::crypto {

class Argon2id {
public:
    static constexpr int kSaltBytes = 16;

    // The cost of one derivation. The values used are stored beside the salt, so a key
    // file written with any limits is opened with the same ones.
    struct Limits {
        std::uint64_t opsLimit = 0;
        std::uint64_t memLimit = 0; // bytes

        // libsodium's MODERATE limits: the default for every key written to disk.
        static Limits moderate();
        // libsodium's INTERACTIVE limits: for small machines that ask for them explicitly.
        static Limits interactive();
        // The smallest limits libsodium accepts: only for tests that derive many keys.
        static Limits minimum();

        friend bool operator==(const Limits &, const Limits &) = default;
    };

    // Checks that limits are within what libsodium accepts (and that a key file cannot
    // make us allocate an absurd amount of memory).
    static Status validate(const Limits &limits);

    static QByteArray randomSalt();

    // Derives `outputBytes` key bytes. Fails only on invalid limits or salt, or when the
    // memory for the derivation cannot be allocated.
    static Result<SecureBuffer> deriveKey(QByteArrayView passphrase, QByteArrayView salt,
                                          const Limits &limits, std::size_t outputBytes = 32);

    static constexpr const char *kAlgorithmName = "argon2id13";
};

} // namespace orion::crypto
