// SPDX-License-Identifier: GPL-3.0-or-later
// ContainerStore: the persistent key-value data of every container, in the profile's SQLite
// database (WAL, synchronous=FULL). Owns one Qt SQL connection, made on first use (a node
// that hosts no container holds none); used only on the node thread, since Qt SQL
// connections belong to their thread.
#pragma once

#include "container/SqliteConnection.h"
#include "util/Result.h"

#include <QByteArray>
#include <QHash>
#include <QString>

#include <optional>
#include <vector>

namespace orion::container {

class ContainerStore {
public:
    // One write of a finished instance: a value (JSON) or, without one, a deletion.
    struct Write {
        QString key;
        std::optional<QByteArray> value;
    };

    ContainerStore();
    ~ContainerStore();
    ContainerStore(const ContainerStore &) = delete;
    ContainerStore &operator=(const ContainerStore &) = delete;

    // Names the database; it is opened (and its table created) by the first load, commit
    // or removal, whose error then says why it could not be.
    Status open(const QString &databasePath);
    void close();

    // Every key and value of one container (keyed by its 40-hex key).
    Result<QHash<QString, QByteArray>> load(const QString &container);
    // Applies @p writes in one transaction; either all of them are durable or none.
    Status commit(const QString &container, const std::vector<Write> &writes);
    Status removeAll(const QString &container);

private:
    SqliteConnection m_db;
};

} // namespace orion::container
