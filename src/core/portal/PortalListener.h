// SPDX-License-Identifier: GPL-3.0-or-later
// PortalListener: the portal's Unix-domain listening socket, owner-only, handing out each
// client as a QLocalSocket. Lives on the node thread.
#pragma once

#include "util/Result.h"

#include <QBasicTimer>
#include <QObject>
#include <QString>

class QLocalSocket;
class QSocketNotifier;

namespace orion::portal {

// Why not QLocalServer: on the first accept that fails (a process out of descriptors, say)
// it closes itself and deletes its socket file, and the node would have no portal until
// restarted. This listener stops accepting for a moment instead and then goes on; clients
// wait in the listen queue meanwhile.
class PortalListener : public QObject {
    Q_OBJECT

public:
    explicit PortalListener(QObject *parent = nullptr);
    ~PortalListener() override;
    PortalListener(const PortalListener &) = delete;
    PortalListener &operator=(const PortalListener &) = delete;

    // Listens at `path` (which must not exist), readable and writable by the owner only
    // from the moment clients can connect.
    Status listen(const QString &path);
    // Stops listening and removes the socket file.
    void close();
    bool isListening() const { return m_fd >= 0; }
    // Clients closed at once because they run as another user.
    qint64 refusedPeers() const { return m_refusedPeers; }

Q_SIGNALS:
    // A client connected. The socket is a child of the listener; the receiver takes it.
    void incoming(QLocalSocket *socket);

protected:
    void timerEvent(QTimerEvent *event) override;

private:
    void acceptAll();

    int m_fd = -1;
    QSocketNotifier *m_notifier = nullptr;
    QBasicTimer m_retry;
    QString m_path;
    qint64 m_refusedPeers = 0;
};

} // namespace orion::portal
