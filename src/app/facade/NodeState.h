// SPDX-License-Identifier: GPL-3.0-or-later
// NodeState: the coarse life-cycle state of the embedded node as the GUI shows it (icons,
// tray tooltip, status page). A plain enum; any thread.
#pragma once

#include <QCoreApplication>
#include <QMetaType>
#include <QString>

namespace orion::app::facade {

enum class NodeState {
    Stopped,    // not started, or stopped cleanly
    Starting,   // thread up, node building its listener
    Connecting, // listening, no peer yet
    Online,     // at least one live peer
    Paused,     // networking paused by the user
    Failed,     // could not start or lost its listener; see NodeStatus::error
};

class NodeStateText {
    Q_DECLARE_TR_FUNCTIONS(NodeStateText)

public:
    static QString label(NodeState state);
};

} // namespace orion::app::facade

Q_DECLARE_METATYPE(orion::app::facade::NodeState)
