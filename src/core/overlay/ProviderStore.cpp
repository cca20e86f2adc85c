// SPDX-License-Identifier: GPL-3.0-or-later
#include "overlay/ProviderStore.h"

namespace orion::overlay {

Status ProviderStore::accept(const ProviderRecord &record, qint64 nowSecs) {
    if (auto ok = record.verify(nowSecs); !ok) {
        return ok;
    }
    auto it = m_records.find(record.containerKey);
    if (it != m_records.end() && it->expiresAt > nowSecs) {
        if (record.sequence < it->sequence) {
            return Status::failure(QStringLiteral("lower sequence number (%1) than the stored "
                                                  "record (%2)")
                                       .arg(record.sequence)
                                       .arg(it->sequence));
        }
        if (record.sequence == it->sequence && !(record == *it)) {
            return Status::failure(
                QStringLiteral("same sequence number as the stored record, different content"));
        }
    }
    if (it == m_records.end() && m_records.size() >= m_capacity) {
        expire(nowSecs);
        if (m_records.size() >= m_capacity) {
            return Status::failure(QStringLiteral("provider store full"));
        }
    }
    m_records.insert(record.containerKey, record);
    return {};
}

std::optional<ProviderRecord> ProviderStore::find(const identity::Key160 &containerKey,
                                                  qint64 nowSecs) const {
    auto it = m_records.find(containerKey);
    if (it == m_records.end() || it->expiresAt <= nowSecs) {
        return std::nullopt;
    }
    return *it;
}

int ProviderStore::expire(qint64 nowSecs) {
    int removed = 0;
    for (auto it = m_records.begin(); it != m_records.end();) {
        if (it->expiresAt <= nowSecs) {
            it = m_records.erase(it);
            ++removed;
        } else {
            ++it;
        }
    }
    return removed;
}

} // namespace orion::overlay
