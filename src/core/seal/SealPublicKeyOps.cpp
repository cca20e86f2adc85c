// SPDX-License-Identifier: GPL-3.0-or-later
#include "seal/SealPublicKeyOps.h"

#include "crypto/Ed25519ToCurve25519.h"
#include "crypto/X25519.h"

#include <atomic>

namespace orion::seal {

namespace {
std::atomic<std::uint64_t> g_operations{0};

void countOne() {
    g_operations.fetch_add(1, std::memory_order_relaxed);
}
} // namespace

std::uint64_t SealPublicKeyOps::count() {
    return g_operations.load(std::memory_order_relaxed);
}

void SealPublicKeyOps::generate(std::uint8_t *publicKey, std::uint8_t *secretKey) {
    countOne();
    crypto::X25519::generate(publicKey, secretKey);
}

bool SealPublicKeyOps::publicFromSecret(std::uint8_t *publicKey, const std::uint8_t *secretKey) {
    countOne();
    auto key = crypto::X25519::fromSecretKey(
        QByteArrayView(reinterpret_cast<const char *>(secretKey), kKeyBytes));
    if (!key) {
        return false;
    }
    std::copy_n(key->publicKey().constData(), kKeyBytes, reinterpret_cast<char *>(publicKey));
    return true;
}

bool SealPublicKeyOps::dh(std::uint8_t *out, const std::uint8_t *secretKey,
                          const std::uint8_t *publicKey) {
    countOne();
    return crypto::X25519::scalarMult(out, secretKey, publicKey);
}

bool SealPublicKeyOps::edPublicToCurve(std::uint8_t *out, const std::uint8_t *ed25519PublicKey) {
    countOne();
    return crypto::Ed25519ToCurve25519::publicKey(out, ed25519PublicKey);
}

} // namespace orion::seal
