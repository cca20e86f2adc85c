// SPDX-License-Identifier: GPL-3.0-or-later
// PeerConnection: one TCP connection to a peer: secret handshake, box stream, framed CBOR
// messages, timeouts, keep-alive, a bounded send queue and goodbye. Lives on the node thread.
#pragma once

#include "crypto/Ed25519.h"
#include "net/BoxStreamDecryptor.h"
#include "net/BoxStreamEncryptor.h"
#include "net/MessageDecoder.h"
#include "net/PeerConnectionObserver.h"
#include "net/PeerSocket.h"
#include "net/SecretHandshake.h"
#include "net/SendBudget.h"
#include "net/TransportConfig.h"

#include <QBasicTimer>
#include <QByteArray>
#include <QCborValue>
#include <QElapsedTimer>
#include <QHostAddress>
#include <QList>
#include <QObject>
#include <QString>

#include <memory>
#include <optional>

namespace orion::net {

class PeerConnection : public QObject, private PeerSocket::Handler {
    Q_OBJECT

public:
    // Closing: our goodbye is sent, the peer's messages are still read until its goodbye.
    enum class State { Connecting, Handshaking, Established, Closing, Closed };
    Q_ENUM(State)

    // Inbound: takes ownership of an accepted socket and acts as the handshake server.
    PeerConnection(PeerSocket *socket, std::shared_ptr<const crypto::Ed25519> identity,
                   QByteArrayView networkKey, const TransportConfig &config,
                   QObject *parent = nullptr);
    // Outbound: dials host:port and acts as the handshake client; the server must prove
    // it holds expectedPublicKey.
    PeerConnection(const QString &host, quint16 port, const QByteArray &expectedPublicKey,
                   std::shared_ptr<const crypto::Ed25519> identity, QByteArrayView networkKey,
                   const TransportConfig &config, QObject *parent = nullptr);
    ~PeerConnection() override;

    // Control: overlay messages, small and needed to keep the node working. Bulk: routed
    // messages, refused as well while the node's SendBudget is full.
    enum class Traffic { Control, Bulk };
    // Queues a message. False when the connection is not established, the message is too
    // large, or the send queue is above its high-water mark (or, for Bulk, the node's
    // budget is used up); writable() follows once this queue has drained to half of it.
    bool send(const QCborValue &message, Traffic traffic = Traffic::Control);
    bool canSend() const;
    // Bytes waiting to be written (plaintext not yet encrypted plus socket buffer).
    qint64 queuedBytes() const;

    // Sends the goodbye after anything queued and closes. Idempotent.
    void close(const QString &reason);
    // Sends the goodbye after anything queued, then keeps reading (and delivering) the
    // peer's messages until its goodbye, the end of the stream, or closeLinger; closed()
    // follows with `reason`. For a connection both ends close at once (a duplicate):
    // what either sent before its goodbye arrives. Not established: the same as close().
    void closeAfterPeer(const QString &reason);

    State state() const { return m_state; }
    bool isEstablished() const { return m_state == State::Established; }
    bool wasEstablished() const { return m_wasEstablished; }
    bool isInbound() const { return m_inbound; }
    // The peer's Ed25519 key: known in advance when outbound, after the handshake when inbound.
    const QByteArray &remotePublicKey() const { return m_remotePublicKey; }
    QHostAddress remoteAddress() const { return m_remoteAddress; }
    quint16 remotePort() const { return m_remotePort; }
    const QString &closeReason() const { return m_closeReason; }
    // True when this connection was closed because the peer broke the stream or message
    // format (a bad frame, an oversized or malformed message).
    bool closedForProtocolError() const { return m_protocolError; }

    qint64 bytesSent() const { return m_bytesSent; }
    qint64 bytesReceived() const { return m_bytesReceived; }
    qint64 messagesSent() const { return m_messagesSent; }
    qint64 messagesReceived() const { return m_messagesReceived; }
    qint64 keepAlivesReceived() const { return m_decoder.keepAlivesReceived(); }

