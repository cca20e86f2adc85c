// SPDX-License-Identifier: GPL-3.0-or-later
// NodeBackend: the backend-thread side of the GUI facade. Owns the node (through a subclass)
// and lives on the backend thread; it publishes batched value snapshots and takes requests as
// queued calls. The GUI never holds a pointer to it, only NodeController does.
#pragma once

#include "facade/ConsoleMessage.h"
#include "facade/ContainerInfo.h"
#include "facade/NodeEvent.h"
#include "facade/NodeStatus.h"
#include "facade/RoutingSnapshot.h"
#include "util/Result.h"

#include <QByteArray>
#include <QList>
#include <QObject>
#include <QTimer>
#include <functional>

namespace orion::app::facade {

class NodeBackend : public QObject {
    Q_OBJECT

public:
    // How often snapshots are taken; values only travel when something changed.
    static constexpr int kSnapshotIntervalMs = 250;

    explicit NodeBackend(QObject *parent = nullptr);
    ~NodeBackend() override;

    // Entry points, always run on the backend thread (NodeController queues them).
    void start();
    void stop();
    void setPaused(bool paused);
    void sendMessage(quint64 requestId, const QString &targetHex, const QString &service,
                     const QByteArray &body);
    void containerCommand(quint64 requestId, orion::app::facade::ContainerCommand command,
                          const QString &name, const QString &source);
    void watchContainer(const QString &name);
    void exportMemberFile(quint64 requestId);
    void importMemberFile(quint64 requestId, const QByteArray &content);
    void readNetworkKey(quint64 requestId);
    // The invite (orion:join?…) for this node: the network key and the member card.
    void makeInvite(quint64 requestId);

Q_SIGNALS:
    void statusSnapshot(const orion::app::facade::NodeStatus &status);
    void routingSnapshot(const orion::app::facade::RoutingSnapshot &routing);
    void messagesBatch(const QList<orion::app::facade::ConsoleMessage> &messages);
    void nodeEvent(const orion::app::facade::NodeEvent &event);
    void containersSnapshot(const QList<orion::app::facade::ContainerInfo> &containers);
    void containerDetail(const orion::app::facade::ContainerDetail &detail);
    void containerCommandFinished(quint64 requestId, const QString &error, const QString &message);
    void memberFileExported(quint64 requestId, const QByteArray &content, const QString &error);
    void memberFileImported(quint64 requestId, const QString &error);
    void networkKeyRead(quint64 requestId, const QString &keyText, const QString &error);
    void inviteMade(quint64 requestId, const QString &uri, const QString &error);
    void stopped();
    // After setPaused: whether the node is paused now (a failed resume leaves it paused).
    void pauseApplied(bool paused);

protected:
    // Build and start the node; a failure is reported as NodeState::Failed with the reason.
    virtual Status startNode() = 0;
    // Stop networking and release the node; called once, on the backend thread. `done` runs
    // (on that thread) once the node has said goodbye and is gone.
    virtual void stopNode(std::function<void()> done) = 0;
    // Paused keeps tables and containers; a failed resume leaves the node paused.
    virtual Status pauseNode(bool paused) = 0;
    virtual NodeStatus currentStatus() const = 0;
    virtual RoutingSnapshot currentRouting() const = 0;
    // Routes `body` to `target`/`service`; a failure carries the reason shown to the user.
    // What follows (delivered, reply, error) is reported with queueConsole and `requestId`.
    virtual Status routeMessage(quint64 requestId, const identity::Key160 &target,
                                const QString &service, const QByteArray &body) = 0;
    // Containers: a backend without them reports none and refuses every command.
    virtual QList<ContainerInfo> currentContainers() const { return {}; }
    // Returns what was done, for the user ("created with key ...").
    virtual Result<QString> runContainerCommand(ContainerCommand command, const QString &name,
                                                const QString &source);
    // The source, the log lines after `sinceId` and the stored data of one container.
    virtual Result<ContainerDetail> readContainer(const QString &name, quint64 sinceId) const;
    virtual Result<QByteArray> memberFile() const = 0;
    virtual Status addMember(const QByteArray &content) = 0;
    // The network key as text (orion-net:…), for the user to pass on to new members.
    virtual Result<QString> networkKeyText() const;

    // Subclasses call this for every message that arrives for the console's service and
    // for every result of a console send; it is delivered with the next batch.
    void queueConsole(ConsoleMessage message);

private:
    void publish();
    void publishContainers(bool force);

    QTimer *m_timer = nullptr;
    bool m_running = false;
    bool m_paused = false;
    bool m_failed = false;
    QString m_failure;
    NodeStatus m_lastStatus;
    RoutingSnapshot m_lastRouting;
    bool m_havePublished = false;
    QList<ConsoleMessage> m_pending;
    QList<ContainerInfo> m_lastContainers;
    bool m_havePublishedContainers = false;
    QString m_watched;
    quint64 m_watchedLastId = 0;
    bool m_watchRestart = false;
    ContainerDetail m_lastDetail;
};

} // namespace orion::app::facade
