// SPDX-License-Identifier: GPL-3.0-or-later
#include "container/ContainerStore.h"

#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>

namespace orion::container {

ContainerStore::ContainerStore()
    : m_db(QStringLiteral("orion-container-store"),
           {
               // WAL lets readers of other tables (the message log) run beside the writer;
               // synchronous=FULL syncs the WAL at every commit, so an acknowledged write
               // survives a power loss, not just a crash of the process.
               QStringLiteral("PRAGMA journal_mode=WAL"),
               QStringLiteral("PRAGMA synchronous=FULL"),
               QStringLiteral(
                   "CREATE TABLE IF NOT EXISTS container_store (container TEXT NOT NULL, key TEXT "
                   "NOT NULL, value BLOB NOT NULL, PRIMARY KEY (container, key)) WITHOUT ROWID"),
           }) {}

ContainerStore::~ContainerStore() = default;

Status ContainerStore::open(const QString &databasePath) {
    return m_db.open(databasePath);
}

void ContainerStore::close() {
    m_db.close();
}

Result<QHash<QString, QByteArray>> ContainerStore::load(const QString &container) {
    using R = Result<QHash<QString, QByteArray>>;
    if (auto s = m_db.connect(); !s) {
        return R::failure(s.error());
    }
    QSqlQuery q(m_db.database());
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
    if (auto s = m_db.connect(); !s) {
        return s;
    }
    QSqlDatabase db = m_db.database();
    if (!db.transaction()) {
        return SqliteConnection::failure(QStringLiteral("begin"), db.lastError());
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
            return SqliteConnection::failure(QStringLiteral("writing \"%1\"").arg(w.key), error);
        }
    }
    if (!db.commit()) {
        const QSqlError error = db.lastError();
        db.rollback();
        return SqliteConnection::failure(QStringLiteral("commit"), error);
    }
    return {};
}

Status ContainerStore::removeAll(const QString &container) {
    if (auto s = m_db.connect(); !s) {
        return s;
    }
    QSqlQuery q(m_db.database());
    q.prepare(QStringLiteral("DELETE FROM container_store WHERE container = ?"));
    q.addBindValue(container);
    if (!q.exec()) {
        return SqliteConnection::failure(QStringLiteral("deleting the store"), q.lastError());
    }
    return {};
}

} // namespace orion::container
