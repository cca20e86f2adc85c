// SPDX-License-Identifier: GPL-3.0-or-later
#include "script/MemoryStore.h"

namespace orion::script {

std::optional<QByteArray> MemoryStore::get(const QString &key) const {
    auto it = m_data.constFind(key);
    if (it == m_data.constEnd()) {
        return std::nullopt;
    }
    return *it;
}

void MemoryStore::apply(const std::vector<Effect> &effects) {
    for (const Effect &e : effects) {
        if (e.kind == Effect::Kind::StorePut) {
            m_data.insert(e.key, e.body.toUtf8());
        } else if (e.kind == Effect::Kind::StoreDelete) {
            m_data.remove(e.key);
        }
    }
}

} // namespace orion::script
