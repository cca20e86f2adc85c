// SPDX-License-Identifier: GPL-3.0-or-later
// ContainerLogWriter: writes the containers' new log entries to the database once per
// event-loop turn, so that a busy container writes its entries in one transaction instead of
// one each. Owns the ContainerLogStore; lives on the node thread.
#pragma once

#include "container/ContainerLogRing.h"
#include "container/ContainerLogStore.h"
#include "util/Result.h"

#include <QHash>
#include <QObject>
#include <QString>

#include <vector>

namespace orion::container {

class ContainerLogWriter : public QObject {
    Q_OBJECT

public:
    // Keeps at most @p capacity entries per container in the database.
    explicit ContainerLogWriter(size_t capacity, QObject *parent = nullptr);
    ~ContainerLogWriter() override; // writes what is pending

    Status open(const QString &databasePath);
    // What the container keyed by @p keyHex (40 hex) logged before.
    Result<ContainerLogStore::Loaded> load(const QString &keyHex);
    // Queues @p entry; it is written at the end of this event-loop turn.
    void add(const QString &keyHex, const ContainerLogRing::Entry &entry);
    // Forgets the container's pending entries and deletes its stored ones.
    Status removeAll(const QString &keyHex);
    // Writes the pending entries now (one transaction per container).
    void flush();

private:
    size_t m_capacity;
    ContainerLogStore m_store;
    QHash<QString, std::vector<ContainerLogRing::Entry>> m_pending; // by 40-hex key
    bool m_flushScheduled = false;
};

} // namespace orion::container
