// SPDX-License-Identifier: GPL-3.0-or-later
#include "SocketFlood.h"

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

sockaddr_in loopback(int network, int host, quint16 port) {
    sockaddr_in a{};
    a.sin_family = AF_INET;
    a.sin_port = htons(port);
    a.sin_addr.s_addr = htonl((127u << 24) | (quint32(network) << 8) | quint32(host));
    return a;
}

} // namespace

SocketFlood::~SocketFlood() {
    release();
}

int SocketFlood::open(quint16 port, int networks, int perNetwork, int perAddress, int firstNetwork,
                      int timeoutMs) {
    if (networks * perNetwork > kMaxSockets || firstNetwork < 1 || firstNetwork + networks > 255 ||
        perAddress < 1 || (perNetwork - 1) / perAddress >= 254) {
        qWarning("SocketFlood: refusing a flood that large");
        return 0;
    }
    std::vector<pollfd> pending;
    const sockaddr_in to = loopback(0, 1, port);
    for (int n = firstNetwork; n < firstNetwork + networks; ++n) {
        for (int i = 0; i < perNetwork; ++i) {
            const int fd = ::socket(AF_INET, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0);
            if (fd < 0) {
                continue;
            }
            const sockaddr_in from = loopback(n, 1 + i / perAddress, 0);
            if (::bind(fd, reinterpret_cast<const sockaddr *>(&from), sizeof from) != 0 ||
                (::connect(fd, reinterpret_cast<const sockaddr *>(&to), sizeof to) != 0 &&
                 errno != EINPROGRESS)) {
                ::close(fd);
                continue;
            }
            pending.push_back({fd, POLLOUT, 0});
        }
    }
    // Every connect ends in the kernel (accepted into the node's backlog, or refused); the
    // event loop keeps turning meanwhile so that a node on this thread can accept.
    int connected = 0;
    const QDeadlineTimer deadline(timeoutMs);
    while (!pending.empty() && !deadline.hasExpired()) {
        QCoreApplication::processEvents(QEventLoop::AllEvents, 20);
        if (::poll(pending.data(), nfds_t(pending.size()), 20) <= 0) {
            continue;
        }
        for (auto it = pending.begin(); it != pending.end();) {
            if (it->revents == 0) {
                ++it;
                continue;
            }
            int error = 0;
            socklen_t length = sizeof error;
            ::getsockopt(it->fd, SOL_SOCKET, SO_ERROR, &error, &length);
            if (error == 0) {
                m_fds.push_back(it->fd);
                ++connected;
            } else {
                ::close(it->fd);
            }
            it = pending.erase(it);
        }
    }
    for (const pollfd &p : pending) {
        ::close(p.fd);
    }
    return connected;
}

int SocketFlood::closedByPeer() const {
    int closed = 0;
    for (const int fd : m_fds) {
        char byte = 0;
        const ssize_t n = ::recv(fd, &byte, 1, MSG_PEEK | MSG_DONTWAIT);
        closed += n == 0 || (n < 0 && errno != EAGAIN && errno != EWOULDBLOCK) ? 1 : 0;
    }
    return closed;
}

void SocketFlood::release() {
    for (const int fd : m_fds) {
        ::close(fd);
    }
    m_fds.clear();
}

} // namespace orion::test
