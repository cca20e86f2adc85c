// SPDX-License-Identifier: GPL-3.0-or-later
// PeerSocket: a non-blocking TCP connection on a plain descriptor, for PeerConnection.
// Bytes go straight between the kernel and the caller's buffer; only what the kernel does
// not take at once is queued here. Watched for reading, and for writing only while
// connecting or while bytes wait, by its thread's SocketPoller; no signals: events go to one
// Handler. Lives on the thread that made it.
#pragma once

#include "net/SocketPoller.h"

#include <QBasicTimer>
#include <QByteArray>
#include <QHostAddress>
#include <QObject>
#include <QString>

#include <chrono>
#include <memory>

namespace orion::net {

// Why not QTcpSocket: a node holds tens of connections and opens more for every lookup.
// A QTcpSocket brings a socket engine, three notifiers, two proxy objects and, once
// connected to, a signal table; unbuffered mode must be smuggled into accepted sockets.
// About 2.5 KiB per connection went to that machinery; this class needs a fraction.
class PeerSocket : public QObject, private SocketPoller::Watcher {
    Q_OBJECT

public:
    class Handler {
    public:
        virtual void socketConnected() = 0;
        // Bytes (or the end of the stream) can be read: read() until it returns 0 or -1.
        virtual void socketReadable() = 0;
        // Some queued bytes went out; bytesToWrite() tells how many are left.
        virtual void socketWritten() = 0;
        // The connect failed or a write failed; errorString() says why.
        virtual void socketFailed() = 0;

    protected:
        Handler() = default;
        ~Handler() = default;
        Handler(const Handler &) = default;
        Handler &operator=(const Handler &) = default;
    };

    // Starts connecting to address:port. Success or failure is reported to the handler on
    // a later turn of the event loop, never from inside this call.
    static PeerSocket *dial(const QHostAddress &address, quint16 port, QObject *parent);
    // Takes a connected descriptor (from accept); nullptr, with the descriptor closed, when
    // it cannot be used.
    static PeerSocket *adopt(qintptr descriptor, QObject *parent);
    ~PeerSocket() override;
    PeerSocket(const PeerSocket &) = delete;
    PeerSocket &operator=(const PeerSocket &) = delete;

    void setHandler(Handler *handler) { m_handler = handler; }
    bool isConnected() const { return m_state == State::Connected; }
    // > 0: bytes read; 0: nothing to read now; -1: the stream ended or failed (see
    // errorString()), after which the socket reports nothing more.
    qint64 read(char *data, qint64 maxSize);
    // Hands the bytes to the kernel, queueing what it does not take (also while still
    // connecting). A failure is reported through socketFailed() on a later turn.
    void write(const char *data, qint64 size);
    qint64 bytesToWrite() const { return m_queue.size() - m_queueAt; }
    QHostAddress peerAddress() const { return m_peerAddress; }
    quint16 peerPort() const { return m_peerPort; }
    const QString &errorString() const { return m_error; }
    // Ends the connection gracefully: what is queued still goes out, then the write side
    // is shut down and whatever the peer still sends is read and dropped until it closes
    // too (so no reset destroys bytes in flight). After `linger` at most the descriptor is
    // closed. The socket deletes itself; its handler hears nothing more.
    void finish(std::chrono::milliseconds linger);
    // Ends the connection now: the descriptor is closed at once and nothing is drained.
    // For connections with nothing worth saying (refused, or failed in the handshake).
    // The socket deletes itself; its handler hears nothing more.
    void abort();

private:
    enum class State { Connecting, Connected, Finishing, Closed };

    PeerSocket(int descriptor, State state, QObject *parent);
    void timerEvent(QTimerEvent *event) override;
    // Sets what the poller watches the descriptor for (nothing once it is closed); a
    // failure to watch fails the socket.
    void watch(bool readable, bool writable);
    void pollReadable() override;
    void pollWritable() override;
    // Hands bytes to the kernel until it takes no more: how many it took, or -1 on an
    // error (recorded in m_error).
    qint64 sendSome(const char *data, qint64 size);
    // Writes from the queue; false on an error (recorded, reported later).
    bool drainQueue();
    void fail(const QString &error);
    void reportFailure();
    void shutDownWrites();
    void closeDescriptor();
    void readPeerAddress();

    int m_fd = -1;
    State m_state = State::Closed;
    Handler *m_handler = nullptr;
    std::shared_ptr<SocketPoller> m_poller;
    QBasicTimer m_lingerTimer;
    QByteArray m_queue; // bytes the kernel did not take yet, from m_queueAt on
    qsizetype m_queueAt = 0;
    QHostAddress m_peerAddress;
    quint16 m_peerPort = 0;
    QString m_error;
    bool m_failureReported = false;
};

} // namespace orion::net
