// SPDX-License-Identifier: GPL-3.0-or-later
#include "net/PeerSocket.h"

#include "net/Logging.h"

#include <QNetworkInterface>
#include <QTimerEvent>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <sys/socket.h>
#include <unistd.h>

namespace orion::net {

namespace {

constexpr qsizetype kSendSlice = qsizetype{64} * 1024;

QString errnoText(int error) {
    return QString::fromLocal8Bit(std::strerror(error));
}

// Writes are batched per turn of the event loop by the caller; Nagle's algorithm with
// delayed acknowledgements would hold a small message back for up to 40 ms per hop.
void setNoDelay(int fd) {
    const int one = 1;
    ::setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
}

bool toSockaddr(const QHostAddress &address, quint16 port, sockaddr_storage &out,
                socklen_t &length) {
    std::memset(&out, 0, sizeof out);
    if (address.protocol() == QAbstractSocket::IPv4Protocol) {
        auto *in = reinterpret_cast<sockaddr_in *>(&out);
        in->sin_family = AF_INET;
        in->sin_port = htons(port);
        in->sin_addr.s_addr = htonl(address.toIPv4Address());
        length = sizeof(sockaddr_in);
        return true;
    }
    if (address.protocol() == QAbstractSocket::IPv6Protocol) {
        auto *in6 = reinterpret_cast<sockaddr_in6 *>(&out);
        in6->sin6_family = AF_INET6;
        in6->sin6_port = htons(port);
        const Q_IPV6ADDR bytes = address.toIPv6Address();
        std::memcpy(&in6->sin6_addr, bytes.c, 16);
        if (const QString scope = address.scopeId(); !scope.isEmpty()) {
            bool numeric = false;
            const uint index = scope.toUInt(&numeric);
            in6->sin6_scope_id =
                numeric ? index : uint(QNetworkInterface::interfaceIndexFromName(scope));
        }
        length = sizeof(sockaddr_in6);
        return true;
    }
    return false;
}

} // namespace

PeerSocket::PeerSocket(int descriptor, State state, QObject *parent)
    : QObject(parent)
    , m_fd(descriptor)
    , m_state(state) {
    if (m_fd < 0) {
        return;
    }
    m_poller = SocketPoller::forCurrentThread();
    if (!m_poller) {
        fail(QStringLiteral("cannot watch the socket: %1").arg(errnoText(errno)));
        return;
    }
    watch(state == State::Connected, state == State::Connecting);
}

void PeerSocket::watch(bool readable, bool writable) {
    if (m_fd < 0 || !m_poller) {
        return;
    }
    if (!m_poller->watch(m_fd, this, readable, writable)) {
        fail(QStringLiteral("cannot watch the socket: %1").arg(errnoText(errno)));
    }
}

PeerSocket::~PeerSocket() {
    closeDescriptor();
}

PeerSocket *PeerSocket::dial(const QHostAddress &address, quint16 port, QObject *parent) {
    sockaddr_storage target{};
    socklen_t length = 0;
    if (!toSockaddr(address, port, target, length)) {
        auto *socket = new PeerSocket(-1, State::Closed, parent);
        socket->fail(QStringLiteral("the host is not an IP address"));
        return socket;
    }
    const int fd = ::socket(target.ss_family, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0);
    if (fd < 0) {
        const int error = errno;
        auto *socket = new PeerSocket(-1, State::Closed, parent);
        socket->fail(errnoText(error));
        return socket;
    }
    setNoDelay(fd);
    int rc = 0;
    do {
        rc = ::connect(fd, reinterpret_cast<const sockaddr *>(&target), length);
    } while (rc != 0 && errno == EINTR);
    const int error = rc == 0 ? 0 : errno;
    // Connected at once or not: the poller reports the outcome on the next turn
    // (a descriptor that is connected is writable), so the caller always hears it later.
    auto *socket = new PeerSocket(fd, State::Connecting, parent);
    socket->m_peerAddress = address;
    socket->m_peerPort = port;
    if (rc != 0 && error != EINPROGRESS) {
        socket->fail(errnoText(error));
    }
    return socket;
}

PeerSocket *PeerSocket::adopt(qintptr descriptor, QObject *parent) {
    const int fd = int(descriptor);
    const int flags = ::fcntl(fd, F_GETFL);
    if (flags < 0 || ::fcntl(fd, F_SETFL, flags | O_NONBLOCK) < 0) {
        qCWarning(lcNet).noquote() << "cannot use an accepted socket:" << errnoText(errno);
        ::close(fd);
        return nullptr;
    }
    setNoDelay(fd);
    auto *socket = new PeerSocket(fd, State::Connected, parent);
    socket->readPeerAddress();
    return socket;
}

void PeerSocket::readPeerAddress() {
    sockaddr_storage peer{};
    socklen_t length = sizeof peer;
    if (::getpeername(m_fd, reinterpret_cast<sockaddr *>(&peer), &length) == 0) {
        m_peerAddress = QHostAddress(reinterpret_cast<const sockaddr *>(&peer));
        m_peerPort = peer.ss_family == AF_INET6
                         ? ntohs(reinterpret_cast<const sockaddr_in6 *>(&peer)->sin6_port)
                         : ntohs(reinterpret_cast<const sockaddr_in *>(&peer)->sin_port);
    }
}

qint64 PeerSocket::read(char *data, qint64 maxSize) {
    if (m_state != State::Connected && m_state != State::Finishing) {
        return -1;
    }
    for (;;) {
        const ssize_t n = ::recv(m_fd, data, size_t(maxSize), 0);
        if (n > 0) {
            return qint64(n);
        }
        if (n == 0) {
            m_error = QStringLiteral("the remote host closed the connection");
        } else if (errno == EINTR) {
            continue;
        } else if (errno == EAGAIN || errno == EWOULDBLOCK) {
            return 0;
        } else {
            m_error = errnoText(errno);
        }
        // Nothing more will come: stop polling for it.
        if (m_state == State::Connected) {
            m_state = State::Closed;
            watch(false, false);
        }
        return -1;
    }
}

void PeerSocket::write(const char *data, qint64 size) {
    if (size <= 0 || m_fd < 0 || (m_state != State::Connected && m_state != State::Connecting)) {
        return;
    }
    qint64 sent = 0;
    if (m_state == State::Connected && bytesToWrite() == 0) {
        sent = sendSome(data, size);
        if (sent < 0) {
            fail(m_error);
            return;
        }
    }
    if (sent < size) {
        if (m_queueAt > 0 && m_queueAt >= m_queue.size() / 2) {
            // Drop what went out before growing the queue further.
            m_queue.remove(0, m_queueAt);
            m_queueAt = 0;
        }
        m_queue.append(data + sent, size - sent);
        if (m_state == State::Connected) {
            watch(true, true);
        }
    }
}

qint64 PeerSocket::sendSome(const char *data, qint64 size) {
    qint64 sent = 0;
    while (sent < size) {
        const ssize_t n = ::send(m_fd, data + sent, size_t(size - sent), MSG_NOSIGNAL);
        if (n > 0) {
            sent += n;
        } else if (n < 0 && errno == EINTR) {
            continue;
        } else if (n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK)) {
            break;
        } else {
            m_error = errnoText(errno);
            return -1;
        }
    }
    return sent;
}

