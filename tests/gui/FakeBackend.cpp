// SPDX-License-Identifier: GPL-3.0-or-later
#include "FakeBackend.h"

#include <QMutexLocker>

namespace orion::test {

FakeBackend::FakeBackend(std::shared_ptr<FakeNodeState> state)
    : m_state(std::move(state)) {}

Status FakeBackend::startNode() {
    QMutexLocker lock(&m_state->mutex);
    m_state->started = true;
    return Status::success();
}

void FakeBackend::stopNode(std::function<void()> done) {
    {
        QMutexLocker lock(&m_state->mutex);
        m_state->stopped = true;
    }
    done();
}

Status FakeBackend::pauseNode(bool paused) {
    QMutexLocker lock(&m_state->mutex);
    m_state->paused = paused;
    return Status::success();
}

app::facade::NodeStatus FakeBackend::currentStatus() const {
    QMutexLocker lock(&m_state->mutex);
    return m_state->status;
}

app::facade::RoutingSnapshot FakeBackend::currentRouting() const {
    QMutexLocker lock(&m_state->mutex);
    return m_state->routing;
}

QList<app::facade::ContainerInfo> FakeBackend::currentContainers() const {
    QMutexLocker lock(&m_state->mutex);
    return m_state->containers;
}

Status FakeBackend::routeMessage(quint64 requestId, const identity::Key160 &target,
                                 const QString &service, const QByteArray &body) {
    QMutexLocker lock(&m_state->mutex);
    m_state->sent << target.toHex() + QLatin1Char('/') + service + QLatin1Char('/') +
                         QString::fromUtf8(body);
    if (target == m_state->routing.self) {
        app::facade::ConsoleMessage echo;
        echo.event = app::facade::ConsoleEvent::Received;
        echo.peer = target.toHex();
        echo.service = service;
        echo.body = body;
        queueConsole(echo);
    }
    app::facade::ConsoleMessage delivered;
    delivered.requestId = requestId;
    delivered.event = app::facade::ConsoleEvent::Delivered;
    delivered.hops = 1;
    queueConsole(delivered);
    return Status::success();
}

Result<QByteArray> FakeBackend::memberFile() const {
    QMutexLocker lock(&m_state->mutex);
    return m_state->memberCard;
}

Result<QString> FakeBackend::networkKeyText() const {
    QMutexLocker lock(&m_state->mutex);
    if (m_state->networkKey.isEmpty()) {
        return Result<QString>::failure(ErrorCode::Unavailable, QStringLiteral("no key here"));
    }
    return m_state->networkKey;
}

Status FakeBackend::addMember(const QByteArray &content) {
    return content.isEmpty() ? Status::failure(QStringLiteral("empty")) : Status::success();
}

} // namespace orion::test
