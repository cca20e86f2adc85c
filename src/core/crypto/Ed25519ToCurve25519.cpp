// SPDX-License-Identifier: GPL-3.0-or-later
#include "crypto/Ed25519ToCurve25519.h"

#include "crypto/Ed25519.h"
#include "crypto/Sodium.h"

#include <sodium.h>

namespace orion::crypto {

Result<QByteArray> Ed25519ToCurve25519::publicKey(QByteArrayView ed25519PublicKey) {
    if (ed25519PublicKey.size() != Ed25519::kPublicKeyBytes) {
        return Result<QByteArray>::failure(QStringLiteral("an Ed25519 public key has 32 bytes"));
    }
    QByteArray out(kCurvePublicKeyBytes, Qt::Uninitialized);
    if (!publicKey(reinterpret_cast<std::uint8_t *>(out.data()),
                   reinterpret_cast<const std::uint8_t *>(ed25519PublicKey.data()))) {
        return Result<QByteArray>::failure(
            QStringLiteral("the Ed25519 public key cannot be converted to Curve25519"));
    }
    return out;
}

Result<SecureBuffer> Ed25519ToCurve25519::secretKey(const SecureBuffer &ed25519SecretKey) {
    if (ed25519SecretKey.size() != std::size_t(Ed25519::kSecretKeyBytes)) {
        return Result<SecureBuffer>::failure(QStringLiteral("an Ed25519 secret key has 64 bytes"));
    }
    SecureBuffer out(kCurveSecretKeyBytes);
    if (!secretKey(out.data(), ed25519SecretKey.data())) {
        return Result<SecureBuffer>::failure(
            QStringLiteral("the Ed25519 secret key cannot be converted to Curve25519"));
    }
    return out;
}

bool Ed25519ToCurve25519::publicKey(std::uint8_t *out, const std::uint8_t *ed25519PublicKey) {
    Sodium::ensureInitialized();
    if (crypto_sign_ed25519_pk_to_curve25519(out, ed25519PublicKey) != 0) {
        sodium_memzero(out, kCurvePublicKeyBytes);
        return false;
    }
    return true;
}

bool Ed25519ToCurve25519::secretKey(std::uint8_t *out, const std::uint8_t *ed25519SecretKey) {
    Sodium::ensureInitialized();
    if (crypto_sign_ed25519_sk_to_curve25519(out, ed25519SecretKey) != 0) {
        sodium_memzero(out, kCurveSecretKeyBytes);
        return false;
    }
    return true;
}

} // namespace orion::crypto
