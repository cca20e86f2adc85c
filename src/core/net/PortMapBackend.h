// SPDX-License-Identifier: GPL-3.0-or-later
// PortMapBackend: one way of asking the home router for a port mapping (UPnP-IGD,
// NAT-PMP), behind an interface so that the mapping's schedule can be tested without a
// router. Every call blocks (network round trips of seconds); PortMapWorker makes them on
// its own thread, never on the node thread.
#pragma once

#include "net/PortMapping.h"
#include "util/Result.h"

namespace orion::net {

class PortMapBackend {
public:
    virtual ~PortMapBackend() = default;

    virtual PortMapping::Protocol protocol() const = 0;
    // Asks for TCP `externalPort` (0: the router chooses) forwarded to this host's
    // `internalPort` for `lifetimeSecs`; asking again for a mapping that exists renews it.
    // The result is what the router granted, or why nothing was.
    virtual Result<PortMapping> map(quint16 internalPort, quint16 externalPort,
                                    qint64 lifetimeSecs) = 0;
    // Deletes a mapping this backend granted.
    virtual Status unmap(const PortMapping &mapping) = 0;
};

} // namespace orion::net
