// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/MessageLogModel.h"

#include <QLocale>

#include <algorithm>

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
    const facade::ConsoleMessage &m = m_rows.at(index.row()).message;
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
        switch (m.event) {
        case facade::ConsoleEvent::Received:
            return tr("Received");
        case facade::ConsoleEvent::Reply:
            return tr("Reply");
        default:
            return tr("Sent");
        }
    case PeerColumn:
        return m.peer.left(8);
    case ServiceColumn:
        return m.service;
    case BodyColumn:
        return QString::fromUtf8(m.body);
    case StatusColumn:
        return resultText(index.row());
    }
    return {};
}

QString MessageLogModel::resultText(int row) const {
    const Row &r = m_rows.at(row);
    if (r.message.event != facade::ConsoleEvent::Sent) {
        return QString();
    }
    if (!r.message.status.isEmpty()) {
        return r.message.status;
    }
    switch (r.outcome) {
    case facade::ConsoleEvent::Failed:
        return tr("Failed: %1").arg(r.failure);
    case facade::ConsoleEvent::Reply:
        return tr("Answered");
    case facade::ConsoleEvent::Delivered:
        return r.hops >= 0 ? tr("Delivered after %n hop(s)", nullptr, r.hops) : tr("Delivered");
    default:
        return tr("Sent, waiting for the receipt");
    }
}

int MessageLogModel::rowOfRequest(quint64 requestId) const {
    // Results follow their message closely: search from the newest row.
    for (int row = int(m_rows.size()) - 1; row >= 0; --row) {
        const Row &r = m_rows.at(row);
        if (r.message.event == facade::ConsoleEvent::Sent && r.message.requestId == requestId) {
            return row;
        }
    }
    return -1;
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
    QList<Row> fresh;
    for (const facade::ConsoleMessage &m : messages) {
        const bool result =
            m.event == facade::ConsoleEvent::Delivered || m.event == facade::ConsoleEvent::Failed;
        if (m.event != facade::ConsoleEvent::Sent && m.requestId != 0) {
            // Rows still waiting in `fresh` are appended below; update them there.
            auto pending = std::find_if(fresh.rbegin(), fresh.rend(), [&](const Row &r) {
                return r.message.event == facade::ConsoleEvent::Sent &&
                       r.message.requestId == m.requestId;
            });
            Row *target = pending != fresh.rend() ? &*pending : nullptr;
            const int row = target ? -1 : rowOfRequest(m.requestId);
            if (!target && row >= 0) {
                target = &m_rows[row];
            }
            if (target) {
                // A reply or an error outranks a receipt, whichever arrives first.
                if (m.event == facade::ConsoleEvent::Failed ||
                    m.event == facade::ConsoleEvent::Reply ||
                    target->outcome == facade::ConsoleEvent::Sent) {
                    target->outcome = m.event;
                }
                if (m.event == facade::ConsoleEvent::Delivered) {
                    target->hops = m.hops;
                } else if (m.event == facade::ConsoleEvent::Failed) {
                    target->failure = m.status;
                }
                if (row >= 0) {
                    Q_EMIT dataChanged(index(row, StatusColumn), index(row, StatusColumn));
                }
            }
            if (result) {
                continue;
            }
        }
        fresh.append(Row{m});
    }
    appendRows(fresh);
}

void MessageLogModel::appendRows(const QList<Row> &rows) {
    if (rows.isEmpty()) {
        return;
    }
    const int overflow = int(m_rows.size() + rows.size()) - kCapacity;
    if (overflow > 0) {
        const int drop = qMin(overflow, int(m_rows.size()));
        if (drop > 0) {
            beginRemoveRows({}, 0, drop - 1);
            m_rows.remove(0, drop);
            endRemoveRows();
        }
    }
    const int first = int(m_rows.size());
    beginInsertRows({}, first, first + int(rows.size()) - 1);
    m_rows.append(rows);
    endInsertRows();
}

} // namespace orion::app::models
