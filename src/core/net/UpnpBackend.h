// SPDX-License-Identifier: GPL-3.0-or-later
// UpnpBackend: port mappings from a UPnP-IGD router through libminiupnpc: SSDP discovery
// of the gateway (kept until a request to it fails), AddPortMapping with a lease (renewed
// by asking again), DeletePortMapping. Blocking; lives on the mapping thread.
#pragma once

#include "net/PortMapBackend.h"

#include <memory>

namespace orion::net {

class UpnpBackend : public PortMapBackend {
public:
    // `discoveryMs`: how long SSDP discovery waits for routers to answer.
    explicit UpnpBackend(int discoveryMs = 2000);
    ~UpnpBackend() override;

    PortMapping::Protocol protocol() const override { return PortMapping::Protocol::Upnp; }
    Result<PortMapping> map(quint16 internalPort, quint16 externalPort,
                            qint64 lifetimeSecs) override;
    Status unmap(const PortMapping &mapping) override;

private:
    struct Gateway;
    Status discover();
    void forget();

    int m_discoveryMs;
    std::unique_ptr<Gateway> m_gateway;
};

} // namespace orion::net
