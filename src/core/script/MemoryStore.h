// SPDX-License-Identifier: GPL-3.0-or-later
// MemoryStore: a Store kept in memory (for the runner and tests). Owns its map; reads may run
// on several threads at once, but apply() and put() must not run concurrently with them.
#pragma once

#include "script/Effect.h"
#include "script/Store.h"

#include <QHash>

#include <vector>

namespace orion::script {

class MemoryStore : public Store {
public:
    std::optional<QByteArray> get(const QString &key) const override;
    void put(const QString &key, const QByteArray &json) { m_data.insert(key, json); }
    void remove(const QString &key) { m_data.remove(key); }
    // Applies the store-put and store-delete effects of a run, in order.
    void apply(const std::vector<Effect> &effects);
    qsizetype size() const { return m_data.size(); }

private:
    QHash<QString, QByteArray> m_data;
};

} // namespace orion::script
