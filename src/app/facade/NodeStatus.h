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
    // Overlay traffic since the node started, closed connections included.
    quint64 messagesIn = 0;
    quint64 messagesOut = 0;
    quint64 bytesIn = 0;
    quint64 bytesOut = 0;
    // Routed messages: delivered to an endpoint here, passed on, and dropped for lack of a
    // route, hop limit or a busy peer.
    quint64 routedDelivered = 0;
    quint64 routedForwarded = 0;
    quint64 routedDropped = 0;
    int providerRecords = 0; // container provider records stored for others
    int containers = 0;      // containers hosted here
    int containersRunning = 0;
    QString portalSocket; // empty when the node has no portal
    QString error;        // why the node is Failed; empty otherwise

    friend bool operator==(const NodeStatus &, const NodeStatus &) = default;
};

} // namespace orion::app::facade

Q_DECLARE_METATYPE(orion::app::facade::NodeStatus)
