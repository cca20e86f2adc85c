// SPDX-License-Identifier: GPL-3.0-or-later
// MessageLogModel: the console's bounded history of sent and received messages, appended
// as MessageChannel batches arrive. GUI thread.
#pragma once

#include "facade/ConsoleMessage.h"

#include <QAbstractTableModel>
#include <QList>

namespace orion::app::models {

class MessageLogModel : public QAbstractTableModel {
    Q_OBJECT

public:
    enum Column {
        TimeColumn,
        DirectionColumn,
        PeerColumn,
        ServiceColumn,
        BodyColumn,
        StatusColumn,
        ColumnCount
    };
    static constexpr int kCapacity = 1000;

    explicit MessageLogModel(QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

    void append(const QList<facade::ConsoleMessage> &messages);
    const facade::ConsoleMessage &messageAt(int row) const { return m_rows.at(row); }

private:
    QList<facade::ConsoleMessage> m_rows;
};

} // namespace orion::app::models
