// SPDX-License-Identifier: GPL-3.0-or-later
#include "seal/SealIdentity.h"

#include "crypto/Ed25519.h"
#include "crypto/Ed25519ToCurve25519.h"
#include "seal/SealPublicKeyOps.h"

#include <sodium.h>

namespace orion::seal {

namespace {
const std::uint8_t *raw(QByteArrayView view) {
    return reinterpret_cast<const std::uint8_t *>(view.data());
}
} // namespace

Result<SealIdentity> SealIdentity::fromEd25519(const crypto::SecureBuffer &secretKey,
                                               QByteArrayView publicKey) {
    if (secretKey.size() != std::size_t(crypto::Ed25519::kSecretKeyBytes) ||
        publicKey.size() != crypto::Ed25519::kPublicKeyBytes) {
        return Result<SealIdentity>::failure(
            ErrorCode::InvalidArgument,
            QStringLiteral("an Ed25519 key pair has a 64-byte secret and a 32-byte public key"));
    }
    // libsodium's secret key ends in its public key: a pair that disagrees would seal under
    // one key while claiming another.
    if (sodium_memcmp(secretKey.data() + crypto::Ed25519::kSeedBytes, raw(publicKey),
                      std::size_t(crypto::Ed25519::kPublicKeyBytes)) != 0) {
        return Result<SealIdentity>::failure(
            ErrorCode::Refused,
            QStringLiteral("the sender's public key does not match its secret"));
    }
    SealIdentity identity;
    identity.m_edPublic = publicKey.toByteArray();
    identity.m_curvePublic.resize(crypto::Ed25519ToCurve25519::kCurvePublicKeyBytes);
    if (!SealPublicKeyOps::edPublicToCurve(
            reinterpret_cast<std::uint8_t *>(identity.m_curvePublic.data()), raw(publicKey))) {
        return Result<SealIdentity>::failure(
            ErrorCode::InvalidArgument,
            QStringLiteral("the Ed25519 public key has no valid Curve25519 form"));
    }
    auto curveSecret = crypto::Ed25519ToCurve25519::secretKey(secretKey);
    if (!curveSecret) {
        return Result<SealIdentity>::failure(curveSecret.errorValue());
    }
    identity.m_curveSecret = std::move(curveSecret).value();
    return identity;
}

const SealIdentity::Peer *SealIdentity::peer(QByteArrayView peerEdPublicKey) const {
    if (peerEdPublicKey.size() != crypto::Ed25519::kPublicKeyBytes || isNull()) {
        return nullptr;
    }
    const QByteArray key = peerEdPublicKey.toByteArray();
    if (auto found = m_peers.find(key); found != m_peers.end()) {
        return &found->second;
    }
    Peer entry;
    entry.curvePublicKey.resize(crypto::Ed25519ToCurve25519::kCurvePublicKeyBytes);
    auto *curve = reinterpret_cast<std::uint8_t *>(entry.curvePublicKey.data());
    if (!SealPublicKeyOps::edPublicToCurve(curve, raw(peerEdPublicKey))) {
        return nullptr;
    }
    entry.staticShared = crypto::SecureBuffer(SealPublicKeyOps::kKeyBytes);
    if (!SealPublicKeyOps::dh(entry.staticShared.data(), m_curveSecret.data(), curve)) {
        return nullptr;
    }
    // Bounded: a full cache starts over rather than tracking use (entries are cheap to redo).
    if (m_peers.size() >= kPeerCacheLimit) {
        m_peers.clear();
    }
    return &m_peers.emplace(key, std::move(entry)).first->second;
}

} // namespace orion::seal