bool PeerSocket::drainQueue() {
    // At most one slice per turn of the event loop: the other connections of the thread
    // get their turn, and a receiver on the same machine finds the bytes still in cache.
    const qsizetype chunk = std::min(kSendSlice, m_queue.size() - m_queueAt);
    const qint64 sent = sendSome(m_queue.constData() + m_queueAt, chunk);
    if (sent < 0) {
        return false;
    }
    m_queueAt += sent;
    if (m_queueAt < m_queue.size()) {
        return true;
    }
    // Drained: give the storage back (it may have held a burst of megabytes).
    m_queue = QByteArray();
    m_queueAt = 0;
    return true;
}

void PeerSocket::pollWritable() {
    if (m_state == State::Connecting) {
        int error = 0;
        socklen_t length = sizeof error;
        if (::getsockopt(m_fd, SOL_SOCKET, SO_ERROR, &error, &length) != 0) {
            error = errno;
        }
        if (error != 0) {
            fail(errnoText(error));
            return;
        }
        m_state = State::Connected;
        watch(true, bytesToWrite() > 0);
        if (m_handler) {
            m_handler->socketConnected();
        }
        return;
    }
    if (m_state != State::Connected && m_state != State::Finishing) {
        watch(false, false);
        return;
    }
    const qint64 before = bytesToWrite();
    if (!drainQueue()) {
        if (m_state == State::Finishing) {
            closeDescriptor();
            deleteLater();
        } else {
            fail(m_error);
        }
        return;
    }
    const bool drained = bytesToWrite() == 0;
    if (drained) {
        watch(true, false);
        if (m_state == State::Finishing) {
            shutDownWrites();
            return;
        }
    }
    // Every bit of progress is reported, not only an empty queue: a sender refills while
    // the kernel still has bytes to send, and the pipe never runs dry.
    if (m_handler && m_state == State::Connected && bytesToWrite() < before) {
        m_handler->socketWritten();
    }
}

