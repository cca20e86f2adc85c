// SPDX-License-Identifier: GPL-3.0-or-later
// RoutingTableModel: the routing table's contacts as rows, kept in step with RoutingFeed
// snapshots by in-place updates (dataChanged, insert, remove; never a reset). GUI thread.
#pragma once

#include "facade/RoutingSnapshot.h"

#include <QAbstractTableModel>
#include <QList>

namespace orion::app::models {

class RoutingTableModel : public QAbstractTableModel {
    Q_OBJECT

public:
    enum Column {
        IdColumn,
        BucketColumn,
        DistanceColumn,
        AddressColumn,
        ScoreColumn,
        RttColumn,
        LastSeenColumn,
        StateColumn,
        ColumnCount
    };
    // Raw values for sorting (numbers sort as numbers) and the full ID for copying.
    static constexpr int kSortRole = Qt::UserRole + 1;
    static constexpr int kFullIdRole = Qt::UserRole + 2;

    explicit RoutingTableModel(QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

    void applySnapshot(const facade::RoutingSnapshot &snapshot);
    const facade::ContactInfo &contactAt(int row) const { return m_rows.at(row); }
    static QString stateText(facade::ContactState state);

private:
    QList<facade::ContactInfo> m_rows;
};

} // namespace orion::app::models
