// SPDX-License-Identifier: GPL-3.0-or-later
// ProviderStore: the verified provider records a node keeps for the container keys it is
// close to (one per container: the newest). Bounded in total, per peer that sent records
// and per host they name, so that no one peer or host can fill it; when full, the record
// farthest from this node's ID makes room for a closer one. The node's own records count
// against nothing and are never evicted. Records expire. Node thread only.
#pragma once

#include "overlay/ProviderRecord.h"

#include <QHash>

#include <optional>
#include <set>

namespace orion::overlay {

class ProviderStore {
public:
    struct Limits {
        int capacity = 10'000;
        int perSender = 256; // records stored from one peer
        int perHost = 256;   // records naming one host
    };

    explicit ProviderStore(int capacity = 10'000)
        : ProviderStore(Limits{capacity, capacity, capacity}, identity::Key160()) {}
    ProviderStore(Limits limits, const identity::Key160 &self);

    // Verifies the record and keeps it unless a stored one is newer. `sender` is the peer it
    // came from, none for this node's own. The failure says why it was rejected (bad
    // signature, key not the hash of the public key, expired, lower sequence number, the
    // sender's or the host's quota, store full of closer records).
    Status accept(const ProviderRecord &record, qint64 nowSecs,
                  std::optional<identity::Key160> sender = std::nullopt);
    std::optional<ProviderRecord> find(const identity::Key160 &containerKey, qint64 nowSecs) const;
    // Drops expired records; returns how many.
    int expire(qint64 nowSecs);
    int size() const { return int(m_records.size()); }
    // The records of others' containers (this node's own are not "stored for others").
    int storedForOthers() const { return int(m_evictable.size()); }
    int countFromSender(const identity::Key160 &sender) const { return m_perSender.value(sender); }
    // Records turned away by a quota or a full store, and evicted for closer ones.
    qint64 refused() const { return m_refused; }
    qint64 evicted() const { return m_evicted; }

private:
    struct Entry {
        ProviderRecord record;
        std::optional<identity::Key160> sender; // none: our own
    };
    struct FartherLast {
        identity::Key160 self;
        bool operator()(const identity::Key160 &a, const identity::Key160 &b) const {
            return self.isCloser(a, b);
        }
    };
    void erase(QHash<identity::Key160, Entry>::iterator it);
    void count(const Entry &entry, int delta);

    Limits m_limits;
    identity::Key160 m_self;
    QHash<identity::Key160, Entry> m_records;
    std::set<identity::Key160, FartherLast> m_evictable; // keys of others' records
    QHash<identity::Key160, int> m_perSender;
    QHash<identity::Key160, int> m_perHost;
    qint64 m_refused = 0;
    qint64 m_evicted = 0;
};

} // namespace orion::overlay
