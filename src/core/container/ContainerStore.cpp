// SPDX-License-Identifier: GPL-3.0-or-later
#include "container/ContainerStore.h"

#include <QAtomicInteger>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>

namespace orion::container {

namespace {
// Many nodes may run in one process; each store needs a connection name of its own.
QAtomicInteger<quint64> g_connectionSerial;

Status sqlFailure(const QString &what, const QSqlError &error) {
    return Status::failure(QStringLiteral("%1: %2").arg(what, error.text()));
}
} // namespace

ContainerStore::ContainerStore()
    : m_connection(QStringLiteral("orion-container-store-%1")
                       .arg(g_connectionSerial.fetchAndAddRelaxed(1))) {}

ContainerStore::~ContainerStore() {
    close();
}

Status ContainerStore::open(const QString &databasePath) {
    close();
    if (databasePath.isEmpty()) {
        return Status::failure(QStringLiteral("no path for the container database"));
    }
    m_path = databasePath;
    return {};
}

Status ContainerStore::connectDatabase() {
    if (m_open) {
        return {};
    }
    if (m_path.isEmpty()) {
        return Status::failure(QStringLiteral("the container database is not open"));
    }
    const QString databasePath = m_path;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), m_connection);
        db.setDatabaseName(databasePath);
        db.setConnectOptions(QStringLiteral("QSQLITE_BUSY_TIMEOUT=5000"));
        if (!db.open()) {
            const QSqlError error = db.lastError();
            db = QSqlDatabase();
            QSqlDatabase::removeDatabase(m_connection);
            return sqlFailure(QStringLiteral("cannot open %1").arg(databasePath), error);
        }
        QSqlQuery q(db);
        // WAL lets readers of other tables (the message log) run beside the writer;
        // synchronous=FULL syncs the WAL at every commit, so an acknowledged write
        // survives a power loss, not just a crash of the process.
        const char *pragmas[] = {
            "PRAGMA journal_mode=WAL",
            "PRAGMA synchronous=FULL",
            "CREATE TABLE IF NOT EXISTS container_store (container TEXT NOT NULL, key TEXT NOT "
            "NULL, value BLOB NOT NULL, PRIMARY KEY (container, key)) WITHOUT ROWID",
        };
        for (const char *sql : pragmas) {
            if (!q.exec(QString::fromLatin1(sql))) {
                const QSqlError error = q.lastError();
                q = QSqlQuery();
                db.close();
                db = QSqlDatabase();
                QSqlDatabase::removeDatabase(m_connection);
                return sqlFailure(QString::fromLatin1(sql), error);
            }
        }
    }
    m_open = true;
    return {};
}

void ContainerStore::close() {
    m_path.clear();
    if (!m_open) {
        return;
    }
    {
        QSqlDatabase db = QSqlDatabase::database(m_connection, false);
        db.close();
    }
    QSqlDatabase::removeDatabase(m_connection);
    m_open = false;
}

Result<QHash<QString, QByteArray>> ContainerStore::load(const QString &container) {
    using R = Result<QHash<QString, QByteArray>>;
    if (auto s = connectDatabase(); !s) {
        return R::failure(s.error());
    }
    QSqlQuery q(QSqlDatabase::database(m_connection, false));
    q.setForwardOnly(true);
    q.prepare(QStringLiteral("SELECT key, value FROM container_store WHERE container = ?"));
    q.addBindValue(container);
    if (!q.exec()) {
        return R::failure(QStringLiteral("reading the store: %1").arg(q.lastError().text()));
    }
    QHash<QString, QByteArray> out;
    while (q.next()) {
        out.insert(q.value(0).toString(), q.value(1).toByteArray());
    }
    return out;
}

Status ContainerStore::commit(const QString &container, const std::vector<Write> &writes) {
    if (auto s = connectDatabase(); !s) {
        return s;
    }
    QSqlDatabase db = QSqlDatabase::database(m_connection, false);
    if (!db.transaction()) {
        return sqlFailure(QStringLiteral("begin"), db.lastError());
    }
    QSqlQuery put(db);
    QSqlQuery del(db);
    put.prepare(QStringLiteral(
        "INSERT OR REPLACE INTO container_store (container, key, value) VALUES (?, ?, ?)"));
    del.prepare(QStringLiteral("DELETE FROM container_store WHERE container = ? AND key = ?"));
    for (const Write &w : writes) {
        QSqlQuery &q = w.value ? put : del;
        q.bindValue(0, container);
        q.bindValue(1, w.key);
        if (w.value) {
            q.bindValue(2, *w.value);
        }
        if (!q.exec()) {
            const QSqlError error = q.lastError();
            db.rollback();
            return sqlFailure(QStringLiteral("writing \"%1\"").arg(w.key), error);
        }
    }
    if (!db.commit()) {
        const QSqlError error = db.lastError();
        db.rollback();
        return sqlFailure(QStringLiteral("commit"), error);
    }
    return {};
}

Status ContainerStore::removeAll(const QString &container) {
    if (auto s = connectDatabase(); !s) {
        return s;
    }
    QSqlQuery q(QSqlDatabase::database(m_connection, false));
    q.prepare(QStringLiteral("DELETE FROM container_store WHERE container = ?"));
    q.addBindValue(container);
    if (!q.exec()) {
        return sqlFailure(QStringLiteral("deleting the store"), q.lastError());
    }
    return {};
}

} // namespace orion::container
