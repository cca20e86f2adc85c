// SPDX-License-Identifier: GPL-3.0-or-later
// ProviderRecord: a signed statement "container C runs on host H" (container key and
// public key, host ID and public key, sequence number, expiry), signed by the container
// key and by the host. Plain value type; any thread.
#pragma once

#include "crypto/Ed25519.h"
#include "identity/Key160.h"
#include "util/Result.h"

#include <QByteArray>
#include <QCborMap>

namespace orion::overlay {

struct ProviderRecord {
    // Records never claim to live longer than this (a day), whatever their expiry says.
    static constexpr qint64 kMaxLifetimeSecs = qint64{24} * 3600;
    // Clocks of honest nodes may differ by this much.
    static constexpr qint64 kClockSkewSecs = 300;

    identity::Key160 containerKey; // BLAKE2b-160 of containerPublicKey
    QByteArray containerPublicKey; // 32 bytes
    identity::Key160 hostId;       // BLAKE2b-160 of hostPublicKey
    QByteArray hostPublicKey;      // 32 bytes
    quint64 sequence = 0;          // a newer record of the same container has a higher one
    qint64 expiresAt = 0;          // seconds since the Unix epoch (UTC)
    QByteArray containerSignature; // over signedBytes(), by the container key
    QByteArray hostSignature;      // over signedBytes(), by the host key

    static ProviderRecord create(const crypto::Ed25519 &container, const crypto::Ed25519 &host,
                                 quint64 sequence, qint64 expiresAt);
    // "orion-provider-v1" || container key || container public key || host ID ||
    // host public key || sequence (u64 BE) || expiry (i64 BE).
    QByteArray signedBytes() const;
    // Every check a receiver makes, in order; the failure names the first problem.
    Status verify(qint64 nowSecs) const;

    QCborMap toCbor() const;
    static Result<ProviderRecord> fromCbor(const QCborMap &map);

    friend bool operator==(const ProviderRecord &, const ProviderRecord &) = default;
};

} // namespace orion::overlay