    QString describe() const;
    // The node-wide bound on queued bytes this connection counts against; none by default.
    void setSendBudget(std::shared_ptr<SendBudget> budget);

    // Called before each of established(), messageReceived() and closed(); nullptr for none.
    void setObserver(PeerConnectionObserver *observer) { m_observer = observer; }

Q_SIGNALS:
    void established();
    void messageReceived(const QCborValue &message);
    void writable();
    // Emitted exactly once; the connection is inert afterwards.
    void closed(const QString &reason);

private:
    void init();
    // PeerSocket::Handler
    void socketConnected() override { onConnected(); }
    void socketReadable() override { onReadyRead(); }
    void socketWritten() override { onSocketWritten(); }
    void socketFailed() override { onSocketError(); }
    void onConnected();
    void onReadyRead();
    void onSocketError();
    // Queued bytes went out: encrypts more once the socket's queue is empty.
    void onSocketWritten();
    // The socket ended or failed (no goodbye came): closes with the reason.
    void connectionLost();
    // Emits writable() when a refused send() may now succeed.
    void checkWritable();
    void timerEvent(QTimerEvent *event) override;
    // Handles whatever deadline has passed (handshake, idle, keep-alive) and sets the one
    // timer of this connection to the next.
    void checkDeadlines();
    void sendKeepAliveIfQuiet();
    // Encrypts whatever send() accepted and the goodbye, and writes them.
    void writeGoodbye();
    void notifyEstablished();
    void notifyMessage(const QCborValue &message);
    void notifyClosed(const QString &reason);
    void process(QByteArrayView data);
    void processStream(QByteArrayView data);
    void scheduleFlush();
    void flush();
    qsizetype plainOutPending() const { return m_plainOut.size() - m_plainOutAt; }
    void writeWire(QByteArrayView wire);
    // Brings the budget's count of this connection's queued bytes up to date.
    void account();
    void finishClose(const QString &reason);
    void assertThread() const;

    TransportConfig m_config;
    PeerSocket *m_socket = nullptr;
    State m_state = State::Connecting;
    bool m_inbound = false;
    bool m_wasEstablished = false;
    bool m_protocolError = false;
    quint16 m_port = 0;
    QHostAddress m_remoteAddress;
    quint16 m_remotePort = 0;
    QByteArray m_remotePublicKey;
    QString m_closeReason;

    PeerConnectionObserver *m_observer = nullptr;
    std::shared_ptr<SendBudget> m_budget;
    qint64 m_accounted = 0;                       // this connection's part of m_budget->used
    std::unique_ptr<SecretHandshake> m_handshake; // released once established
    BoxStreamEncryptor m_encryptor;
    BoxStreamDecryptor m_decryptor;
    MessageDecoder m_decoder;

    // m_plainIn and m_wire hold bytes only within one turn of the event loop, m_plainOut
    // only while the socket cannot take more; each gives its storage back afterwards: an
    // idle connection keeps none.
    QByteArray m_plainIn; // decrypted, not yet decoded
    QList<QCborValue> m_inbox;
    QByteArray m_plainOut; // framed messages not yet encrypted, from m_plainOutAt on
    qsizetype m_plainOutAt = 0;
    QByteArray m_wire; // encrypted output, reused for the slices of one flush
    bool m_flushScheduled = false;
    bool m_wantWritable = false;
    bool m_sentSinceKeepAlive = false;

    // One timer per connection, for the earliest of its deadlines (milliseconds on m_clock):
    // a QTimer each would cost three objects and three registrations with the event loop.
    QBasicTimer m_timer;
    QElapsedTimer m_clock;
    qint64 m_handshakeDeadline = 0;
    qint64 m_closingDeadline = 0;
    qint64 m_lastFrameMs = 0;
    qint64 m_nextKeepAliveMs = 0;

    qint64 m_bytesSent = 0;
    qint64 m_bytesReceived = 0;
    qint64 m_messagesSent = 0;
    qint64 m_messagesReceived = 0;
};

} // namespace orion::net
