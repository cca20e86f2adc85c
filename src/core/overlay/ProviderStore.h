// SPDX-License-Identifier: GPL-3.0-or-later
// ProviderStore: the verified provider records a node keeps for the container keys it is
// close to (one per container: the newest). Bounded; records expire. Node thread only.
#pragma once

#include "overlay/ProviderRecord.h"

#include <QHash>

#include <optional>

namespace orion::overlay {

class ProviderStore {
public:
    explicit ProviderStore(int capacity = 10000)
        : m_capacity(capacity) {}

    // Verifies the record and keeps it unless a stored one is newer. The failure says why
    // it was rejected (bad signature, key not the hash of the public key, expired, lower
    // sequence number, store full).
    Status accept(const ProviderRecord &record, qint64 nowSecs);
    std::optional<ProviderRecord> find(const identity::Key160 &containerKey, qint64 nowSecs) const;
    // Drops expired records; returns how many.
    int expire(qint64 nowSecs);
    int size() const { return int(m_records.size()); }

private:
    int m_capacity;
    QHash<identity::Key160, ProviderRecord> m_records;
};

} // namespace orion::overlay
