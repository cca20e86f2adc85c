// SPDX-License-Identifier: GPL-3.0-or-later
// MessageLogModel: the console's bounded history of sent, answered and received messages,
// appended and updated as MessageChannel batches arrive. GUI thread.
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

    // Sent, Reply and Received events become rows; Delivered and Failed update the row of
    // the message they belong to (in place, by dataChanged).
    void append(const QList<facade::ConsoleMessage> &messages);
    const facade::ConsoleMessage &messageAt(int row) const { return m_rows.at(row).message; }
    // For a sent message: Sent while nothing came back, else Delivered, Reply or Failed.
    facade::ConsoleEvent outcomeAt(int row) const { return m_rows.at(row).outcome; }
    QString resultText(int row) const;

private:
    struct Row {
        facade::ConsoleMessage message;
        facade::ConsoleEvent outcome = facade::ConsoleEvent::Sent;
        int hops = -1;
        QString failure;
    };
    int rowOfRequest(quint64 requestId) const;
    void appendRows(const QList<Row> &rows);

    QList<Row> m_rows;
};

} // namespace orion::app::models
