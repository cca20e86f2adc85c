// SPDX-License-Identifier: GPL-3.0-or-later
// SessionKeys: an established session between two endpoints (made by SessionHandshake): one
// key per direction, derived from both ephemeral keys (ee) and the static authentication, so
// a later leak of either long-term key does not open it. Sealing and opening are one
// XChaCha20-Poly1305 each with a counter nonce (type 0x04 in SealFormat.h), no public-key
// operation. Received counters go through a ReplayWindow. A session should be renewed (a new
// handshake) after kRenewAfterMs or kRenewAfterMessages in either direction; it refuses to
// seal at kHardMessageLimit. Times are the caller's monotonic milliseconds. Move-only; one
// thread.
#pragma once

#include "crypto/SecureBuffer.h"
#include "seal/ReplayWindow.h"
#include "util/Result.h"

#include <QByteArray>
#include <QByteArrayView>

#include <cstdint>

namespace orion::seal {

class SessionKeys {
public:
    static constexpr qint64 kRenewAfterMs = qint64(10) * 60 * 1000;
    static constexpr std::uint64_t kRenewAfterMessages = std::uint64_t(1) << 20;
    static constexpr std::uint64_t kHardMessageLimit = std::uint64_t(1) << 21;

    enum class Role { Initiator, Responder };

    SessionKeys() = default;
    SessionKeys(QByteArray sessionId, Role role, crypto::SecureBuffer sendKey,
                crypto::SecureBuffer receiveKey, QByteArray peerPublicKey, qint64 createdAtMs);
    SessionKeys(SessionKeys &&) noexcept = default;
    SessionKeys &operator=(SessionKeys &&) noexcept = default;

    bool isNull() const { return m_id.isEmpty(); }
    const QByteArray &id() const { return m_id; }
    Role role() const { return m_role; }
    // The other end's Ed25519 key, authenticated by the handshake.
    const QByteArray &peerPublicKey() const { return m_peer; }
    qint64 createdAtMs() const { return m_createdAtMs; }
    std::uint64_t sentMessages() const { return m_nextSend; }
    std::uint64_t receivedMessages() const { return m_received; }

    bool needsRenewal(qint64 nowMs) const;

    // Errors: Refused at kHardMessageLimit.
    Result<QByteArray> seal(QByteArrayView header, QByteArrayView plaintext);
    // Errors: InvalidArgument (short, wrong type or session), Unsupported (version), Corrupt
    // (altered bytes or header), AlreadyExists (a replayed or too old counter).
    Result<QByteArray> open(QByteArrayView header, QByteArrayView sealed);

    // Tests only: continue sending at this counter (to reach the limits without sealing a
    // million messages). Counters never go back.
    void skipSendCounterTo(std::uint64_t counter);

private:
    QByteArray m_id;
    Role m_role = Role::Initiator;
    crypto::SecureBuffer m_sendKey;
    crypto::SecureBuffer m_receiveKey;
    QByteArray m_peer;
    qint64 m_createdAtMs = 0;
    std::uint64_t m_nextSend = 0;
    std::uint64_t m_received = 0;
    ReplayWindow m_window;
};

} // namespace orion::seal
