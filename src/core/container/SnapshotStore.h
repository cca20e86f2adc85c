// SPDX-License-Identifier: GPL-3.0-or-later
// SnapshotStore: a container's committed data as it was when an instance was dispatched. Holds
// an implicitly shared copy of the node's cache, so it is immutable and safe on any thread.
#pragma once

#include "script/Store.h"

#include <QHash>

namespace orion::container {

class SnapshotStore : public script::Store {
public:
    explicit SnapshotStore(QHash<QString, QByteArray> data)
        : m_data(std::move(data)) {}

    std::optional<QByteArray> get(const QString &key) const override {
        const auto it = m_data.constFind(key);
        if (it == m_data.constEnd()) {
            return std::nullopt;
        }
        return *it;
    }

private:
    const QHash<QString, QByteArray> m_data;
};

} // namespace orion::container
