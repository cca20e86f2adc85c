// SPDX-License-Identifier: GPL-3.0-or-later
#include "facade/RoutingFeed.h"

namespace orion::app::facade {

RoutingFeed::RoutingFeed(QObject *parent)
    : QObject(parent) {}

void RoutingFeed::apply(const RoutingSnapshot &snapshot) {
    m_current = snapshot;
    Q_EMIT snapshotChanged(m_current);
}

} // namespace orion::app::facade
