// SPDX-License-Identifier: GPL-3.0-or-later
// StatusFeed: the status concern of the node facade: the latest NodeStatus snapshot and the
// events worth a notification. Lives on the GUI thread, owned by NodeController.
#pragma once

#include "facade/NodeEvent.h"
#include "facade/NodeStatus.h"

#include <QObject>

namespace orion::app::facade {

class StatusFeed : public QObject {
    Q_OBJECT

public:
    explicit StatusFeed(QObject *parent = nullptr);

    const NodeStatus &current() const { return m_current; }
    void apply(const NodeStatus &status);

Q_SIGNALS:
    void statusChanged(const orion::app::facade::NodeStatus &status);
    void stateChanged(orion::app::facade::NodeState state);
    void nodeEvent(const orion::app::facade::NodeEvent &event);

private:
    NodeStatus m_current;
};

} // namespace orion::app::facade
