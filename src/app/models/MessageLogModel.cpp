// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/MessageLogModel.h"

#include <QLocale>

namespace orion::app::models {

MessageLogModel::MessageLogModel(QObject *parent)
    : QAbstractTableModel(parent) {}

int MessageLogModel::rowCount(const QModelIndex &parent) const {
    return parent.isValid() ? 0 : int(m_rows.size());
}

int MessageLogModel::columnCount(const QModelIndex &parent) const {
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant MessageLogModel::data(const QModelIndex &index, int role) const {
    if (!index.isValid() || index.row() >= m_rows.size()) {
        return {};
    }
    const facade::ConsoleMessage &m = m_rows.at(index.row());
    if (role == Qt::ToolTipRole && index.column() == PeerColumn) {
        return m.peer;
    }
    if (role != Qt::DisplayRole && role != Qt::ToolTipRole) {
        return {};
    }
    switch (index.column()) {
    case TimeColumn:
        return QLocale().toString(m.time.toLocalTime().time(), QLocale::ShortFormat);
    case DirectionColumn:
        return m.incoming ? tr("Received") : tr("Sent");
    case PeerColumn:
        return m.peer.left(8);
    case ServiceColumn:
        return m.service;
    case BodyColumn:
        return QString::fromUtf8(m.body);
    case StatusColumn:
        if (m.incoming) {
            return QString();
        }
        return m.status.isEmpty() ? tr("Sent to the network") : m.status;
    }
    return {};
}

QVariant MessageLogModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole) {
        return {};
    }
    switch (section) {
    case TimeColumn:
        return tr("Time");
    case DirectionColumn:
        return tr("Direction");
    case PeerColumn:
        return tr("Peer");
    case ServiceColumn:
        return tr("Service");
    case BodyColumn:
        return tr("Message");
    case StatusColumn:
        return tr("Result");
    }
    return {};
}

void MessageLogModel::append(const QList<facade::ConsoleMessage> &messages) {
    if (messages.isEmpty()) {
        return;
    }
    const int overflow = int(m_rows.size() + messages.size()) - kCapacity;
    if (overflow > 0) {
        const int drop = qMin(overflow, int(m_rows.size()));
        if (drop > 0) {
            beginRemoveRows({}, 0, drop - 1);
            m_rows.remove(0, drop);
            endRemoveRows();
        }
    }
    const int first = int(m_rows.size());
    beginInsertRows({}, first, first + int(messages.size()) - 1);
    m_rows.append(messages);
    endInsertRows();
}

} // namespace orion::app::models
