// SPDX-License-Identifier: GPL-3.0-or-later
// StoreWrites: the store effects of one instance run as the writes to commit together — the
// last put or delete of each key wins — and the size the container's store has after them.
// A value type; any thread.
#pragma once

#include "container/ContainerStore.h"
#include "script/RunResult.h"

#include <QByteArray>
#include <QHash>
#include <QString>

#include <vector>

namespace orion::container {

class StoreWrites {
public:
    explicit StoreWrites(const std::vector<script::Effect> &effects);

    bool empty() const { return m_writes.empty(); }
    const std::vector<ContainerStore::Write> &writes() const { return m_writes; }
    // The store's size after the writes, from @p data holding @p bytes now.
    qint64 bytesAfter(const QHash<QString, QByteArray> &data, qint64 bytes) const;
    // Applies the writes to the mirror @p data of a committed store.
    void applyTo(QHash<QString, QByteArray> &data) const;

    // What one entry counts against a store quota.
    static qint64 entryBytes(const QString &key, const QByteArray &value);

private:
    std::vector<ContainerStore::Write> m_writes;
};

} // namespace orion::container
