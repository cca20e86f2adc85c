// SPDX-License-Identifier: GPL-3.0-or-later
// The desktop app shows the node's own snapshot (node::NodeStatus), produced on the node
// thread and delivered to the GUI thread by value. Any thread.
#pragma once

#include "facade/NodeState.h"
#include "node/NodeStatus.h"

namespace orion::app::facade {

using NodeStatus = node::NodeStatus;

} // namespace orion::app::facade
