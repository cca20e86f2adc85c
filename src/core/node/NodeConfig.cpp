// SPDX-License-Identifier: GPL-3.0-or-later
#include "node/NodeConfig.h"

#include <QSettings>

namespace orion::node {

NodeConfig NodeConfig::fromSettings(const QSettings &settings) {
    NodeConfig c;
    c.listenPort = quint16(settings.value(QStringLiteral("network/port"), c.listenPort).toUInt());
    c.advertisedAddresses = settings.value(QStringLiteral("network/addresses")).toStringList();
    c.listen = settings.value(QStringLiteral("network/listen"), true).toBool();
    const QString listenAddress =
        settings.value(QStringLiteral("network/listenAddress")).toString();
    if (!listenAddress.isEmpty()) {
        c.listenAddress = QHostAddress(listenAddress);
    }
    auto &o = c.overlay;
    o.routing.addressLimits =
        settings.value(QStringLiteral("overlay/addressLimits"), o.routing.addressLimits).toBool();
    o.routing.k = settings.value(QStringLiteral("overlay/k"), o.routing.k).toInt();
    o.alpha = settings.value(QStringLiteral("overlay/alpha"), o.alpha).toInt();
    o.requestTimeoutMs =
        settings.value(QStringLiteral("overlay/requestTimeoutMs"), o.requestTimeoutMs).toLongLong();
    o.refreshIntervalMs =
        settings.value(QStringLiteral("overlay/refreshIntervalMs"), o.refreshIntervalMs)
            .toLongLong();
    o.maintenanceIntervalMs =
        settings.value(QStringLiteral("overlay/maintenanceIntervalMs"), o.maintenanceIntervalMs)
            .toLongLong();
    c.bootstrapIntervalMs =
        settings.value(QStringLiteral("overlay/bootstrapIntervalMs"), c.bootstrapIntervalMs)
            .toLongLong();
    c.routeTimeoutMs =
        settings.value(QStringLiteral("routing/routeTimeoutMs"), c.routeTimeoutMs).toLongLong();
    c.neighbourConnections =
        settings.value(QStringLiteral("routing/neighbourConnections"), c.neighbourConnections)
            .toInt();
    c.connectionsPerBucket =
        settings.value(QStringLiteral("routing/connectionsPerBucket"), c.connectionsPerBucket)
            .toInt();
    c.maxConnections =
        settings.value(QStringLiteral("routing/maxConnections"), c.maxConnections).toInt();
    return c;
}

} // namespace orion::node
