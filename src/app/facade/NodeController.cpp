// SPDX-License-Identifier: GPL-3.0-or-later
#include "facade/NodeController.h"

#include <QThread>

namespace orion::app::facade {

NodeController::NodeController(BackendFactory factory, QObject *parent)
    : QObject(parent)
    , m_factory(std::move(factory))
    , m_status(new StatusFeed(this))
    , m_routing(new RoutingFeed(this))
    , m_messages(new MessageChannel(
          [this](quint64 id, const QString &target, const QString &service,
                 const QByteArray &body) {
              post([id, target, service, body](NodeBackend *backend) {
                  backend->sendMessage(id, target, service, body);
              });
          },
          this))
    , m_containers(new ContainerFeed(
          [this](quint64 id, ContainerCommand command, const QString &name, const QString &source) {
              if (!m_backend) {
                  Q_EMIT m_containers->commandFinished(id, tr("The node is not running."), {});
                  return;
              }
              post([id, command, name, source](NodeBackend *backend) {
                  backend->containerCommand(id, command, name, source);
              });
          },
          [this](const QString &name) {
              post([name](NodeBackend *backend) { backend->watchContainer(name); });
          },
          this)) {}

NodeController::~NodeController() {
    stopAndWait();
}

template <typename F>
void NodeController::post(F &&call) {
    NodeBackend *backend = m_backend.data();
    if (!backend) {
        return;
    }
    // The functor runs on the backend thread, in the backend's context.
    QMetaObject::invokeMethod(
        backend, [backend, call = std::forward<F>(call)]() { call(backend); },
        Qt::QueuedConnection);
}

void NodeController::start() {
    if (m_thread) {
        return;
    }
    std::unique_ptr<NodeBackend> backend = m_factory();
    m_thread = new QThread(this);
    m_thread->setObjectName(QStringLiteral("orion-backend"));
    backend->moveToThread(m_thread);
    m_backend = backend.get();
    NodeBackend *raw = backend.release(); // owned by its thread from here: deleteLater on finish

    connect(raw, &NodeBackend::statusSnapshot, m_status, &StatusFeed::apply, Qt::QueuedConnection);
    connect(raw, &NodeBackend::nodeEvent, m_status, &StatusFeed::nodeEvent, Qt::QueuedConnection);
    connect(raw, &NodeBackend::routingSnapshot, m_routing, &RoutingFeed::apply,
            Qt::QueuedConnection);
    connect(raw, &NodeBackend::messagesBatch, m_messages, &MessageChannel::apply,
            Qt::QueuedConnection);
    connect(raw, &NodeBackend::containersSnapshot, m_containers, &ContainerFeed::apply,
            Qt::QueuedConnection);
    connect(raw, &NodeBackend::containerDetail, m_containers, &ContainerFeed::applyDetail,
            Qt::QueuedConnection);
    connect(raw, &NodeBackend::containerCommandFinished, m_containers, &ContainerFeed::finish,
            Qt::QueuedConnection);
    connect(raw, &NodeBackend::memberFileExported, this, &NodeController::memberFileExported,
            Qt::QueuedConnection);
    connect(raw, &NodeBackend::memberFileImported, this, &NodeController::memberFileImported,
            Qt::QueuedConnection);
    connect(raw, &NodeBackend::networkKeyRead, this, &NodeController::networkKeyRead,
            Qt::QueuedConnection);
    connect(raw, &NodeBackend::inviteMade, this, &NodeController::inviteReady,
            Qt::QueuedConnection);
    // What the node did, which differs from what was asked when a resume failed.
    connect(
        raw, &NodeBackend::pauseApplied, this,
        [this](bool paused) {
            if (m_thread && paused != m_paused) {
                m_paused = paused;
                Q_EMIT pausedChanged(paused);
            }
        },
        Qt::QueuedConnection);
    connect(m_thread, &QThread::started, raw, &NodeBackend::start);
    // A restarted node has forgotten what the GUI watched.
    if (const QString watched = m_containers->watched(); !watched.isEmpty()) {
        post([watched](NodeBackend *b) { b->watchContainer(watched); });
    }
    // Direct: quit() is thread-safe, and the GUI thread may be blocked in wait() right now.
    connect(raw, &NodeBackend::stopped, m_thread, &QThread::quit, Qt::DirectConnection);
    connect(m_thread, &QThread::finished, raw, &QObject::deleteLater);
    connect(m_thread, &QThread::finished, this, &NodeController::finishStop, Qt::QueuedConnection);
    m_paused = false;
    m_stopping = false;
    m_thread->start();
    Q_EMIT started();
}

void NodeController::stop() {
    if (!m_thread || m_stopping) {
        return;
    }
    m_stopping = true;
    post([](NodeBackend *backend) { backend->stop(); });
}

bool NodeController::stopAndWait() {
    if (!m_thread) {
        return true;
    }
    if (!m_stopping) {
        m_stopping = true;
        if (NodeBackend *backend = m_backend.data()) {
            QMetaObject::invokeMethod(backend, &NodeBackend::stop, Qt::BlockingQueuedConnection);
        }
    }
    const bool ended = m_thread->wait();
    if (ended) {
        // The backend's deleteLater was posted to a thread without an event loop now.
        delete m_backend.data();
        finishStop();
    }
    return ended;
}

void NodeController::finishStop() {
    if (!m_thread || m_thread->isRunning()) {
        return;
    }
    m_thread->deleteLater();
    m_thread = nullptr;
    m_backend.clear();
    m_stopping = false;
    m_paused = false;
    Q_EMIT stopped();
}

void NodeController::setPaused(bool paused) {
    if (!m_thread || paused == m_paused) {
        return;
    }
    m_paused = paused;
    post([paused](NodeBackend *backend) { backend->setPaused(paused); });
    Q_EMIT pausedChanged(paused);
}

quint64 NodeController::exportMemberFile() {
    const quint64 id = m_nextRequest++;
    post([id](NodeBackend *backend) { backend->exportMemberFile(id); });
    return id;
}

quint64 NodeController::importMemberFile(const QByteArray &content) {
    const quint64 id = m_nextRequest++;
    post([id, content](NodeBackend *backend) { backend->importMemberFile(id, content); });
    return id;
}

quint64 NodeController::requestNetworkKey() {
    const quint64 id = m_nextRequest++;
    post([id](NodeBackend *backend) { backend->readNetworkKey(id); });
    return id;
}

quint64 NodeController::requestInvite() {
    const quint64 id = m_nextRequest++;
    post([id](NodeBackend *backend) { backend->makeInvite(id); });
    return id;
}

} // namespace orion::app::facade
