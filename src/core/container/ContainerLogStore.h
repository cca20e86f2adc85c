// SPDX-License-Identifier: GPL-3.0-or-later
// ContainerLogStore: the containers' log entries in the profile's SQLite database, so that a
// log and its ids outlive a restart or a crash. Bounded per container (the oldest entries
// go first). Owns one Qt SQL connection of its own, made on first use; node thread only.
#pragma once

#include "container/ContainerLogRing.h"
#include "container/SqliteConnection.h"
#include "util/Result.h"

#include <QString>

#include <vector>

namespace orion::container {

class ContainerLogStore {
public:
    // What a container's log held when it was last written.
    struct Loaded {
        std::vector<ContainerLogRing::Entry> entries; // the newest ones, oldest first
        quint64 lastId = 0;                           // the highest id ever given, 0 before any
    };

    ContainerLogStore();
    ~ContainerLogStore();
    ContainerLogStore(const ContainerLogStore &) = delete;
    ContainerLogStore &operator=(const ContainerLogStore &) = delete;

    // Names the database; it is opened by the first load, append or removal.
    Status open(const QString &databasePath);
    void close();

    // The newest @p capacity entries of one container (keyed by its 40-hex key).
    Result<Loaded> load(const QString &container, size_t capacity);
    // Appends @p entries (ids increasing) in one transaction and drops what lies more than
    // @p capacity entries behind the newest.
    Status append(const QString &container, const std::vector<ContainerLogRing::Entry> &entries,
                  size_t capacity);
    Status removeAll(const QString &container);

private:
    SqliteConnection m_db;
};

} // namespace orion::container
