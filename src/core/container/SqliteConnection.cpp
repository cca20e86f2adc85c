// SPDX-License-Identifier: GPL-3.0-or-later
#include "container/SqliteConnection.h"

#include <QAtomicInteger>
#include <QSqlError>
#include <QSqlQuery>

namespace orion::container {

namespace {
QAtomicInteger<quint64> g_connectionSerial;
} // namespace

SqliteConnection::SqliteConnection(const QString &prefix, QStringList setup)
    : m_name(QStringLiteral("%1-%2").arg(prefix).arg(g_connectionSerial.fetchAndAddRelaxed(1)))
    , m_setup(std::move(setup)) {}

SqliteConnection::~SqliteConnection() {
    close();
}

Status SqliteConnection::open(const QString &databasePath) {
    close();
    if (databasePath.isEmpty()) {
        return Status::failure(QStringLiteral("no path for the container database"));
    }
    m_path = databasePath;
    return {};
}

void SqliteConnection::close() {
    m_path.clear();
    if (!m_open) {
        return;
    }
    {
        QSqlDatabase db = QSqlDatabase::database(m_name, false);
        db.close();
    }
    QSqlDatabase::removeDatabase(m_name);
    m_open = false;
}

Status SqliteConnection::connect() {
    if (m_open) {
        return {};
    }
    if (m_path.isEmpty()) {
        return Status::failure(QStringLiteral("the container database is not open"));
    }
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), m_name);
        db.setDatabaseName(m_path);
        db.setConnectOptions(QStringLiteral("QSQLITE_BUSY_TIMEOUT=5000"));
        if (!db.open()) {
            const QSqlError error = db.lastError();
            db = QSqlDatabase();
            QSqlDatabase::removeDatabase(m_name);
            return failure(QStringLiteral("cannot open %1").arg(m_path), error);
        }
        QSqlQuery q(db);
        for (const QString &sql : m_setup) {
            if (!q.exec(sql)) {
                const QSqlError error = q.lastError();
                q = QSqlQuery();
                db.close();
                db = QSqlDatabase();
                QSqlDatabase::removeDatabase(m_name);
                return failure(sql, error);
            }
        }
    }
    m_open = true;
    return {};
}

QSqlDatabase SqliteConnection::database() const {
    return QSqlDatabase::database(m_name, false);
}

Status SqliteConnection::failure(const QString &what, const QSqlError &error) {
    return Status::failure(QStringLiteral("%1: %2").arg(what, error.text()));
}

} // namespace orion::container
