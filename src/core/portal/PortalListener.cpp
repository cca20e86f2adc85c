// SPDX-License-Identifier: GPL-3.0-or-later
#include "portal/PortalListener.h"

#include "portal/PortalDirectory.h"
#include "portal/PortalLog.h"

#include <QFile>
#include <QLocalSocket>
#include <QSocketNotifier>
#include <QTimerEvent>

#include <cerrno>
#include <cstring>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/un.h>
#include <unistd.h>

namespace orion::portal {

namespace {

// After a failed accept, the pause before the next try.
constexpr int kAcceptRetryMs = 500;
constexpr int kBacklog = 64;

QString errnoText(int error) {
    return QString::fromLocal8Bit(std::strerror(error));
}

} // namespace

PortalListener::PortalListener(QObject *parent)
    : QObject(parent) {}

PortalListener::~PortalListener() {
    close();
}

Status PortalListener::listen(const QString &path) {
    close();
    const QByteArray encoded = QFile::encodeName(path);
    sockaddr_un address{};
    address.sun_family = AF_UNIX;
    if (encoded.isEmpty() || size_t(encoded.size()) >= sizeof address.sun_path) {
        return Status::failure(QStringLiteral("the portal socket path is empty or longer than %1 "
                                              "bytes: %2")
                                   .arg(sizeof address.sun_path - 1)
                                   .arg(path));
    }
    std::memcpy(address.sun_path, encoded.constData(), size_t(encoded.size()));
    const int fd = ::socket(AF_UNIX, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0);
    if (fd < 0) {
        return Status::failure(errnoText(errno));
    }
    // Owner-only before anyone can connect: a bound socket refuses connections until
    // listen(), so the mode is set in between.
    if (::bind(fd, reinterpret_cast<const sockaddr *>(&address), sizeof address) != 0) {
        const int error = errno;
        ::close(fd);
        return Status::failure(errnoText(error));
    }
    if (::chmod(encoded.constData(), S_IRUSR | S_IWUSR) != 0 || ::listen(fd, kBacklog) != 0) {
        const int error = errno;
        ::close(fd);
        ::unlink(encoded.constData()); // ours: bind made it
        return Status::failure(errnoText(error));
    }
    m_fd = fd;
    m_path = path;
    m_notifier = new QSocketNotifier(qintptr(fd), QSocketNotifier::Read, this);
    connect(m_notifier, &QSocketNotifier::activated, this, &PortalListener::acceptAll);
    return Status::success();
}

void PortalListener::close() {
    m_retry.stop();
    if (m_notifier) {
        m_notifier->setEnabled(false);
        delete m_notifier;
        m_notifier = nullptr;
    }
    if (m_fd >= 0) {
        ::close(m_fd);
        m_fd = -1;
        QFile::remove(m_path);
    }
}

void PortalListener::acceptAll() {
    while (m_fd >= 0) {
        const int client = ::accept4(m_fd, nullptr, nullptr, SOCK_NONBLOCK | SOCK_CLOEXEC);
        if (client < 0) {
            const int error = errno;
            if (error == EAGAIN || error == EWOULDBLOCK) {
                return;
            }
            if (error == EINTR || error == ECONNABORTED) {
                continue;
            }
            // Out of descriptors or memory: the client waits in the queue while we pause
            // (level-triggered, the notifier would fire again at once).
            qCWarning(lcPortal).noquote() << "portal accept failed:" << errnoText(error)
                                          << "- trying again in" << kAcceptRetryMs << "ms";
            m_notifier->setEnabled(false);
            m_retry.start(kAcceptRetryMs, this);
            return;
        }
        // The socket is the owner's only (mode 0600 in a 0700 directory); the credentials
        // are checked all the same, in case a descriptor or path was handed on.
        if (auto ok = PortalDirectory::checkPeer(client, true); !ok) {
            qCWarning(lcPortal).noquote() << "portal client refused:" << ok.error();
            ::close(client);
            ++m_refusedPeers;
            continue;
        }
        auto *socket = new QLocalSocket(this);
        if (!socket->setSocketDescriptor(qintptr(client))) {
            qCWarning(lcPortal).noquote()
                << "cannot use an accepted portal client:" << socket->errorString();
            ::close(client);
            delete socket;
            continue;
        }
        Q_EMIT incoming(socket);
    }
}

void PortalListener::timerEvent(QTimerEvent *event) {
    if (event->timerId() != m_retry.timerId()) {
        QObject::timerEvent(event);
        return;
    }
    m_retry.stop();
    if (m_notifier) {
        m_notifier->setEnabled(true);
        acceptAll();
    }
}

} // namespace orion::portal
