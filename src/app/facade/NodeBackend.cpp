// SPDX-License-Identifier: GPL-3.0-or-later
#include "facade/NodeBackend.h"

#include <QThread>

namespace orion::app::facade {

NodeBackend::NodeBackend(QObject *parent)
    : QObject(parent) {}

NodeBackend::~NodeBackend() = default;

void NodeBackend::start() {
    Q_ASSERT(QThread::currentThread() == thread());
    m_timer = new QTimer(this);
    m_timer->setInterval(kSnapshotIntervalMs);
    connect(m_timer, &QTimer::timeout, this, &NodeBackend::publish);

    NodeStatus starting;
    starting.state = NodeState::Starting;
    Q_EMIT statusSnapshot(starting);

    const Status started = startNode();
    if (!started) {
        m_failed = true;
        m_failure = started.error();
        NodeStatus failed;
        failed.state = NodeState::Failed;
        failed.error = m_failure;
        m_lastStatus = failed;
        Q_EMIT statusSnapshot(failed);
        Q_EMIT nodeEvent({NodeEvent::Kind::Error, m_failure});
        return;
    }
    m_running = true;
    publish();
    m_timer->start();
}

void NodeBackend::stop() {
    Q_ASSERT(QThread::currentThread() == thread());
    if (m_timer) {
        m_timer->stop();
    }
    if (m_running) {
        stopNode();
        m_running = false;
    }
    NodeStatus stoppedStatus = m_lastStatus;
    stoppedStatus.state = NodeState::Stopped;
    stoppedStatus.peers = 0;
    stoppedStatus.startedAt = {};
    Q_EMIT statusSnapshot(stoppedStatus);
    Q_EMIT stopped();
}

void NodeBackend::setPaused(bool paused) {
    if (!m_running || paused == m_paused) {
        return;
    }
    m_paused = paused;
    pauseNode(paused);
    publish();
}

void NodeBackend::sendMessage(quint64 requestId, const QString &targetHex, const QString &service,
                              const QByteArray &body) {
    ConsoleMessage sent;
    sent.requestId = requestId;
    sent.time = QDateTime::currentDateTimeUtc();
    sent.peer = targetHex;
    sent.service = service;
    sent.body = body;
    const auto target = identity::Key160::fromHex(targetHex);
    // A message to ourselves may arrive while it is being routed; the send comes first.
    const qsizetype slot = m_pending.size();
    if (!m_running) {
        sent.status = tr("The node is not running.");
    } else if (!target) {
        sent.status = tr("The target must be 40 hexadecimal digits.");
    } else {
        const Status routed = routeMessage(*target, service, body);
        if (!routed) {
            sent.status = routed.error();
        }
    }
    m_pending.insert(slot, sent);
    // A send is an answer the user waits for: deliver it now rather than with the next tick.
    publish();
}

void NodeBackend::exportMemberFile(quint64 requestId) {
    if (!m_running) {
        Q_EMIT memberFileExported(requestId, {}, tr("The node is not running."));
        return;
    }
    const Result<QByteArray> content = memberFile();
    Q_EMIT memberFileExported(requestId, content ? content.value() : QByteArray(),
                              content ? QString() : content.error());
}

void NodeBackend::importMemberFile(quint64 requestId, const QByteArray &content) {
    if (!m_running) {
        Q_EMIT memberFileImported(requestId, tr("The node is not running."));
        return;
    }
    const Status added = addMember(content);
    Q_EMIT memberFileImported(requestId, added ? QString() : added.error());
}

void NodeBackend::queueIncoming(ConsoleMessage message) {
    message.incoming = true;
    if (!message.time.isValid()) {
        message.time = QDateTime::currentDateTimeUtc();
    }
    m_pending.append(std::move(message));
}

void NodeBackend::publish() {
    if (!m_running) {
        return;
    }
    NodeStatus status = currentStatus();
    if (m_paused) {
        status.state = NodeState::Paused;
    }
    const int previousPeers = m_havePublished ? m_lastStatus.peers : 0;
    if (!m_havePublished || status != m_lastStatus) {
        if (status.peers > 0 && previousPeers == 0) {
            Q_EMIT nodeEvent({NodeEvent::Kind::FirstPeerConnected, QString()});
        } else if (status.peers == 0 && previousPeers > 0 && !m_paused) {
            Q_EMIT nodeEvent({NodeEvent::Kind::ConnectionLost, QString()});
        }
        if (status.state == NodeState::Failed && m_lastStatus.state != NodeState::Failed) {
            Q_EMIT nodeEvent({NodeEvent::Kind::Error, status.error});
        }
        m_lastStatus = status;
        Q_EMIT statusSnapshot(status);
    }
    RoutingSnapshot routing = currentRouting();
    if (!m_havePublished || routing != m_lastRouting) {
        m_lastRouting = routing;
        Q_EMIT routingSnapshot(routing);
    }
    m_havePublished = true;
    if (!m_pending.isEmpty()) {
        Q_EMIT messagesBatch(std::exchange(m_pending, {}));
    }
}

} // namespace orion::app::facade
