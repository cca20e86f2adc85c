// SPDX-License-Identifier: GPL-3.0-or-later
#include "LoopbackConfig.h"

#include <QHostAddress>

namespace orion::test {

node::NodeConfig LoopbackConfig::make(bool listen) {
    node::NodeConfig c;
    c.listen = listen;
    apply(c);
    return c;
}

void LoopbackConfig::apply(node::NodeConfig &c) {
    c.listenAddress = QHostAddress::LocalHost;
    c.listenPort = 0;
    c.overlay.routing.addressLimits = false; // every node is 127.0.0.1
    c.observedAddressNetworks = 1;           // every peer reports from 127.0.0.0/24
    c.overlay.requestTimeoutMs = 2000;
    c.overlay.refreshIntervalMs = 3000;
    c.overlay.maintenanceIntervalMs = 1000;
    c.bootstrapIntervalMs = 1000;
    c.transport.maxPerAddress = 10000;
    c.transport.maxHandshakingPerAddress = 10000;
    c.transport.maxHandshakingPerSubnet = 10000;
    c.transport.acceptsPerSecondPerAddress = 10000;
    c.transport.maxInbound = 10000;
    c.transport.maxHandshaking = 10000;
}

} // namespace orion::test
