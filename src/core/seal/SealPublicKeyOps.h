// SPDX-License-Identifier: GPL-3.0-or-later
// SealPublicKeyOps: every public-key operation of the sealing layer (X25519 key generation,
// Diffie-Hellman, Ed25519-to-Curve25519 conversion of a public key) goes through here and is
// counted in one process-wide atomic, so tests and benchmarks can prove that an established
// session seals and opens without any. Stateless apart from the counter; any thread.
#pragma once

#include <cstdint>

namespace orion::seal {

class SealPublicKeyOps {
public:
    static constexpr int kKeyBytes = 32;

    // Public-key operations performed by this layer since the process started.
    static std::uint64_t count();

    // A fresh X25519 key pair (32 bytes each). One operation.
    static void generate(std::uint8_t *publicKey, std::uint8_t *secretKey);
    // The X25519 public key of a given secret scalar. One operation.
    static bool publicFromSecret(std::uint8_t *publicKey, const std::uint8_t *secretKey);
    // X25519(secret, public) into out. False (out wiped) for an all-zero result, which every
    // small-order or otherwise degenerate public key forces. One operation.
    static bool dh(std::uint8_t *out, const std::uint8_t *secretKey, const std::uint8_t *publicKey);
    // The Curve25519 form of an Ed25519 public key. False for bytes that are not a valid
    // point or that have small order. One operation.
    static bool edPublicToCurve(std::uint8_t *out, const std::uint8_t *ed25519PublicKey);
};

} // namespace orion::seal
