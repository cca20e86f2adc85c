// SPDX-License-Identifier: GPL-3.0-or-later
#include "container/ContainerLogStore.h"

#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>

#include <algorithm>

namespace orion::container {

namespace {

ContainerLogRing::Level levelFrom(int stored) {
    switch (stored) {
    case 1:
        return ContainerLogRing::Level::Warning;
    case 2:
        return ContainerLogRing::Level::Error;
    default:
        return ContainerLogRing::Level::Info;
    }
}

int levelTo(ContainerLogRing::Level level) {
    switch (level) {
    case ContainerLogRing::Level::Info:
        return 0;
    case ContainerLogRing::Level::Warning:
        return 1;
    case ContainerLogRing::Level::Error:
        return 2;
    }
    return 0;
}
} // namespace

ContainerLogStore::ContainerLogStore()
    : m_db(
          QStringLiteral("orion-container-log"),
          {
              // WAL with synchronous=NORMAL: a committed entry survives a crash of the process
              // (kill -9 included) and the file is never left corrupt; only a power loss may take
              // the last entries back. Log lines are not worth a disk sync each, unlike the store.
              QStringLiteral("PRAGMA journal_mode=WAL"),
              QStringLiteral("PRAGMA synchronous=NORMAL"),
              QStringLiteral(
                  "CREATE TABLE IF NOT EXISTS container_log (container TEXT NOT NULL, id INTEGER "
                  "NOT NULL, time_ms INTEGER NOT NULL, level INTEGER NOT NULL, text TEXT NOT NULL, "
                  "PRIMARY KEY (container, id)) WITHOUT ROWID"),
          }) {}

ContainerLogStore::~ContainerLogStore() = default;

Status ContainerLogStore::open(const QString &databasePath) {
    return m_db.open(databasePath);
}

void ContainerLogStore::close() {
    m_db.close();
}

Result<ContainerLogStore::Loaded> ContainerLogStore::load(const QString &container,
                                                          size_t capacity) {
    using R = Result<Loaded>;
    if (auto s = m_db.connect(); !s) {
        return R::failure(s.error());
    }
    QSqlQuery q(m_db.database());
    q.setForwardOnly(true);
    q.prepare(QStringLiteral("SELECT id, time_ms, level, text FROM container_log WHERE "
                             "container = ? ORDER BY id DESC LIMIT ?"));
    q.addBindValue(container);
    q.addBindValue(qint64(capacity));
    if (!q.exec()) {
        return R::failure(QStringLiteral("reading the log: %1").arg(q.lastError().text()));
    }
    Loaded out;
    while (q.next()) {
        out.entries.push_back({q.value(0).toULongLong(), q.value(1).toLongLong(),
                               levelFrom(q.value(2).toInt()), q.value(3).toString()});
    }
    std::reverse(out.entries.begin(), out.entries.end());
    out.lastId = out.entries.empty() ? 0 : out.entries.back().id;
    return out;
}

Status ContainerLogStore::append(const QString &container,
                                 const std::vector<ContainerLogRing::Entry> &entries,
                                 size_t capacity) {
    if (entries.empty()) {
        return {};
    }
    if (auto s = m_db.connect(); !s) {
        return s;
    }
    QSqlDatabase db = m_db.database();
    if (!db.transaction()) {
        return SqliteConnection::failure(QStringLiteral("begin"), db.lastError());
    }
    QSqlQuery put(db);
    put.prepare(QStringLiteral("INSERT OR REPLACE INTO container_log (container, id, time_ms, "
                               "level, text) VALUES (?, ?, ?, ?, ?)"));
    for (const auto &e : entries) {
        put.bindValue(0, container);
        put.bindValue(1, qint64(e.id));
        put.bindValue(2, e.timeMs);
        put.bindValue(3, levelTo(e.level));
        put.bindValue(4, e.text);
        if (!put.exec()) {
            const QSqlError error = put.lastError();
            db.rollback();
            return SqliteConnection::failure(QStringLiteral("writing the log"), error);
        }
    }
    // Ids are consecutive, so "more than capacity behind the newest" is one range.
    const quint64 newest = entries.back().id;
    if (newest > capacity) {
        QSqlQuery trim(db);
        trim.prepare(QStringLiteral("DELETE FROM container_log WHERE container = ? AND id <= ?"));
        trim.addBindValue(container);
        trim.addBindValue(qint64(newest - capacity));
        if (!trim.exec()) {
            const QSqlError error = trim.lastError();
            db.rollback();
            return SqliteConnection::failure(QStringLiteral("trimming the log"), error);
        }
    }
    if (!db.commit()) {
        const QSqlError error = db.lastError();
        db.rollback();
        return SqliteConnection::failure(QStringLiteral("commit"), error);
    }
    return {};
}

Status ContainerLogStore::removeAll(const QString &container) {
    if (auto s = m_db.connect(); !s) {
        return s;
    }
    QSqlQuery q(m_db.database());
    q.prepare(QStringLiteral("DELETE FROM container_log WHERE container = ?"));
    q.addBindValue(container);
    if (!q.exec()) {
        return SqliteConnection::failure(QStringLiteral("deleting the log"), q.lastError());
    }
    return {};
}

} // namespace orion::container
