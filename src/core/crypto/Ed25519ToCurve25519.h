// SPDX-License-Identifier: GPL-3.0-or-later
// Ed25519ToCurve25519: converts Ed25519 signing keys to the X25519 keys of the same
// birational point, so a long-term signing key can also agree on secrets. Stateless.
#pragma once

#include "crypto/SecureBuffer.h"
#include "util/Result.h"

#include <QByteArray>
#include <QByteArrayView>

#include <cstdint>

namespace orion::crypto {

class Ed25519ToCurve25519 {
public:
    static constexpr int kCurvePublicKeyBytes = 32;
    static constexpr int kCurveSecretKeyBytes = 32;

    // Fails for bytes that are not a valid, non-small-order Ed25519 point.
    static Result<QByteArray> publicKey(QByteArrayView ed25519PublicKey);
    static Result<SecureBuffer> secretKey(const SecureBuffer &ed25519SecretKey);

    // Raw forms writing 32 bytes to out; false on failure (out wiped).
    static bool publicKey(std::uint8_t *out, const std::uint8_t *ed25519PublicKey);
    static bool secretKey(std::uint8_t *out, const std::uint8_t *ed25519SecretKey);
};

} // namespace orion::crypto
