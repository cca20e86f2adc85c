// SPDX-License-Identifier: GPL-3.0-or-later
#include "container/ContainerLogWriter.h"

#include "container/ContainerLog.h"

#include <utility>

namespace orion::container {

ContainerLogWriter::ContainerLogWriter(size_t capacity, QObject *parent)
    : QObject(parent)
    , m_capacity(capacity) {}

ContainerLogWriter::~ContainerLogWriter() {
    flush();
}

Status ContainerLogWriter::open(const QString &databasePath) {
    return m_store.open(databasePath);
}

Result<ContainerLogStore::Loaded> ContainerLogWriter::load(const QString &keyHex) {
    return m_store.load(keyHex, m_capacity);
}

void ContainerLogWriter::add(const QString &keyHex, const ContainerLogRing::Entry &entry) {
    m_pending[keyHex].push_back(entry);
    if (!m_flushScheduled) {
        m_flushScheduled = true;
        QMetaObject::invokeMethod(this, &ContainerLogWriter::flush, Qt::QueuedConnection);
    }
}

Status ContainerLogWriter::removeAll(const QString &keyHex) {
    m_pending.remove(keyHex);
    return m_store.removeAll(keyHex);
}

void ContainerLogWriter::flush() {
    m_flushScheduled = false;
    const auto pending = std::exchange(m_pending, {});
    for (auto it = pending.cbegin(); it != pending.cend(); ++it) {
        if (auto s = m_store.append(it.key(), it.value(), m_capacity); !s) {
            qCWarning(lcContainer).noquote() << "container log not written:" << s.error();
        }
    }
}

} // namespace orion::container
