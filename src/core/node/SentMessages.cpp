// SPDX-License-Identifier: GPL-3.0-or-later
#include "node/SentMessages.h"

namespace orion::node {

SentMessages::SentMessages(int capacity, qint64 lifetimeMs)
    : m_capacity(capacity)
    , m_lifetimeMs(lifetimeMs) {}

void SentMessages::remember(const QByteArray &messageId, const identity::Key160 &source,
                            const identity::Key160 &target, const identity::Key160 &destination,
                            qint64 nowMs) {
    forgetExpired(nowMs);
    while (int(m_sent.size()) >= m_capacity && !m_order.empty()) {
        m_sent.remove(m_order.front());
        m_order.pop_front();
    }
    m_sent.insert(messageId, Sent{source, target, destination, nowMs + m_lifetimeMs});
    m_order.push_back(messageId);
}

std::optional<SentMessages::Sent> SentMessages::find(const QByteArray &messageId, qint64 nowMs) {
    forgetExpired(nowMs);
    const auto it = m_sent.constFind(messageId);
    if (it == m_sent.constEnd()) {
        return std::nullopt;
    }
    return *it;
}

void SentMessages::forgetExpired(qint64 nowMs) {
    while (!m_order.empty()) {
        const auto it = m_sent.constFind(m_order.front());
        if (it != m_sent.constEnd() && it->expiresAtMs > nowMs) {
            return;
        }
        if (it != m_sent.constEnd()) {
            m_sent.erase(it);
        }
        m_order.pop_front();
    }
}

} // namespace orion::node
