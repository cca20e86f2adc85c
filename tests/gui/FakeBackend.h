// SPDX-License-Identifier: GPL-3.0-or-later
// FakeBackend: a scripted node backend for GUI tests: the test sets the snapshots it
// publishes (through a shared state object, from the GUI thread) and reads what the GUI
// asked of it. Lives on the backend thread like the real one.
#pragma once

#include "facade/NodeBackend.h"

#include <QMutex>
#include <functional>

#include <memory>

namespace orion::test {

struct FakeNodeState {
    QMutex mutex;
    app::facade::NodeStatus status;
    app::facade::RoutingSnapshot routing;
    bool started = false;
    bool stopped = false;
    bool paused = false;
    QList<QString> sent;
    QList<app::facade::ContainerInfo> containers;
    QString networkKey; // empty: the backend refuses to show it
    QByteArray memberCard = "{}";
};

class FakeBackend : public app::facade::NodeBackend {
    Q_OBJECT

public:
    explicit FakeBackend(std::shared_ptr<FakeNodeState> state);

protected:
    Status startNode() override;
    void stopNode(std::function<void()> done) override;
    Status pauseNode(bool paused) override;
    app::facade::NodeStatus currentStatus() const override;
    app::facade::RoutingSnapshot currentRouting() const override;
    QList<app::facade::ContainerInfo> currentContainers() const override;
    Status routeMessage(quint64 requestId, const identity::Key160 &target, const QString &service,
                        const QByteArray &body) override;
    Result<QByteArray> memberFile() const override;
    Status addMember(const QByteArray &content) override;
    Result<QString> networkKeyText() const override;

private:
    std::shared_ptr<FakeNodeState> m_state;
};

} // namespace orion::test
