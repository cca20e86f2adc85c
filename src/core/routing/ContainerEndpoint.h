// SPDX-License-Identifier: GPL-3.0-or-later
// ContainerEndpoint: the seam through which the node hands routed messages to the
// containers it hosts (implemented by the container engine, not owned by the node).
// Called on the node thread only.
#pragma once

#include "identity/Key160.h"
#include "routing/Delivery.h"
#include "routing/RoutedMessage.h"

namespace orion::routing {

class ContainerEndpoint {
public:
    virtual ~ContainerEndpoint() = default;

    // True when a container with this key runs on this node.
    virtual bool hasContainer(const identity::Key160 &containerKey) const = 0;
    // A message whose target is one of this node's containers: data addressed to it, or a
    // reply, error or receipt answering a message the container sent.
    virtual Delivery deliver(const RoutedMessage &message) = 0;
};

} // namespace orion::routing
