// SPDX-License-Identifier: GPL-3.0-or-later
// SimHost: the OverlayHost of one simulated node: sends and timers go into its
// SimNetwork's event queue, both clocks run on the network's virtual time. Owned by the
// SimNetwork; single-threaded.
#pragma once

#include "overlay/OverlayHost.h"

namespace orion::sim {

class SimNetwork;

class SimHost : public overlay::OverlayHost {
public:
    SimHost(SimNetwork &network, quint32 index)
        : m_network(&network)
        , m_index(index) {}

    qint64 nowMs() const override;
    qint64 wallClockMs() const override;
    void send(const routing::NodeInfo &to, overlay::OverlayMessage message) override;
    void schedule(qint64 delayMs, std::function<void()> fn) override;
    quint64 randomU64() override;

private:
    SimNetwork *m_network;
    quint32 m_index;
};

} // namespace orion::sim
