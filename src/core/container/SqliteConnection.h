// SPDX-License-Identifier: GPL-3.0-or-later
// SqliteConnection: one named Qt SQL connection to the profile's SQLite database, made on
// first use with the statements its owner needs (pragmas, tables), and removed again on
// close. Many nodes may run in one process, so every connection gets a name of its own.
// Used by one thread only (Qt SQL connections are per thread).
#pragma once

#include "util/Result.h"

#include <QSqlDatabase>
#include <QString>
#include <QStringList>

class QSqlError;

namespace orion::container {

class SqliteConnection {
public:
    // @p prefix names the connection ("orion-container-store"); @p setup are run in order
    // when the connection is made.
    SqliteConnection(const QString &prefix, QStringList setup);
    ~SqliteConnection();
    SqliteConnection(const SqliteConnection &) = delete;
    SqliteConnection &operator=(const SqliteConnection &) = delete;

    // Names the database; it is opened by the first connect(), whose error then says why it
    // could not be.
    Status open(const QString &databasePath);
    void close();
    // Opens the database and runs the setup statements, once.
    Status connect();
    // The connection; valid after a successful connect().
    QSqlDatabase database() const;

    // "WHAT: the driver's text".
    static Status failure(const QString &what, const QSqlError &error);

private:
    QString m_name;
    QStringList m_setup;
    QString m_path;
    bool m_open = false;
};

} // namespace orion::container
