// SPDX-License-Identifier: GPL-3.0-or-later
#include "overlay/ProviderStore.h"

namespace orion::overlay {

using identity::Key160;

ProviderStore::ProviderStore(Limits limits, const Key160 &self)
    : m_limits(limits)
    , m_self(self)
    , m_evictable(FartherLast{self}) {}

void ProviderStore::count(const Entry &entry, int delta) {
    if (!entry.sender) {
        return;
    }
    auto adjust = [delta](QHash<Key160, int> &counts, const Key160 &key) {
        const int n = counts.value(key) + delta;
        if (n <= 0) {
            counts.remove(key);
        } else {
            counts.insert(key, n);
        }
    };
    adjust(m_perSender, *entry.sender);
    adjust(m_perHost, entry.record.hostId);
}

void ProviderStore::erase(QHash<Key160, Entry>::iterator it) {
    count(*it, -1);
    m_evictable.erase(it.key());
    m_records.erase(it);
}

Status ProviderStore::accept(const ProviderRecord &record, qint64 nowSecs,
                             std::optional<Key160> sender) {
    if (auto ok = record.verify(nowSecs); !ok) {
        return ok;
    }
    auto it = m_records.find(record.containerKey);
    if (it != m_records.end() && it->record.expiresAt > nowSecs) {
        if (record.sequence < it->record.sequence) {
            return Status::failure(QStringLiteral("lower sequence number (%1) than the stored "
                                                  "record (%2)")
                                       .arg(record.sequence)
                                       .arg(it->record.sequence));
        }
        if (record.sequence == it->record.sequence && !(record == it->record)) {
            return Status::failure(
                QStringLiteral("same sequence number as the stored record, different content"));
        }
    }
    // A newer record of a container replaces the old one, whoever sent either.
    const bool replacing = it != m_records.end();
    if (sender) {
        const bool sameSender = replacing && it->sender == sender;
        const bool sameHost = replacing && it->sender && it->record.hostId == record.hostId;
        if (!sameSender && m_perSender.value(*sender) >= m_limits.perSender) {
            ++m_refused;
            return Status::failure(
                QStringLiteral("the sending peer has %1 records stored here already")
                    .arg(m_limits.perSender));
        }
        if (!sameHost && m_perHost.value(record.hostId) >= m_limits.perHost) {
            ++m_refused;
            return Status::failure(QStringLiteral("host %1 has %2 records stored here already")
                                       .arg(record.hostId.toHex())
                                       .arg(m_limits.perHost));
        }
    }
    if (!replacing && m_records.size() >= m_limits.capacity) {
        expire(nowSecs);
    }
    if (!replacing && m_records.size() >= m_limits.capacity) {
        // Room is made by the record farthest from us, if the new one is closer (our own
        // always is: it is not ours to lose).
        if (m_evictable.empty() ||
            (sender && !m_self.isCloser(record.containerKey, *m_evictable.rbegin()))) {
            ++m_refused;
            return Status::failure(QStringLiteral("provider store full"));
        }
        erase(m_records.find(*m_evictable.rbegin()));
        ++m_evicted;
    }
    if (replacing) {
        erase(m_records.find(record.containerKey));
    }
    Entry entry{record, sender};
    count(entry, +1);
    if (sender) {
        m_evictable.insert(record.containerKey);
    }
    m_records.insert(record.containerKey, std::move(entry));
    return {};
}

std::optional<ProviderRecord> ProviderStore::find(const Key160 &containerKey,
                                                  qint64 nowSecs) const {
    auto it = m_records.constFind(containerKey);
    if (it == m_records.constEnd() || it->record.expiresAt <= nowSecs) {
        return std::nullopt;
    }
    return it->record;
}

int ProviderStore::expire(qint64 nowSecs) {
    int removed = 0;
    for (auto it = m_records.begin(); it != m_records.end();) {
        if (it->record.expiresAt <= nowSecs) {
            count(*it, -1);
            m_evictable.erase(it.key());
            it = m_records.erase(it);
            ++removed;
        } else {
            ++it;
        }
    }
    return removed;
}

} // namespace orion::overlay
