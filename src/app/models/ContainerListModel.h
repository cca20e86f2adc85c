// SPDX-License-Identifier: GPL-3.0-or-later
// ContainerListModel: the hosted containers as rows (name, key, state, version, counters),
// kept in step with ContainerFeed snapshots in place (dataChanged, insert, remove; never a
// reset). GUI thread.
#pragma once

#include "facade/ContainerInfo.h"

#include <QAbstractTableModel>
#include <QList>

namespace orion::app::models {

class ContainerListModel : public QAbstractTableModel {
    Q_OBJECT

public:
    enum Column {
        NameColumn,
        KeyColumn,
        StateColumn,
        VersionColumn,
        MessagesColumn,
        RepliesColumn,
        ErrorsColumn,
        ColumnCount
    };

    explicit ContainerListModel(QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

    void applySnapshot(const QList<facade::ContainerInfo> &containers);
    const facade::ContainerInfo &containerAt(int row) const { return m_rows.at(row); }
    // -1 when no container has that name.
    int rowOf(const QString &name) const;
    static QString stateText(facade::ContainerState state);

private:
    QList<facade::ContainerInfo> m_rows; // in name order, as the node lists them
};

} // namespace orion::app::models
