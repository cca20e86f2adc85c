// SPDX-License-Identifier: GPL-3.0-or-later
// NodeController: the GUI's only handle on the node. Owns the backend thread and the backend
// living on it, and exposes the facade split by concern (status, routing, messages,
// containers).
// Lives on the GUI thread; every call into the node is a queued call.
#pragma once

#include "facade/ContainerFeed.h"
#include "facade/MessageChannel.h"
#include "facade/NodeBackend.h"
#include "facade/RoutingFeed.h"
#include "facade/StatusFeed.h"

#include <QObject>
#include <QPointer>

#include <functional>
#include <memory>

class QThread;

namespace orion::app::facade {

class NodeController : public QObject {
    Q_OBJECT

public:
    using BackendFactory = std::function<std::unique_ptr<NodeBackend>()>;

    explicit NodeController(BackendFactory factory, QObject *parent = nullptr);
    ~NodeController() override;

    StatusFeed *status() const { return m_status; }
    RoutingFeed *routing() const { return m_routing; }
    MessageChannel *messages() const { return m_messages; }
    ContainerFeed *containers() const { return m_containers; }

    bool isRunning() const { return m_thread != nullptr; }
    bool isPaused() const { return m_paused; }

    // Starts the backend thread and the node; state arrives through status().
    void start();
    // Asks the node to stop; stopped() follows once its thread has ended.
    void stop();
    // Stops and waits (for Quit and destruction); the node's goodbye deadline bounds the
    // wait. True when the thread has ended.
    bool stopAndWait();
    void setPaused(bool paused);

    // Results arrive by memberFileExported / memberFileImported with the returned id.
    quint64 exportMemberFile();
    quint64 importMemberFile(const QByteArray &content);
    // The network key as text; the answer arrives by networkKeyRead with the returned id.
    quint64 requestNetworkKey();
    // This node's invite (orion:join?…); the answer arrives by inviteReady.
    quint64 requestInvite();

Q_SIGNALS:
    void started();
    void stopped();
    void pausedChanged(bool paused);
    void memberFileExported(quint64 requestId, const QByteArray &content, const QString &error);
    void memberFileImported(quint64 requestId, const QString &error);
    void networkKeyRead(quint64 requestId, const QString &keyText, const QString &error);
    void inviteReady(quint64 requestId, const QString &uri, const QString &error);

private:
    template <typename F>
    void post(F &&call);
    void finishStop();

    BackendFactory m_factory;
    StatusFeed *m_status;
    RoutingFeed *m_routing;
    MessageChannel *m_messages;
    ContainerFeed *m_containers;
    QThread *m_thread = nullptr;
    QPointer<NodeBackend> m_backend;
    bool m_paused = false;
    bool m_stopping = false;
    quint64 m_nextRequest = 1;
};

} // namespace orion::app::facade
