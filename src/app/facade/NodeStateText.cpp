// SPDX-License-Identifier: GPL-3.0-or-later
#include "facade/NodeState.h"

#include "node/NodeStateWords.h"

namespace orion::app::facade {

// The core's words (translated in the "NodeStateWords" context), so the window title, the
// tray tooltip, the status page and orionctl status never disagree.
QString NodeStateText::label(NodeState state) {
    return node::NodeStateWords::of(state);
}

QString NodeStateText::label(const node::NodeStatus &status) {
    return node::NodeStateWords::of(status);
}

} // namespace orion::app::facade
