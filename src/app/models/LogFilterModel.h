// SPDX-License-Identifier: GPL-3.0-or-later
// LogFilterModel: shows log entries at or above a minimum level that match a text filter.
// GUI thread.
#pragma once

#include "facade/LogEntry.h"

#include <QSortFilterProxyModel>

namespace orion::app::models {

class LogFilterModel : public QSortFilterProxyModel {
    Q_OBJECT

public:
    explicit LogFilterModel(QObject *parent = nullptr);

    void setMinimumLevel(facade::LogLevel level);
    facade::LogLevel minimumLevel() const { return m_minimum; }

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;

private:
    facade::LogLevel m_minimum = facade::LogLevel::Info;
};

} // namespace orion::app::models
