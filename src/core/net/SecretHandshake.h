// SPDX-License-Identifier: GPL-3.0-or-later
// SecretHandshake: Secret Handshake v1 (SSB) as a pure state machine over bytes, in the
// client or the server role. Owns the ephemeral key and every intermediate secret; any one thread.
#pragma once

#include "crypto/Ed25519.h"
#include "crypto/SecureBuffer.h"
#include "crypto/X25519.h"
#include "net/BoxStreamKeys.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QString>

#include <memory>

namespace orion::net {

class SecretHandshake {
public:
    static constexpr int kNetworkKeyBytes = 32;
    static constexpr int kMsg1Bytes = 64;
    static constexpr int kMsg2Bytes = 64;
    static constexpr int kMsg3Bytes = 112;
    static constexpr int kMsg4Bytes = 80;

    enum class Role { Client, Server };
    enum class State {
        AwaitingMsg1, // server
        AwaitingMsg2, // client
        AwaitingMsg3, // server
        AwaitingMsg4, // client
        Done,
        Failed,
    };

    // The client must know the server's long-term public key in advance; msg1 is ready in
    // output() at once. Passing an ephemeral key is for known-answer tests only.
    static SecretHandshake client(std::shared_ptr<const crypto::Ed25519> longTerm,
                                  QByteArrayView networkKey, QByteArrayView serverPublicKey,
                                  crypto::X25519 ephemeral = {});
    // The server writes nothing until a valid msg1 has arrived.
    static SecretHandshake server(std::shared_ptr<const crypto::Ed25519> longTerm,
                                  QByteArrayView networkKey, crypto::X25519 ephemeral = {});

    SecretHandshake(SecretHandshake &&) noexcept = default;
    SecretHandshake &operator=(SecretHandshake &&) noexcept = default;
    ~SecretHandshake();

    // Consumes at most the bytes of the message it waits for and returns how many it took;
    // bytes after the last message belong to the box stream and are left to the caller.
    // On a bad message the state becomes Failed and nothing more is ever output.
    qsizetype feed(QByteArrayView bytes);

    // Bytes to send to the peer, taken once.
    QByteArray takeOutput();
    bool hasOutput() const { return !m_output.isEmpty(); }

    Role role() const { return m_role; }
    State state() const { return m_state; }
    bool isDone() const { return m_state == State::Done; }
    bool hasFailed() const { return m_state == State::Failed; }
    const QString &error() const { return m_error; }
    // Bytes still missing from the message being awaited (0 when done or failed).
    int bytesWanted() const;

    // Valid once done.
    const QByteArray &remotePublicKey() const { return m_remotePublicKey; }
    // Valid once done; moves the keys out.
    BoxStreamKeys takeKeys();

private:
    SecretHandshake() = default;

    bool fail(const QString &reason);
    void processMsg1();
    void processMsg2();
    void processMsg3();
    void processMsg4();
    void deriveKeys();
    void start(crypto::X25519 ephemeral);
    int expectedSize() const;

    Role m_role = Role::Client;
    State m_state = State::Failed;
    std::shared_ptr<const crypto::Ed25519> m_longTerm;
    QByteArray m_ephemeralPublic;
    // All secrets of the run in one guarded buffer (see Offsets in the .cpp).
    crypto::SecureBuffer m_secrets;
    QByteArray m_remotePublicKey;    // long-term Ed25519 (server's, known to the client)
    QByteArray m_remoteEphemeral;    // X25519
    QByteArray m_msg1Mac, m_msg2Mac; // first 24 bytes are the stream nonces
    QByteArray m_in;
    QByteArray m_output;
    QString m_error;
    BoxStreamKeys m_keys;
};

} // namespace orion::net
