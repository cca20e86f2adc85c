// SPDX-License-Identifier: GPL-3.0-or-later
// LoopbackConfig: the node configuration of tests with many nodes on 127.0.0.1 — a free
// port, no per-address limits (every node shares one address), and short overlay timers.
// Tests change what they need on the copy. Any thread.
#pragma once

#include "node/NodeConfig.h"

namespace orion::test {

class LoopbackConfig {
public:
    static node::NodeConfig make(bool listen = true);
    // The same changes on a configuration that came from elsewhere (a profile's settings).
    static void apply(node::NodeConfig &c);
};

} // namespace orion::test
