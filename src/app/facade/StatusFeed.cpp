// SPDX-License-Identifier: GPL-3.0-or-later
#include "facade/StatusFeed.h"

namespace orion::app::facade {

StatusFeed::StatusFeed(QObject *parent)
    : QObject(parent) {}

void StatusFeed::apply(const NodeStatus &status) {
    const bool stateChange = status.state != m_current.state;
    m_current = status;
    Q_EMIT statusChanged(m_current);
    if (stateChange) {
        Q_EMIT stateChanged(m_current.state);
    }
}

} // namespace orion::app::facade
