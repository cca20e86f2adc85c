// SPDX-License-Identifier: GPL-3.0-or-later
// ConnectionManager: owns the listener and every PeerConnection of a node, keeps one
// connection per peer and enforces the inbound limits. Lives on the node thread.
#pragma once

#include "crypto/Ed25519.h"
#include "crypto/SecureBuffer.h"
#include "net/PeerConnection.h"
#include "net/TransportConfig.h"
#include "util/Result.h"
#include "util/TokenBucket.h"

#include <QByteArray>
#include <QCborValue>
#include <QElapsedTimer>
#include <QHash>
#include <QHostAddress>
#include <QList>
#include <QObject>
#include <QSet>

#include <deque>
#include <memory>
#include <unordered_map>
#include <unordered_set>
#include <vector>

namespace orion::net {

class Listener;

class ConnectionManager : public QObject, private PeerConnectionObserver {
    Q_OBJECT

public:
    // identity is cloned; networkKey (32 bytes) is kept in guarded memory.
    ConnectionManager(const crypto::Ed25519 &identity, QByteArrayView networkKey,
                      TransportConfig config, QObject *parent = nullptr);
    ~ConnectionManager() override;

    Status listen(const QHostAddress &address, quint16 port);
    void stopListening();
    quint16 listenPort() const;

    // Dials a peer whose Ed25519 key is known (the handshake requires it). Returns the
    // existing connection when one to that key is established or being dialled.
    // connectionEstablished or connectionClosed follows.
    PeerConnection *connectTo(const QString &host, quint16 port,
                              const QByteArray &expectedPublicKey);

    // Every connection not yet closed, in any state.
    QList<PeerConnection *> connections() const;
    // The established connection to publicKey, or nullptr.
    PeerConnection *connectionFor(const QByteArray &publicKey) const;
    // Inbound connections that completed the handshake, and those still in it.
    int inboundCount() const;
    int handshakingCount() const { return int(m_handshaking.size()); }

    // What the inbound limits turned away since start (docs/settings.md, "transport").
    struct Counters {
        qint64 refusedAcceptRate = 0;       // over acceptsPerSecondPerAddress
        qint64 refusedHandshakeAddress = 0; // maxHandshakingPerAddress was full
        qint64 refusedHandshakeSubnet = 0;  // maxHandshakingPerSubnet was full
        qint64 droppedHalfOpen = 0;         // oldest half-open dropped for a new one
        qint64 refusedInbound = 0;          // maxInbound was full after the handshake
        qint64 refusedAddress = 0;          // maxPerAddress was full after the handshake
        qint64 protocolErrors = 0;          // closed for a bad frame or message
        friend bool operator==(const Counters &, const Counters &) = default;
    };
    const Counters &counters() const { return m_counters; }
    // The bytes queued on every connection together, and the routed messages refused
    // because they had reached TransportConfig::maxQueuedBytes.
    const SendBudget &sendBudget() const { return *m_sendBudget; }

    // Closes every connection (goodbye) and stops listening.
    void closeAll(const QString &reason);
    // Closes a connection the node no longer wants without losing what the peer sent
    // before it saw the goodbye: connectionFor() stops returning it at once (a new dial
    // may start), and it reads the peer's messages up to the peer's goodbye.
    void retire(PeerConnection *connection, const QString &reason);

    const QByteArray &publicKey() const { return m_identity->publicKey(); }
    // For a connection made outside the manager (SelfProbe) with the same key and network.
    const std::shared_ptr<const crypto::Ed25519> &identity() const { return m_identity; }
    QByteArrayView networkKey() const { return m_networkKey.view(); }
    const TransportConfig &config() const { return m_config; }
    // Applies to connections made from now on (and to the limits at once).
    void setConfig(const TransportConfig &config) { m_config = config; }

Q_SIGNALS:
    void connectionEstablished(orion::net::PeerConnection *connection);
    // The connection is deleted later (deleteLater); drop every pointer to it here.
    void connectionClosed(orion::net::PeerConnection *connection, const QString &reason);
    void messageReceived(orion::net::PeerConnection *connection, const QCborValue &message);

private:
    void onIncoming(PeerSocket *socket);
    // Why a new inbound socket from `address` is turned away, or an empty string.
    QString admissionRefusal(const QHostAddress &address);
    // Moves an inbound connection out of the handshake budget (established or closed).
    void leaveHandshake(PeerConnection *connection);
    void adopt(PeerConnection *connection);
    // Forgets connection as the established one for its key (if it is).
    void unregister(const PeerConnection *connection);
    // PeerConnectionObserver
    void onPeerEstablished(PeerConnection *connection) override;
    void onPeerMessage(PeerConnection *connection, const QCborValue &message) override;
    void onPeerClosed(PeerConnection *connection, const QString &reason) override;
    // Which of two connections to the same peer survives; both ends agree on it.
    bool preferNew(const PeerConnection *existing, const PeerConnection *candidate) const;
    void assertThread() const;

    std::shared_ptr<const crypto::Ed25519> m_identity;
    crypto::SecureBuffer m_networkKey;
    TransportConfig m_config;
    Listener *m_listener = nullptr;
    struct AddressHash {
        size_t operator()(const QHostAddress &address) const noexcept { return qHash(address); }
    };
    // The tables below are standard containers: they hold a handful of entries on an
    // honest node, and a QHash reserves room for 48 at its first insert (and keeps it when
    // emptied), a std::deque half a KiB before its first; a node has dozens of them.
    QSet<PeerConnection *> m_connections;
    // established, one per peer
    std::unordered_map<QByteArray, PeerConnection *> m_byKey;
    QHash<QByteArray, PeerConnection *> m_dialling; // outbound, handshake in progress
    // Established inbound connections (counted once their handshake completed).
    std::unordered_set<const PeerConnection *> m_established;
    std::unordered_map<QHostAddress, int, AddressHash> m_inboundPerAddress;
    int m_inbound = 0;
    // Inbound connections in the handshake, oldest first, with their address and network.
    std::vector<PeerConnection *> m_handshaking;
    std::unordered_map<QHostAddress, int, AddressHash> m_handshakingPerAddress;
    std::unordered_map<QByteArray, int> m_handshakingPerSubnet;
    // Accept rate per address; entries that refilled are forgotten when the table grows.
    std::unordered_map<QHostAddress, util::TokenBucket, AddressHash> m_acceptBudget;
    QElapsedTimer m_clock;
    Counters m_counters;
    std::shared_ptr<SendBudget> m_sendBudget;
};

} // namespace orion::net
