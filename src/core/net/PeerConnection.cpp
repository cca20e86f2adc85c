// SPDX-License-Identifier: GPL-3.0-or-later
#include "net/PeerConnection.h"

#include "net/Logging.h"
#include "net/MessageFramer.h"

#include <QThread>
#include <QTimer>
#include <QTimerEvent>

#include <algorithm>
#include <limits>

namespace orion::net {

namespace {
// Bytes taken from the kernel per read. A bulk transfer loops over reads until the socket is
// empty; each read costs a system call and leaves a frame cut in two at its end, whose
// first part is copied aside. 64 KiB (about 16 frames) make both a small part of the cost
// of decrypting what was read; the buffer is one per thread, not per connection.
constexpr qsizetype kReadChunk = qsizetype{64} * 1024;
// Plaintext per encrypted slice handed to the socket: 15 full frames.
constexpr qsizetype kWriteSlice = qsizetype{15} * BoxStreamEncryptor::kMaxBodyBytes;

// One read buffer per thread, shared by every connection on it, instead of one held by each
// of a node's (possibly hundreds of) idle connections. A connection processes what it read
// before reading again; a read nested inside that processing (a handler that closes another
// connection drains its socket) takes a buffer of its own. Exactly kReadChunk bytes, left
// uninitialised: a QByteArray would round the allocation up to the next power of two.
struct ReadScratch {
    std::unique_ptr<char[]> bytes;
    bool busy = false;
};
thread_local ReadScratch t_readScratch;

class ScratchLease {
public:
    ScratchLease() {
        if (!t_readScratch.busy) {
            t_readScratch.busy = true;
            m_leased = true;
            if (!t_readScratch.bytes) {
                t_readScratch.bytes.reset(new char[kReadChunk]);
            }
            m_data = t_readScratch.bytes.get();
        } else {
            m_own.reset(new char[kReadChunk]);
            m_data = m_own.get();
        }
    }
    ~ScratchLease() {
        if (m_leased) {
            t_readScratch.busy = false;
        }
    }
    ScratchLease(const ScratchLease &) = delete;
    ScratchLease &operator=(const ScratchLease &) = delete;
    char *data() const { return m_data; }
    static constexpr qsizetype size() { return kReadChunk; }

private:
    std::unique_ptr<char[]> m_own;
    char *m_data = nullptr;
    bool m_leased = false;
};
} // namespace

PeerConnection::PeerConnection(PeerSocket *socket, std::shared_ptr<const crypto::Ed25519> identity,
                               QByteArrayView networkKey, const TransportConfig &config,
                               QObject *parent)
    : QObject(parent)
    , m_config(config)
    , m_socket(socket)
    , m_state(State::Handshaking)
    , m_inbound(true) {
    m_socket->setParent(this);
    m_remoteAddress = m_socket->peerAddress();
    m_remotePort = m_socket->peerPort();
    m_handshake =
        std::make_unique<SecretHandshake>(SecretHandshake::server(std::move(identity), networkKey));
    init();
}

PeerConnection::PeerConnection(const QString &host, quint16 port,
                               const QByteArray &expectedPublicKey,
                               std::shared_ptr<const crypto::Ed25519> identity,
                               QByteArrayView networkKey, const TransportConfig &config,
                               QObject *parent)
    : QObject(parent)
    , m_config(config)
    , m_state(State::Connecting)
    , m_inbound(false)
    , m_port(port)
    , m_remotePort(port)
    , m_remotePublicKey(expectedPublicKey) {
    m_remoteAddress = QHostAddress(host);
    m_handshake = std::make_unique<SecretHandshake>(
        SecretHandshake::client(std::move(identity), networkKey, expectedPublicKey));
    init();
}

PeerConnection::~PeerConnection() {
    if (m_budget) {
        m_budget->used -= m_accounted;
    }
}

void PeerConnection::setSendBudget(std::shared_ptr<SendBudget> budget) {
    if (m_budget) {
        m_budget->used -= m_accounted;
    }
    m_budget = std::move(budget);
    m_accounted = 0;
    account();
}

void PeerConnection::account() {
    if (m_budget) {
        const qint64 now = queuedBytes();
        m_budget->used += now - m_accounted;
        m_accounted = now;
    }
}

void PeerConnection::init() {
    if (!m_inbound) {
        // A host that is not an IP address fails like a refused connect: on a later turn.
        m_socket = PeerSocket::dial(m_remoteAddress, m_port, this);
    }
    m_socket->setHandler(this);
    m_decoder.setFirstMessageMaxBytes(m_config.firstMessageMaxBytes);

    m_clock.start();
    // A peer that says nothing at all is given less time than one that is handshaking.
    m_handshakeDeadline =
        m_inbound ? std::min(m_config.firstMessageTimeout, m_config.handshakeTimeout).count()
                  : m_config.handshakeTimeout.count();
    checkDeadlines();

    if (m_handshake->hasFailed()) {
        // A malformed key or network key: fail on the next turn of the loop so the owner
        // has connected to closed() by then.
        QMetaObject::invokeMethod(
            this,
            [this, reason = QStringLiteral("handshake failed: ") + m_handshake->error()] {
                close(reason);
            },
            Qt::QueuedConnection);
        return;
    }
}

void PeerConnection::assertThread() const {
    Q_ASSERT_X(QThread::currentThread() == thread(), "PeerConnection",
               "used from a thread other than the node thread");
}

QString PeerConnection::describe() const {
    const QString who = m_remotePublicKey.isEmpty()
                            ? QStringLiteral("?")
                            : QString::fromLatin1(m_remotePublicKey.first(4).toHex());
    return QStringLiteral("%1 %2 %3:%4")
        .arg(m_inbound ? QStringLiteral("inbound") : QStringLiteral("outbound"), who,
             m_remoteAddress.toString())
        .arg(m_remotePort);
}

void PeerConnection::onConnected() {
    if (m_state != State::Connecting) {
        return;
    }
    m_remoteAddress = m_socket->peerAddress();
    m_remotePort = m_socket->peerPort();
    m_state = State::Handshaking;
    writeWire(m_handshake->takeOutput());
}

void PeerConnection::onReadyRead() {
    const ScratchLease scratch;
    // Read until the kernel has nothing more (0). The end of the stream or an error is -1.
    while (m_state != State::Closed && m_socket) {
        const qint64 n = m_socket->read(scratch.data(), ScratchLease::size());
        if (n == 0) {
            break;
        }
        if (n < 0) {
            connectionLost();
            break;
        }
        if (m_bytesReceived == 0 && m_state == State::Handshaking) {
            m_handshakeDeadline = m_config.handshakeTimeout.count();
        }
        m_bytesReceived += n;
        process(QByteArrayView(scratch.data(), n));
    }
    // The plaintext buffer is reused by the reads of this turn, and given back after it.
    m_plainIn = QByteArray();
}

void PeerConnection::process(QByteArrayView data) {
    if (m_state == State::Handshaking) {
        const qsizetype used = m_handshake->feed(data);
        if (m_handshake->hasFailed()) {
            // Nothing more is written: a peer with the wrong network key learns nothing.
            close(QStringLiteral("handshake failed: ") + m_handshake->error());
            return;
        }
        if (m_handshake->hasOutput()) {
            writeWire(m_handshake->takeOutput());
        }
        if (!m_handshake->isDone()) {
            return;
        }
        m_remotePublicKey = m_handshake->remotePublicKey();
        BoxStreamKeys keys = m_handshake->takeKeys();
        m_encryptor = BoxStreamEncryptor(crypto::SecureBuffer::fromBytes(keys.encryptionKey()),
                                         keys.encryptionNonce);
        m_decryptor = BoxStreamDecryptor(crypto::SecureBuffer::fromBytes(keys.decryptionKey()),
                                         keys.decryptionNonce);
        m_handshake.reset();
        m_state = State::Established;
        m_wasEstablished = true;
        m_lastFrameMs = m_clock.elapsed();
        m_nextKeepAliveMs = m_lastFrameMs + m_config.keepAliveInterval.count();
        checkDeadlines();
        qCDebug(lcNet).noquote() << "established" << qPrintable(describe());
        notifyEstablished();
        if (m_state != State::Established) {
            return;
        }
        data = data.sliced(used);
    }
    if ((m_state == State::Established || m_state == State::Closing) && !data.isEmpty()) {
        processStream(data);
    }
}

void PeerConnection::processStream(QByteArrayView data) {
    const qint64 framesBefore = m_decryptor.framesDecrypted();
    const Status streamStatus = m_decryptor.feed(data, m_plainIn);
    if (m_decryptor.framesDecrypted() != framesBefore || m_decryptor.isFinished()) {
        m_lastFrameMs = m_clock.elapsed();
    }
    Status messageStatus = Status::success();
    if (!m_plainIn.isEmpty()) {
        messageStatus = m_decoder.feed(m_plainIn, m_inbox);
        m_plainIn.resize(0);
    }
    // Deliver what arrived intact before any error; a receiver may close us meanwhile.
    auto receiving = [this] { return m_state == State::Established || m_state == State::Closing; };
    for (qsizetype i = 0; i < m_inbox.size() && receiving(); ++i) {
        ++m_messagesReceived;
        notifyMessage(m_inbox.at(i));
    }
    m_inbox.clear();
    if (m_state == State::Closing) {
        if (!streamStatus || !messageStatus || m_decryptor.isFinished()) {
            finishClose(m_closeReason);
        }
        return;
    }
    if (m_state != State::Established) {
        return;
    }
    if (!streamStatus) {
        m_protocolError = true;
        close(QStringLiteral("protocol error: ") + streamStatus.error());
    } else if (!messageStatus) {
        m_protocolError = true;
        close(QStringLiteral("protocol error: ") + messageStatus.error());
    } else if (m_decryptor.isFinished()) {
        close(m_decoder.hasPartialMessage()
                  ? QStringLiteral("protocol error: goodbye inside a message")
                  : QStringLiteral("peer said goodbye"));
    }
}

void PeerConnection::onSocketError() {
    if (m_state == State::Closed || !m_socket) {
        return;
    }
    // Bytes that arrived before the error still count (they may hold the goodbye).
    onReadyRead();
    connectionLost();
}

void PeerConnection::connectionLost() {
    if (m_state == State::Closed || !m_socket) {
        return;
    }
    const QString detail = m_socket->errorString().isEmpty() ? QStringLiteral("disconnected")
                                                             : m_socket->errorString();
    switch (m_state) {
    case State::Connecting:
        finishClose(QStringLiteral("connect failed: ") + detail);
        break;
    case State::Handshaking:
        finishClose(QStringLiteral("connection lost during handshake: ") + detail);
        break;
    case State::Established:
        finishClose(QStringLiteral("connection lost before goodbye: ") + detail);
        break;
    case State::Closing:
        finishClose(m_closeReason);
        break;
    case State::Closed:
        break;
    }
}

bool PeerConnection::canSend() const {
    return m_state == State::Established && queuedBytes() < m_config.sendHighWaterMark;
}

qint64 PeerConnection::queuedBytes() const {
    return plainOutPending() + (m_socket ? m_socket->bytesToWrite() : 0);
}

bool PeerConnection::send(const QCborValue &message, Traffic traffic) {
    assertThread();
    if (m_state != State::Established) {
        return false;
    }
    if (queuedBytes() >= m_config.sendHighWaterMark) {
        m_wantWritable = true;
        return false;
    }
    if (traffic == Traffic::Bulk && m_budget && m_budget->full()) {
        ++m_budget->refused;
        return false;
    }
    const Status status = MessageFramer::encode(message, m_plainOut);
    if (!status) {
        qCWarning(lcNet).noquote()
            << "not sending to" << qPrintable(describe()) << ":" << status.error();
        return false;
    }
    ++m_messagesSent;
    account();
    scheduleFlush();
    return true;
}

void PeerConnection::scheduleFlush() {
    // Batch every message queued in this turn of the event loop into as few frames and
    // socket writes as possible.
    if (!m_flushScheduled) {
        m_flushScheduled = true;
        QMetaObject::invokeMethod(this, &PeerConnection::flush, Qt::QueuedConnection);
    }
}

void PeerConnection::flush() {
    m_flushScheduled = false;
    if (m_state != State::Established || plainOutPending() == 0 || !m_socket) {
        return;
    }
    // Encrypt in slices into one reused buffer, and only as long as the kernel takes all of
    // each: what it refuses would be copied into the socket's queue and sent from there, so
    // the rest waits as plaintext until the socket has drained (socketWritten()). At most a
    // slice of wire bytes is ever queued in the socket.
    while (plainOutPending() > 0 && m_socket->bytesToWrite() == 0) {
        const qsizetype size = std::min(kWriteSlice, plainOutPending());
        m_wire.resize(0);
        m_encryptor.encrypt(QByteArrayView(m_plainOut).sliced(m_plainOutAt, size), m_wire);
        m_plainOutAt += size;
        writeWire(m_wire);
    }
    m_wire = QByteArray();
    if (plainOutPending() == 0) {
        m_plainOut = QByteArray();
        m_plainOutAt = 0;
    } else if (m_plainOutAt >= m_plainOut.size() / 2) {
        // Drop what went out before the queue grows further (at most once per half of it).
        m_plainOut.remove(0, m_plainOutAt);
        m_plainOutAt = 0;
    }
    m_sentSinceKeepAlive = true;
    account();
    // The unbuffered socket hands to the kernel at once whatever fits and signals
    // bytesWritten only for what it had to hold back; a queue that drained right here is
    // reported here.
    checkWritable();
}

void PeerConnection::onSocketWritten() {
    if (plainOutPending() > 0 && m_socket && m_socket->bytesToWrite() == 0) {
        flush(); // checks writable itself
        return;
    }
    checkWritable();
}

void PeerConnection::writeWire(QByteArrayView wire) {
    if (!m_socket || wire.isEmpty()) {
        return;
    }
    m_bytesSent += wire.size();
    m_socket->write(wire.data(), wire.size());
}

void PeerConnection::checkWritable() {
    account();
    if (m_wantWritable && m_state == State::Established &&
        queuedBytes() <= m_config.sendHighWaterMark / 2) {
        m_wantWritable = false;
        Q_EMIT writable();
    }
}

void PeerConnection::timerEvent(QTimerEvent *event) {
    if (event->timerId() == m_timer.timerId()) {
        checkDeadlines();
    } else {
        QObject::timerEvent(event);
    }
}

void PeerConnection::checkDeadlines() {
    if (m_state == State::Closed) {
        m_timer.stop();
        return;
    }
    const qint64 now = m_clock.elapsed();
    qint64 next = 0;
    if (m_state == State::Closing) {
        if (now >= m_closingDeadline) {
            finishClose(m_closeReason);
            return;
        }
        next = m_closingDeadline;
    } else if (m_state != State::Established) {
        if (now >= m_handshakeDeadline) {
            close(QStringLiteral("handshake timeout"));
            return;
        }
        next = m_handshakeDeadline;
    } else {
        // Only received frames count: a peer that went away still gets our keep-alives.
        const qint64 idleAt = m_lastFrameMs + m_config.idleTimeout.count();
        if (now >= idleAt) {
            close(QStringLiteral("idle timeout"));
            return;
        }
        if (now >= m_nextKeepAliveMs) {
            sendKeepAliveIfQuiet();
            m_nextKeepAliveMs = now + m_config.keepAliveInterval.count();
        }
        next = std::min(idleAt, m_nextKeepAliveMs);
    }
    m_timer.start(int(std::clamp<qint64>(next - now, 1, std::numeric_limits<int>::max())), this);
}

void PeerConnection::sendKeepAliveIfQuiet() {
    if (!m_sentSinceKeepAlive && plainOutPending() == 0) {
        MessageFramer::encodeKeepAlive(m_plainOut);
        flush();
    }
    m_sentSinceKeepAlive = false;
}

void PeerConnection::notifyEstablished() {
    if (m_observer) {
        m_observer->onPeerEstablished(this);
    }
    Q_EMIT established();
}

void PeerConnection::notifyMessage(const QCborValue &message) {
    if (m_observer) {
        m_observer->onPeerMessage(this, message);
    }
    Q_EMIT messageReceived(message);
}

void PeerConnection::notifyClosed(const QString &reason) {
    if (auto *observer = std::exchange(m_observer, nullptr)) {
        observer->onPeerClosed(this, reason);
    }
    Q_EMIT closed(reason);
}

void PeerConnection::close(const QString &reason) {
    assertThread();
    if (m_state == State::Closed) {
        return;
    }
    if (m_state == State::Established) {
        writeGoodbye();
    }
    // Closing: the goodbye is already out; stop waiting for the peer's.
    finishClose(reason);
}

void PeerConnection::closeAfterPeer(const QString &reason) {
    assertThread();
    if (m_state != State::Established) {
        close(reason);
        return;
    }
    writeGoodbye();
    m_state = State::Closing;
    m_closeReason = reason;
    m_closingDeadline = m_clock.elapsed() + m_config.closeLinger.count();
    checkDeadlines();
}

void PeerConnection::writeGoodbye() {
    // Whatever was accepted by send() goes out before the goodbye.
    QByteArray wire;
    if (plainOutPending() > 0) {
        m_encryptor.encrypt(QByteArrayView(m_plainOut).sliced(m_plainOutAt), wire);
    }
    m_plainOut.clear();
    m_plainOutAt = 0;
    m_encryptor.goodbye(wire);
    writeWire(wire);
    account();
}

void PeerConnection::finishClose(const QString &reason) {
    m_state = State::Closed;
    m_closeReason = reason;
    m_timer.stop();
    m_handshake.reset();
    m_plainOut.clear();
    m_plainOutAt = 0;
    m_inbox.clear();

    if (PeerSocket *socket = std::exchange(m_socket, nullptr)) {
        if (!m_wasEstablished) {
            // Nothing to drain before a box stream exists: the descriptor goes at once, so
            // connections that fail their handshake in bulk hold no descriptors.
            socket->setParent(parent());
            socket->abort();
        } else {
            // The socket outlives this object until its queue (ending in the goodbye)
            // drains and the peer closes its side, bounded by closeLinger; closing it at
            // once could drop those bytes. It deletes itself.
            socket->setParent(parent());
            socket->finish(m_config.closeLinger);
        }
    }
    account(); // a lingering socket drains on its own, outside the budget
    qCInfo(lcNet).noquote() << "closed" << describe() << "reason:" << reason;
    notifyClosed(reason);
}

} // namespace orion::net
