// SPDX-License-Identifier: GPL-3.0-or-later
// NodeStatus: an immutable snapshot of the node's vital signs, produced on the node thread
// and delivered to the GUI thread by value. Any thread.
#pragma once

#include "facade/NodeState.h"

#include <QDateTime>
#include <QMetaType>
#include <QString>
#include <QStringList>

namespace orion::app::facade {

struct NodeStatus {
    NodeState state = NodeState::Stopped;
    QString nodeId;              // 40 lowercase hex digits, empty before start
    QStringList listenAddresses; // "host:port"
    quint16 port = 0;
    QDateTime startedAt; // invalid while not running
    int peers = 0;       // live, authenticated connections
    quint64 messagesIn = 0;
    quint64 messagesOut = 0;
    quint64 bytesIn = 0;
    quint64 bytesOut = 0;
    bool trafficKnown = true; // false while the node does not count messages and bytes
    QString error;            // why the node is Failed; empty otherwise

    friend bool operator==(const NodeStatus &, const NodeStatus &) = default;
};

} // namespace orion::app::facade

Q_DECLARE_METATYPE(orion::app::facade::NodeStatus)
