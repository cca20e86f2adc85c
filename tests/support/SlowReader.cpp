// SPDX-License-Identifier: GPL-3.0-or-later
#include "SlowReader.h"

#include "SealedRouting.h"
#include "identity/MemberRecord.h"
#include "net/MessageFramer.h"
#include "net/SecretHandshake.h"
#include "overlay/MessageCodec.h"
#include "routing/RoutedMessage.h"

#include <QCoreApplication>
#include <QDeadlineTimer>

#include <arpa/inet.h>
#include <cerrno>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

namespace orion::test {

namespace {

// The smallest receive buffer the kernel allows: the node's replies fill it at once.
constexpr int kReceiveBuffer = 4096;

bool waitFor(int fd, short events, const QDeadlineTimer &deadline) {
    while (!deadline.hasExpired()) {
        QCoreApplication::processEvents(QEventLoop::AllEvents, 10);
        pollfd p{fd, events, 0};
        if (::poll(&p, 1, 10) > 0) {
            return (p.revents & (POLLERR | POLLHUP | POLLNVAL)) == 0 || (p.revents & events);
        }
    }
    return false;
}

} // namespace

SlowReader::SlowReader(const identity::NetworkKey &networkKey, QObject *parent)
    : QObject(parent)
    , m_networkKey(networkKey.clone()) {
    connect(&m_keepAlive, &QTimer::timeout, this, [this] {
        QByteArray plain, wire;
        net::MessageFramer::encodeKeepAlive(plain);
        m_encryptor.encrypt(plain, wire);
        // Never blocks: the node reads everything, so our send buffer has room.
        if (m_fd >= 0 && ::send(m_fd, wire.constData(), size_t(wire.size()), MSG_DONTWAIT) < 0 &&
            errno != EAGAIN) {
            close();
        }
    });
}

SlowReader::~SlowReader() {
    close();
}

void SlowReader::close() {
    m_keepAlive.stop();
    if (m_fd >= 0) {
        ::close(m_fd);
        m_fd = -1;
    }
}

bool SlowReader::write(QByteArrayView wire, int timeoutMs) {
    const QDeadlineTimer deadline(timeoutMs);
    qsizetype done = 0;
    while (done < wire.size() && m_fd >= 0) {
        const ssize_t n = ::send(m_fd, wire.data() + done, size_t(wire.size() - done),
                                 MSG_DONTWAIT | MSG_NOSIGNAL);
        if (n > 0) {
            done += n;
            continue;
        }
        // Full (wait until it drains) or broken.
        if ((n < 0 && errno != EAGAIN && errno != EWOULDBLOCK) ||
            !waitFor(m_fd, POLLOUT, deadline)) {
            return false;
        }
    }
    return done == wire.size();
}

bool SlowReader::send(const QCborValue &message) {
    QByteArray plain, wire;
    if (!net::MessageFramer::encode(message, plain).ok() || !m_encryptor.encrypt(plain, wire)) {
        return false;
    }
    return write(wire);
}

bool SlowReader::connectTo(quint16 port, const QByteArray &nodeKey, int timeoutMs) {
    close();
    const QDeadlineTimer deadline(timeoutMs);
    m_fd = ::socket(AF_INET, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0);
    const int rcvbuf = kReceiveBuffer;
    ::setsockopt(m_fd, SOL_SOCKET, SO_RCVBUF, &rcvbuf, sizeof rcvbuf);
    sockaddr_in to{};
    to.sin_family = AF_INET;
    to.sin_port = htons(port);
    to.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    if (::connect(m_fd, reinterpret_cast<const sockaddr *>(&to), sizeof to) != 0 &&
        errno != EINPROGRESS) {
        close();
        return false;
    }
    auto hs = net::SecretHandshake::client(
        std::make_shared<const crypto::Ed25519>(m_identity.keyPair().clone()),
        m_networkKey.bytes().view(), nodeKey);
    if (!waitFor(m_fd, POLLOUT, deadline) || !write(hs.takeOutput())) {
        close();
        return false;
    }
    // Only the handshake is read: what the node sends after it (its confirmation) stays
    // unread, like everything else from now on.
    while (!hs.isDone() && !hs.hasFailed()) {
        if (!waitFor(m_fd, POLLIN, deadline)) {
            close();
            return false;
        }
        // Exactly what the handshake still wants: the stream after it stays in the kernel.
        QByteArray buffer(hs.bytesWanted(), Qt::Uninitialized);
        const ssize_t n = ::recv(m_fd, buffer.data(), size_t(buffer.size()), MSG_DONTWAIT);
        if (n == 0 || (n < 0 && errno != EAGAIN)) {
            close();
            return false;
        }
        if (n > 0) {
            hs.feed(QByteArrayView(buffer.constData(), n));
        }
        if (hs.hasOutput() && !write(hs.takeOutput())) {
            close();
            return false;
        }
    }
    if (!hs.isDone()) {
        close();
        return false;
    }
    const net::BoxStreamKeys keys = hs.takeKeys();
    m_encryptor = net::BoxStreamEncryptor(crypto::SecureBuffer::fromBytes(keys.encryptionKey()),
                                          keys.encryptionNonce);
    m_nodeId = identity::NodeIdentity::nodeIdFor(nodeKey);
    m_nodeKey = QByteArray(nodeKey);
    // Port 0: a node that accepts no connections; it is served but never enters a table.
    auto record = identity::MemberRecord::create(m_identity, m_networkKey.networkId(), {}, 0);
    record.sign(m_identity);
    overlay::ActivationMessage activation;
    activation.record = record.toCborMap();
    if (!send(overlay::MessageCodec::encodeActivation(activation))) {
        close();
        return false;
    }
    m_keepAlive.start(5000);
    return true;
}

bool SlowReader::requestEchoes(int count, int bodyBytes) {
    for (int i = 0; i < count && m_fd >= 0; ++i) {
        const auto m = SealedRouting::data(m_identity.nodeId(), m_nodeId, QStringLiteral("echo"),
                                           QByteArray(bodyBytes, 'e'));
        if (!send(SealedRouting::seal(m_identity, m_nodeKey, m).toCbor())) {
            return false;
        }
    }
    return m_fd >= 0;
}

} // namespace orion::test
