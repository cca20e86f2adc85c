// SPDX-License-Identifier: GPL-3.0-or-later
// NodeConfig: every tunable of a running node, with defaults in one place and the
// mapping from the profile's settings file. Plain value type; any thread.
#pragma once

#include "net/TransportConfig.h"
#include "overlay/OverlayConfig.h"

#include <QHostAddress>
#include <QStringList>

class QSettings;

namespace orion::node {

struct NodeConfig {
    // Where to accept connections; listen == false: outbound only (the node is then
    // reachable through the connections it makes).
    bool listen = true;
    QHostAddress listenAddress = QHostAddress::Any;
    quint16 listenPort = 7400;
    // Addresses to publish in the member record; empty: the listen address when it is a
    // specific one, else what peers report seeing.
    QStringList advertisedAddresses;

    overlay::OverlayConfig overlay;
    net::TransportConfig transport;

    // How often the node re-reads its bootstrap list and, with an empty table, bootstraps
    // again; also how often contacts are saved.
    qint64 bootstrapIntervalMs = 30 * 1000;
    qint64 saveIntervalMs = 5 * 60 * 1000;
    // Messages held for a peer while its connection is being made.
    int maxQueuedPerPeer = 64;
    // Saved contacts used as bootstrap seeds at most.
    int maxSavedContacts = 200;

    // Reads [network] port, addresses, listen and [overlay] addressLimits, k, alpha,
    // requestTimeoutMs, refreshIntervalMs, maintenanceIntervalMs.
    static NodeConfig fromSettings(const QSettings &settings);
};

} // namespace orion::node
