// SPDX-License-Identifier: GPL-3.0-or-later
// NodeState: the coarse life-cycle state of the embedded node as the GUI shows it (icons,
// tray tooltip, status page). A plain enum; any thread.
#pragma once

#include "node/NodeStatus.h"

#include <QCoreApplication>
#include <QMetaType>
#include <QString>

namespace orion::app::facade {

using NodeState = node::NodeState;

// The words every face uses for a state.
class NodeStateText {
    Q_DECLARE_TR_FUNCTIONS(NodeStateText)

public:
    static QString label(NodeState state);
    // With the peer count, the reason of a failure or a missing network.
    static QString label(const node::NodeStatus &status);
};

} // namespace orion::app::facade