void PeerSocket::pollReadable() {
    if (m_state == State::Finishing) {
        // The peer's last bytes are of no interest now; its end of the stream is.
        char sink[4096];
        for (;;) {
            const ssize_t n = ::recv(m_fd, sink, sizeof sink, 0);
            if (n > 0 || (n < 0 && errno == EINTR)) {
                continue;
            }
            if (n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK)) {
                return;
            }
            closeDescriptor();
            deleteLater();
            return;
        }
    }
    if (m_handler) {
        m_handler->socketReadable();
    } else {
        watch(false, bytesToWrite() > 0);
    }
}

void PeerSocket::fail(const QString &error) {
    if (m_error.isEmpty()) {
        m_error = error;
    }
    m_state = State::Closed;
    watch(false, false);
    if (!m_failureReported) {
        m_failureReported = true;
        // Never from inside the caller's dial() or write().
        QMetaObject::invokeMethod(this, &PeerSocket::reportFailure, Qt::QueuedConnection);
    }
}

void PeerSocket::reportFailure() {
    if (m_handler) {
        m_handler->socketFailed();
    }
}

void PeerSocket::finish(std::chrono::milliseconds linger) {
    m_handler = nullptr;
    if (m_fd < 0 || m_state == State::Closed || m_state == State::Connecting) {
        closeDescriptor();
        deleteLater();
        return;
    }
    m_state = State::Finishing;
    // A member timer, not QTimer::singleShot: that one would outlive the socket until it
    // fires, and a node finishes sockets by the dozen while it bootstraps.
    m_lingerTimer.start(int(std::max<qint64>(0, linger.count())), this);
    watch(true, bytesToWrite() > 0);
    if (bytesToWrite() == 0) {
        shutDownWrites();
    }
}

void PeerSocket::abort() {
    m_handler = nullptr;
    m_lingerTimer.stop();
    closeDescriptor();
    deleteLater();
}

void PeerSocket::timerEvent(QTimerEvent *event) {
    if (event->timerId() != m_lingerTimer.timerId()) {
        QObject::timerEvent(event);
        return;
    }
    m_lingerTimer.stop();
    closeDescriptor();
    deleteLater();
}

void PeerSocket::shutDownWrites() {
    // FIN after the last byte; the descriptor stays open until the peer closes its side.
    ::shutdown(m_fd, SHUT_WR);
}

void PeerSocket::closeDescriptor() {
    if (m_fd < 0) {
        return;
    }
    // The poller must not watch a closed (and possibly reused) descriptor.
    watch(false, false);
    ::close(m_fd);
    m_fd = -1;
    if (m_state != State::Finishing) {
        m_state = State::Closed;
    }
}

} // namespace orion::net
