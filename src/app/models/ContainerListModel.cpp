// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/ContainerListModel.h"

#include <QLocale>

#include <algorithm>

namespace orion::app::models {

using facade::ContainerInfo;
using facade::ContainerState;

ContainerListModel::ContainerListModel(QObject *parent)
    : QAbstractTableModel(parent) {}

int ContainerListModel::rowCount(const QModelIndex &parent) const {
    return parent.isValid() ? 0 : int(m_rows.size());
}

int ContainerListModel::columnCount(const QModelIndex &parent) const {
    return parent.isValid() ? 0 : ColumnCount;
}

QString ContainerListModel::stateText(ContainerState state) {
    switch (state) {
    case ContainerState::Running:
        return tr("Running");
    case ContainerState::Stopped:
        return tr("Stopped");
    case ContainerState::Broken:
        return tr("Not loaded");
    }
    return {};
}

QVariant ContainerListModel::data(const QModelIndex &index, int role) const {
    if (!index.isValid() || index.row() >= m_rows.size()) {
        return {};
    }
    const ContainerInfo &c = m_rows.at(index.row());
    if (role == Qt::ToolTipRole) {
        if (index.column() == KeyColumn) {
            return c.key;
        }
        if (index.column() == StateColumn && !c.error.isEmpty()) {
            return c.error;
        }
        return {};
    }
    if (role == Qt::TextAlignmentRole && index.column() >= VersionColumn) {
        return QVariant(Qt::AlignRight | Qt::AlignVCenter);
    }
    if (role != Qt::DisplayRole) {
        return {};
    }
    const QLocale locale;
    switch (index.column()) {
    case NameColumn:
        return c.name;
    case KeyColumn:
        return c.key.left(8);
    case StateColumn:
        return stateText(c.state);
    case VersionColumn:
        return c.key.isEmpty() ? QString() : locale.toString(c.version);
    case MessagesColumn:
        return locale.toString(c.messagesIn);
    case RepliesColumn:
        return locale.toString(c.replies);
    case ErrorsColumn:
        return locale.toString(c.errors);
    }
    return {};
}

QVariant ContainerListModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole) {
        return {};
    }
    switch (section) {
    case NameColumn:
        return tr("Name");
    case KeyColumn:
        return tr("Key");
    case StateColumn:
        return tr("State");
    case VersionColumn:
        return tr("Version");
    case MessagesColumn:
        return tr("Messages");
    case RepliesColumn:
        return tr("Replies");
    case ErrorsColumn:
        return tr("Errors");
    }
    return {};
}

int ContainerListModel::rowOf(const QString &name) const {
    for (int row = 0; row < m_rows.size(); ++row) {
        if (m_rows.at(row).name == name) {
            return row;
        }
    }
    return -1;
}

void ContainerListModel::applySnapshot(const QList<ContainerInfo> &containers) {
    // Remove rows whose container is gone, from the bottom so indexes stay valid.
    for (int row = int(m_rows.size()) - 1; row >= 0; --row) {
        const QString &name = m_rows.at(row).name;
        const bool kept = std::any_of(containers.begin(), containers.end(),
                                      [&](const ContainerInfo &c) { return c.name == name; });
        if (!kept) {
            beginRemoveRows({}, row, row);
            m_rows.removeAt(row);
            endRemoveRows();
        }
    }
    // Update the others in place and insert new ones where the snapshot's order puts them.
    for (int i = 0; i < containers.size(); ++i) {
        const ContainerInfo &c = containers.at(i);
        const int row = rowOf(c.name);
        if (row < 0) {
            const int at = std::min(i, int(m_rows.size()));
            beginInsertRows({}, at, at);
            m_rows.insert(at, c);
            endInsertRows();
        } else if (!(m_rows.at(row) == c)) {
            m_rows[row] = c;
            Q_EMIT dataChanged(index(row, 0), index(row, ColumnCount - 1));
        }
    }
}

} // namespace orion::app::models
