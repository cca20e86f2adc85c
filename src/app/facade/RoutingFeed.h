// SPDX-License-Identifier: GPL-3.0-or-later
// RoutingFeed: the routing concern of the node facade: the latest routing-table snapshot.
// Lives on the GUI thread, owned by NodeController.
#pragma once

#include "facade/RoutingSnapshot.h"

#include <QObject>

namespace orion::app::facade {

class RoutingFeed : public QObject {
    Q_OBJECT

public:
    explicit RoutingFeed(QObject *parent = nullptr);

    const RoutingSnapshot &current() const { return m_current; }
    void apply(const RoutingSnapshot &snapshot);

Q_SIGNALS:
    void snapshotChanged(const orion::app::facade::RoutingSnapshot &snapshot);

private:
    RoutingSnapshot m_current;
};

} // namespace orion::app::facade
