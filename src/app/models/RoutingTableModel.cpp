// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/RoutingTableModel.h"

#include <QHash>
#include <QLocale>

namespace orion::app::models {

using facade::ContactInfo;
using facade::ContactState;

RoutingTableModel::RoutingTableModel(QObject *parent)
    : QAbstractTableModel(parent) {}

int RoutingTableModel::rowCount(const QModelIndex &parent) const {
    return parent.isValid() ? 0 : int(m_rows.size());
}

int RoutingTableModel::columnCount(const QModelIndex &parent) const {
    return parent.isValid() ? 0 : ColumnCount;
}

QString RoutingTableModel::stateText(ContactState state) {
    switch (state) {
    case ContactState::Connected:
        return tr("Connected");
    case ContactState::Known:
        return tr("Known");
    case ContactState::Failing:
        return tr("Not answering");
    case ContactState::Replacement:
        return tr("Replacement");
    }
    return {};
}

QVariant RoutingTableModel::data(const QModelIndex &index, int role) const {
    if (!index.isValid() || index.row() >= m_rows.size()) {
        return {};
    }
    const ContactInfo &c = m_rows.at(index.row());
    if (role == kFullIdRole) {
        return c.id.toHex();
    }
    if (role == Qt::ToolTipRole && index.column() == IdColumn) {
        return c.id.toHex();
    }
    if (role == Qt::TextAlignmentRole) {
        switch (index.column()) {
        case BucketColumn:
        case DistanceColumn:
        case ScoreColumn:
        case RttColumn:
            return int(Qt::AlignRight | Qt::AlignVCenter);
        default:
            return {};
        }
    }
    if (role == kSortRole) {
        switch (index.column()) {
        case IdColumn:
            return c.id.toHex();
        case BucketColumn:
            return c.bucket;
        case DistanceColumn:
            return c.prefixBits;
        case AddressColumn:
            return c.address;
        case ScoreColumn:
            return c.score;
        case RttColumn:
            return c.rttMs;
        case LastSeenColumn:
            return c.lastSeen;
        case StateColumn:
            return int(c.state);
        }
    }
    if (role == Qt::DisplayRole) {
        const QLocale locale;
        switch (index.column()) {
        case IdColumn:
            return c.id.shortHex();
        case BucketColumn:
            return c.bucket;
        case DistanceColumn:
            return tr("%n bit(s)", nullptr, c.prefixBits);
        case AddressColumn:
            return c.address;
        case ScoreColumn:
            return locale.toString(c.score, 'f', 2);
        case RttColumn:
            return c.rttMs < 0 ? tr("–") : tr("%1 ms").arg(c.rttMs);
        case LastSeenColumn:
            return c.lastSeen.isValid()
                       ? locale.toString(c.lastSeen.toLocalTime().time(), QLocale::ShortFormat)
                       : tr("never");
        case StateColumn:
            return stateText(c.state);
        }
    }
    return {};
}

QVariant RoutingTableModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole) {
        return {};
    }
    switch (section) {
    case IdColumn:
        return tr("Node ID");
    case BucketColumn:
        return tr("Bucket");
    case DistanceColumn:
        return tr("Common prefix");
    case AddressColumn:
        return tr("Address");
    case ScoreColumn:
        return tr("Score");
    case RttColumn:
        return tr("RTT");
    case LastSeenColumn:
        return tr("Last seen");
    case StateColumn:
        return tr("State");
    }
    return {};
}

void RoutingTableModel::applySnapshot(const facade::RoutingSnapshot &snapshot) {
    QHash<identity::Key160, const ContactInfo *> incoming;
    incoming.reserve(snapshot.contacts.size());
    for (const ContactInfo &c : snapshot.contacts) {
        incoming.insert(c.id, &c);
    }

    // Remove rows that left, as contiguous ranges from the bottom so indices stay valid.
    for (int row = int(m_rows.size()) - 1; row >= 0;) {
        if (incoming.contains(m_rows.at(row).id)) {
            --row;
            continue;
        }
        int first = row;
        while (first > 0 && !incoming.contains(m_rows.at(first - 1).id)) {
            --first;
        }
        beginRemoveRows({}, first, row);
        m_rows.remove(first, row - first + 1);
        endRemoveRows();
        row = first - 1;
    }

    // Update what stayed, in place.
    QHash<identity::Key160, int> present;
    for (int row = 0; row < m_rows.size(); ++row) {
        const ContactInfo &fresh = *incoming.value(m_rows.at(row).id);
        present.insert(fresh.id, row);
        if (!(fresh == m_rows.at(row))) {
            m_rows[row] = fresh;
            Q_EMIT dataChanged(index(row, 0), index(row, ColumnCount - 1));
        }
    }

    // Append newcomers in snapshot order.
    QList<ContactInfo> added;
    for (const ContactInfo &c : snapshot.contacts) {
        if (!present.contains(c.id)) {
            added.append(c);
        }
    }
    if (!added.isEmpty()) {
        const int first = int(m_rows.size());
        beginInsertRows({}, first, first + int(added.size()) - 1);
        m_rows.append(added);
        endInsertRows();
    }
}

} // namespace orion::app::models
