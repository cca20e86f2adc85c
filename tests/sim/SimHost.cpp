// SPDX-License-Identifier: GPL-3.0-or-later
#include "SimHost.h"

#include "SimNetwork.h"

namespace orion::sim {

qint64 SimHost::nowMs() const {
    return m_network->now();
}

qint64 SimHost::wallClockMs() const {
    return m_network->wallClockMs();
}

void SimHost::send(const routing::NodeInfo &to, overlay::OverlayMessage message) {
    m_network->send(m_index, to, std::move(message));
}

void SimHost::schedule(qint64 delayMs, std::function<void()> fn) {
    m_network->schedule(m_index, delayMs, std::move(fn));
}

quint64 SimHost::randomU64() {
    return m_network->randomU64();
}

} // namespace orion::sim
