// SPDX-License-Identifier: GPL-3.0-or-later
// LogModel: a bounded ring of user-facing log entries for the log view; old entries fall
// off the top as new ones arrive (remove/insert, never a reset). GUI thread.
#pragma once

#include "facade/LogEntry.h"

#include <QAbstractTableModel>
#include <QList>

namespace orion::app::models {

class LogModel : public QAbstractTableModel {
    Q_OBJECT

public:
    enum Column { TimeColumn, LevelColumn, CategoryColumn, MessageColumn, ColumnCount };
    static constexpr int kLevelRole = Qt::UserRole + 1;
    static constexpr int kDefaultCapacity = 2000;

    explicit LogModel(int capacity = kDefaultCapacity, QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

    int capacity() const { return m_capacity; }
    void append(const QList<facade::LogEntry> &entries);
    static QString levelText(facade::LogLevel level);

private:
    int m_capacity;
    QList<facade::LogEntry> m_rows;
};

} // namespace orion::app::models
