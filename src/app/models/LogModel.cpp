// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/LogModel.h"

#include <QLocale>

namespace orion::app::models {

using facade::LogEntry;
using facade::LogLevel;

LogModel::LogModel(int capacity, QObject *parent)
    : QAbstractTableModel(parent)
    , m_capacity(qMax(1, capacity)) {}

int LogModel::rowCount(const QModelIndex &parent) const {
    return parent.isValid() ? 0 : int(m_rows.size());
}

int LogModel::columnCount(const QModelIndex &parent) const {
    return parent.isValid() ? 0 : ColumnCount;
}

QString LogModel::levelText(LogLevel level) {
    switch (level) {
    case LogLevel::Debug:
        return tr("Debug");
    case LogLevel::Info:
        return tr("Info");
    case LogLevel::Warning:
        return tr("Warning");
    case LogLevel::Error:
        return tr("Error");
    }
    return {};
}

QVariant LogModel::data(const QModelIndex &index, int role) const {
    if (!index.isValid() || index.row() >= m_rows.size()) {
        return {};
    }
    const LogEntry &e = m_rows.at(index.row());
    if (role == kLevelRole) {
        return int(e.level);
    }
    if (role == Qt::DisplayRole || role == Qt::ToolTipRole) {
        switch (index.column()) {
        case TimeColumn:
            return QLocale().toString(e.time.time(), QStringLiteral("HH:mm:ss.zzz"));
        case LevelColumn:
            return levelText(e.level);
        case CategoryColumn:
            return e.category;
        case MessageColumn:
            return e.message;
        }
    }
    return {};
}

QVariant LogModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole) {
        return {};
    }
    switch (section) {
    case TimeColumn:
        return tr("Time");
    case LevelColumn:
        return tr("Level");
    case CategoryColumn:
        return tr("Category");
    case MessageColumn:
        return tr("Message");
    }
    return {};
}

void LogModel::append(const QList<LogEntry> &entries) {
    if (entries.isEmpty()) {
        return;
    }
    const QList<LogEntry> kept =
        entries.size() > m_capacity ? entries.mid(entries.size() - m_capacity) : entries;
    const int overflow = int(m_rows.size() + kept.size()) - m_capacity;
    if (overflow > 0) {
        beginRemoveRows({}, 0, overflow - 1);
        m_rows.remove(0, overflow);
        endRemoveRows();
    }
    const int first = int(m_rows.size());
    beginInsertRows({}, first, first + int(kept.size()) - 1);
    m_rows.append(kept);
    endInsertRows();
}

} // namespace orion::app::models
