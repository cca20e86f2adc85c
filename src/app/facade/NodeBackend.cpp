// SPDX-License-Identifier: GPL-3.0-or-later
#include "facade/NodeBackend.h"

#include "identity/MemberRecord.h"
#include "identity/NetworkKey.h"
#include "node/Invite.h"

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
    auto finish = [this] {
        NodeStatus stoppedStatus = m_lastStatus;
        stoppedStatus.state = NodeState::Stopped;
        stoppedStatus.activePeers = 0;
        stoppedStatus.connections = 0;
        stoppedStatus.startedAt = {};
        Q_EMIT statusSnapshot(stoppedStatus);
        Q_EMIT stopped();
    };
    if (!m_running) {
        finish();
        return;
    }
    m_running = false;
    stopNode(finish);
}

void NodeBackend::setPaused(bool paused) {
    if (!m_running || paused == m_paused) {
        return;
    }
    if (const Status done = pauseNode(paused); !done) {
        Q_EMIT nodeEvent(
            {NodeEvent::Kind::Error, tr("The node could not resume: %1").arg(done.error())});
        Q_EMIT pauseApplied(m_paused);
        publish();
        return;
    }
    m_paused = paused;
    Q_EMIT pauseApplied(m_paused);
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
        const Status routed = routeMessage(requestId, *target, service, body);
        if (!routed) {
            sent.status = routed.error();
        }
    }
    m_pending.insert(slot, sent);
    // A send is an answer the user waits for: deliver it now rather than with the next tick.
    publish();
}

void NodeBackend::containerCommand(quint64 requestId, ContainerCommand command, const QString &name,
                                   const QString &source) {
    if (!m_running) {
        Q_EMIT containerCommandFinished(requestId, tr("The node is not running."), {});
        return;
    }
    const Result<QString> done = runContainerCommand(command, name, source);
    Q_EMIT containerCommandFinished(requestId, done ? QString() : done.error(),
                                    done ? done.value() : QString());
    // The user waits for the list to follow: publish now rather than with the next tick.
    publish();
}

void NodeBackend::watchContainer(const QString &name) {
    m_watched = name;
    m_watchedLastId = 0;
    m_watchRestart = true;
    m_lastDetail = {};
    publish();
}

Result<QString> NodeBackend::runContainerCommand(ContainerCommand, const QString &,
                                                 const QString &) {
    return Result<QString>::failure(tr("This node does not host containers."));
}

Result<ContainerDetail> NodeBackend::readContainer(const QString &, quint64) const {
    return Result<ContainerDetail>::failure(tr("This node does not host containers."));
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

void NodeBackend::readNetworkKey(quint64 requestId) {
    // The key does not change while the profile is in use, so a stopped node still has it.
    const Result<QString> key = networkKeyText();
    Q_EMIT networkKeyRead(requestId, key ? key.value() : QString(), key ? QString() : key.error());
}

void NodeBackend::makeInvite(quint64 requestId) {
    const auto fail = [this, requestId](const QString &reason) {
        Q_EMIT inviteMade(requestId, {}, reason);
    };
    if (!m_running) {
        fail(tr("The node is not running."));
        return;
    }
    const Result<QString> keyText = networkKeyText();
    if (!keyText) {
        fail(keyText.error());
        return;
    }
    const Result<QByteArray> card = memberFile();
    if (!card) {
        fail(card.error());
        return;
    }
    auto key = identity::NetworkKey::parse(keyText.value());
    auto record = identity::MemberRecord::fromJson(card.value());
    if (!key || !record) {
        fail(!key ? key.error() : record.error());
        return;
    }
    node::Invite invite;
    invite.networkKey = std::move(key).value();
    invite.member = std::move(record).value();
    const QString uri = invite.toUri();
    // The same checks the receiving side makes: a card that names no address to dial would
    // leave the new member waiting for ever.
    if (const auto checked = node::Invite::parse(uri); !checked) {
        fail(checked.error());
        return;
    }
    Q_EMIT inviteMade(requestId, uri, {});
}

Result<QString> NodeBackend::networkKeyText() const {
    return Result<QString>::failure(ErrorCode::Unsupported,
                                    tr("This node does not show its network key."));
}

void NodeBackend::queueConsole(ConsoleMessage message) {
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
    const int previousPeers = m_havePublished ? m_lastStatus.activePeers : 0;
    // The uptime ticks on its own; a snapshot is news only when something else changed.
    NodeStatus compared = status;
    compared.uptimeMs = m_lastStatus.uptimeMs;
    if (!m_havePublished || compared != m_lastStatus) {
        if (status.activePeers > 0 && previousPeers == 0) {
            Q_EMIT nodeEvent({NodeEvent::Kind::FirstPeerConnected, QString()});
        } else if (status.activePeers == 0 && previousPeers > 0 && !m_paused) {
            Q_EMIT nodeEvent({NodeEvent::Kind::ConnectionLost, QString()});
        }
        if (status.state == NodeState::Failed && m_lastStatus.state != NodeState::Failed) {
            Q_EMIT nodeEvent({NodeEvent::Kind::Error, status.error});
        }
        m_lastStatus = status;
        Q_EMIT statusSnapshot(status);
    } else {
        m_lastStatus.uptimeMs = status.uptimeMs;
    }
    RoutingSnapshot routing = currentRouting();
    if (!m_havePublished || routing != m_lastRouting) {
        m_lastRouting = routing;
        Q_EMIT routingSnapshot(routing);
    }
    m_havePublished = true;
    publishContainers(false);
    if (!m_pending.isEmpty()) {
        Q_EMIT messagesBatch(std::exchange(m_pending, {}));
    }
}

void NodeBackend::publishContainers(bool force) {
    const QList<ContainerInfo> containers = currentContainers();
    if (force || !m_havePublishedContainers || containers != m_lastContainers) {
        m_lastContainers = containers;
        m_havePublishedContainers = true;
        Q_EMIT containersSnapshot(containers);
    }
    if (m_watched.isEmpty()) {
        if (m_watchRestart) {
            m_watchRestart = false;
            Q_EMIT containerDetail(ContainerDetail{});
        }
        return;
    }
    Result<ContainerDetail> detail = readContainer(m_watched, m_watchedLastId);
    if (!detail) {
        // Removed, or not created yet: an empty detail, once.
        if (!m_watchRestart && m_lastDetail.source.isEmpty() && m_lastDetail.data.isEmpty()) {
            return;
        }
        m_watchRestart = false;
        m_watchedLastId = 0;
        m_lastDetail = ContainerDetail{m_watched, true, {}, {}, {}};
        Q_EMIT containerDetail(m_lastDetail);
        return;
    }
    ContainerDetail d = std::move(detail).value();
    d.name = m_watched;
    d.restart = m_watchRestart;
    const bool changed = m_watchRestart || !d.lines.isEmpty() || d.source != m_lastDetail.source ||
                         d.data != m_lastDetail.data;
    if (!changed) {
        return;
    }
    if (!d.lines.isEmpty()) {
        m_watchedLastId = d.lines.constLast().id;
    }
    m_watchRestart = false;
    m_lastDetail = d;
    m_lastDetail.lines.clear();
    Q_EMIT containerDetail(d);
}

} // namespace orion::app::facade
