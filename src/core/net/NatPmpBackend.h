// SPDX-License-Identifier: GPL-3.0-or-later
// NatPmpBackend: port mappings from a NAT-PMP router (RFC 6886) through libnatpmp: the
// gateway is the default route's, the external address its answer to an address request,
// and every request is retried with the RFC's doubling wait within a bounded time.
// Blocking; lives on the mapping thread.
#pragma once

#include "net/PortMapBackend.h"

namespace orion::net {

class NatPmpBackend : public PortMapBackend {
public:
    // `timeoutMs`: how long one request (with its retries) may take.
    explicit NatPmpBackend(int timeoutMs = 4000);

    PortMapping::Protocol protocol() const override { return PortMapping::Protocol::NatPmp; }
    Result<PortMapping> map(quint16 internalPort, quint16 externalPort,
                            qint64 lifetimeSecs) override;
    Status unmap(const PortMapping &mapping) override;

private:
    int m_timeoutMs;
};

} // namespace orion::net
