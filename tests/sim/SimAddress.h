// SPDX-License-Identifier: GPL-3.0-or-later
// The address plan of simulated networks: node i listens on 2001:db8:IIII:IIII::1 port 7000,
// every node in its own /64 (so the routing table's per-address limits stay on and behave as
// on the Internet). Free functions; any thread.
#pragma once

#include "routing/Endpoint.h"

namespace orion::sim {

routing::Endpoint endpointForNode(quint32 index);
// The node index of an endpoint of this plan, or -1.
int nodeForEndpoint(const routing::Endpoint &endpoint);

} // namespace orion::sim
