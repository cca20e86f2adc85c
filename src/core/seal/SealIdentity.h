// SPDX-License-Identifier: GPL-3.0-or-later
// SealIdentity: an endpoint's long-term key for sealing: its Ed25519 key pair, the Curve25519
// form of both halves (converted once), and a bounded cache of what each peer costs once: the
// peer's Curve25519 public key and the static-static shared secret (ss). Move-only; one
// thread (the cache is not locked).
#pragma once

#include "crypto/SecureBuffer.h"
#include "util/Result.h"

#include <QByteArray>
#include <QByteArrayView>

#include <cstddef>
#include <map>

namespace orion::seal {

class SealIdentity {
public:
    static constexpr std::size_t kPeerCacheLimit = 1024;

    // The peer's Curve25519 public key and ss = X25519(own secret, peer), both 32 bytes.
    struct Peer {
        QByteArray curvePublicKey;
        crypto::SecureBuffer staticShared;
    };

    SealIdentity() = default;
    SealIdentity(SealIdentity &&) noexcept = default;
    SealIdentity &operator=(SealIdentity &&) noexcept = default;

    // From a libsodium Ed25519 secret key (64 bytes: seed || public key) and the public key
    // it claims to belong to. Fails (Refused) when the two do not match, and for keys that
    // have no valid Curve25519 form.
    static Result<SealIdentity> fromEd25519(const crypto::SecureBuffer &secretKey,
                                            QByteArrayView publicKey);

    bool isNull() const { return m_edPublic.isEmpty(); }
    const QByteArray &edPublicKey() const { return m_edPublic; }
    const QByteArray &curvePublicKey() const { return m_curvePublic; }
    const crypto::SecureBuffer &curveSecretKey() const { return m_curveSecret; }

    // The cached entry for a peer's Ed25519 public key, computed on first use (two public-key
    // operations), nullptr for keys without a valid Curve25519 form or a degenerate ss. The
    // pointer is valid until the next call.
    const Peer *peer(QByteArrayView peerEdPublicKey) const;
    std::size_t cachedPeers() const { return m_peers.size(); }

private:
    QByteArray m_edPublic;
    QByteArray m_curvePublic;
    crypto::SecureBuffer m_curveSecret;
    mutable std::map<QByteArray, Peer> m_peers;
};

} // namespace orion::seal
