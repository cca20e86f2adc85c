// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/LogFilterModel.h"

#include "models/LogModel.h"

namespace orion::app::models {

LogFilterModel::LogFilterModel(QObject *parent)
    : QSortFilterProxyModel(parent) {
    setFilterCaseSensitivity(Qt::CaseInsensitive);
    setFilterKeyColumn(-1);
}

void LogFilterModel::setMinimumLevel(facade::LogLevel level) {
    if (level == m_minimum) {
        return;
    }
    m_minimum = level;
    invalidateFilter();
}

bool LogFilterModel::filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const {
    const QModelIndex index = sourceModel()->index(sourceRow, 0, sourceParent);
    if (index.data(LogModel::kLevelRole).toInt() < int(m_minimum)) {
        return false;
    }
    return QSortFilterProxyModel::filterAcceptsRow(sourceRow, sourceParent);
}

} // namespace orion::app::models
