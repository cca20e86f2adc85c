// SPDX-License-Identifier: GPL-3.0-or-later
#include "container/StoreWrites.h"

namespace orion::container {

StoreWrites::StoreWrites(const std::vector<script::Effect> &effects) {
    QHash<QString, size_t> index;
    for (const auto &e : effects) {
        if (e.kind != script::Effect::Kind::StorePut &&
            e.kind != script::Effect::Kind::StoreDelete) {
            continue;
        }
        std::optional<QByteArray> value;
        if (e.kind == script::Effect::Kind::StorePut) {
            value = e.body.toUtf8();
        }
        const auto it = index.constFind(e.key);
        if (it == index.constEnd()) {
            index.insert(e.key, m_writes.size());
            m_writes.push_back({e.key, std::move(value)});
        } else {
            m_writes[*it].value = std::move(value);
        }
    }
}

qint64 StoreWrites::bytesAfter(const QHash<QString, QByteArray> &data, qint64 bytes) const {
    for (const auto &w : m_writes) {
        const auto old = data.constFind(w.key);
        if (old != data.constEnd()) {
            bytes -= entryBytes(w.key, *old);
        }
        if (w.value) {
            bytes += entryBytes(w.key, *w.value);
        }
    }
    return bytes;
}

void StoreWrites::applyTo(QHash<QString, QByteArray> &data) const {
    for (const auto &w : m_writes) {
        if (w.value) {
            data.insert(w.key, *w.value);
        } else {
            data.remove(w.key);
        }
    }
}

qint64 StoreWrites::entryBytes(const QString &key, const QByteArray &value) {
    return key.toUtf8().size() + value.size();
}

} // namespace orion::container
