// SPDX-License-Identifier: GPL-3.0-or-later
// NodeStateWords: the words every face shows for a node's state ("starting", "waiting for
// peers", "online (3 peers)", "offline (no network)", "paused", "failed: <reason>"), so that
// orionctl status, the portal, the window title and the tray tooltip say the same thing.
// Marked for translation in the context "NodeStateWords"; the desktop app loads the
// translation, orionctl prints English. Stateless; any thread.
#pragma once

#include "node/NodeStatus.h"

#include <QString>

namespace orion::node {

class NodeStateWords {
public:
    // The full words for a snapshot (peer count, reason of a failure, missing network).
    static QString of(const NodeStatus &status);
    // The words for a bare state, where no snapshot is at hand ("online" without a count).
    static QString of(NodeState state);
    // A stable lower-case token for scripts: stopped, starting, waiting, online, offline,
    // paused or failed.
    static QString code(const NodeStatus &status);
    // Whether peers can dial the node: "public at …", "mapped by the router (UPnP) at …",
    // "behind NAT", "reachability unknown" (NodeStatus::reachability).
    static QString reachability(const NodeStatus &status);
};

} // namespace orion::node
