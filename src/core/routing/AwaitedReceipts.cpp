// SPDX-License-Identifier: GPL-3.0-or-later
#include "routing/AwaitedReceipts.h"

namespace orion::routing {

void AwaitedReceipts::expect(const QByteArray &messageId, qint64 deadlineMs) {
    settle(messageId);
    m_deadlineOf.insert(messageId, m_byDeadline.emplace(deadlineMs, messageId));
}

bool AwaitedReceipts::settle(const QByteArray &messageId) {
    const auto it = m_deadlineOf.constFind(messageId);
    if (it == m_deadlineOf.constEnd()) {
        return false;
    }
    m_byDeadline.erase(*it);
    m_deadlineOf.erase(it);
    return true;
}

std::vector<QByteArray> AwaitedReceipts::expire(qint64 nowMs) {
    std::vector<QByteArray> expired;
    while (!m_byDeadline.empty() && m_byDeadline.begin()->first <= nowMs) {
        expired.push_back(std::move(m_byDeadline.begin()->second));
        m_byDeadline.erase(m_byDeadline.begin());
        m_deadlineOf.remove(expired.back());
    }
    return expired;
}

} // namespace orion::routing
