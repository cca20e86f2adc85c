// SPDX-License-Identifier: GPL-3.0-or-later
#include "crypto/Argon2id.h"

#include "crypto/Random.h"
#include "crypto/Sodium.h"

#include <sodium.h>

namespace orion::crypto {

static_assert(Argon2id::kSaltBytes == crypto_pwhash_SALTBYTES);

namespace {
// A file may ask for more memory than the machine has; above 4 GiB we refuse to try
// rather than let a damaged or hostile key file exhaust memory.
constexpr std::uint64_t kMaxMemLimit = std::uint64_t(4) << 30;
constexpr std::uint64_t kMaxOpsLimit = 64;
} // namespace

Argon2id::Limits Argon2id::Limits::moderate() {
    return {crypto_pwhash_OPSLIMIT_MODERATE, crypto_pwhash_MEMLIMIT_MODERATE};
}

Argon2id::Limits Argon2id::Limits::interactive() {
    return {crypto_pwhash_OPSLIMIT_INTERACTIVE, crypto_pwhash_MEMLIMIT_INTERACTIVE};
}

Argon2id::Limits Argon2id::Limits::minimum() {
    return {crypto_pwhash_OPSLIMIT_MIN, crypto_pwhash_MEMLIMIT_MIN};
}

Status Argon2id::validate(const Limits &limits) {
    if (limits.opsLimit < crypto_pwhash_OPSLIMIT_MIN || limits.opsLimit > kMaxOpsLimit) {
        return Status::failure(QStringLiteral("Argon2id opslimit %1 is outside %2..%3")
                                   .arg(limits.opsLimit)
                                   .arg(crypto_pwhash_OPSLIMIT_MIN)
                                   .arg(kMaxOpsLimit));
    }
    if (limits.memLimit < crypto_pwhash_MEMLIMIT_MIN || limits.memLimit > kMaxMemLimit) {
        return Status::failure(QStringLiteral("Argon2id memlimit %1 is outside %2..%3 bytes")
                                   .arg(limits.memLimit)
                                   .arg(crypto_pwhash_MEMLIMIT_MIN)
                                   .arg(kMaxMemLimit));
    }
    return Status::success();
}

QByteArray Argon2id::randomSalt() {
    return Random::bytes(kSaltBytes);
}

Result<SecureBuffer> Argon2id::deriveKey(QByteArrayView passphrase, QByteArrayView salt,
                                         const Limits &limits, std::size_t outputBytes) {
    if (salt.size() != kSaltBytes) {
        return Result<SecureBuffer>::failure(QStringLiteral("an Argon2id salt has %1 bytes, not %2")
                                                 .arg(kSaltBytes)
                                                 .arg(salt.size()));
    }
    if (auto valid = validate(limits); !valid) {
        return Result<SecureBuffer>::failure(valid.error());
    }
    if (outputBytes < crypto_pwhash_BYTES_MIN) {
        return Result<SecureBuffer>::failure(QStringLiteral("Argon2id output is too short"));
    }
    Sodium::ensureInitialized();
    SecureBuffer key(outputBytes);
    // An empty view may carry a null pointer; libsodium wants a valid one.
    static const char kEmpty = 0;
    const char *pass = passphrase.isEmpty() ? &kEmpty : passphrase.data();
    if (crypto_pwhash(key.data(), outputBytes, pass, std::size_t(passphrase.size()),
                      reinterpret_cast<const unsigned char *>(salt.data()),
                      static_cast<unsigned long long>(limits.opsLimit),
                      std::size_t(limits.memLimit), crypto_pwhash_ALG_ARGON2ID13) != 0) {
        return Result<SecureBuffer>::failure(
            QStringLiteral("Argon2id could not allocate %1 MiB for the key derivation")
                .arg(limits.memLimit >> 20));
    }
    return key;
}

} // namespace orion::crypto
