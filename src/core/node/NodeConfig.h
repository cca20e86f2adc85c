// SPDX-License-Identifier: GPL-3.0-or-later
// NodeConfig: every tunable of a running node, with defaults in one place and the
// mapping from the profile's settings file. Plain value type; any thread.
#pragma once

#include "net/TransportConfig.h"
#include "node/DialPolicy.h"
#include "node/SettingKey.h"
#include "node/SettingsKeys.h"
#include "overlay/OverlayConfig.h"
#include "overlay/ProviderStore.h"
#include "routing/RouterConfig.h"
#include "util/Result.h"

#include <QHostAddress>
#include <QStringList>

#include <vector>

class QSettings;

namespace orion::node {

struct NodeConfig {
    // Where to accept connections; listen == false: outbound only (the node is then
    // reachable through the connections it makes).
    bool listen = keys::kListen.defaultValue;
    QHostAddress listenAddress = QHostAddress::Any;
    quint16 listenPort = keys::kPort.defaultValue;
    // Addresses to publish in the member record; empty: the listen address when it is a
    // specific one, else what peers report seeing.
    QStringList advertisedAddresses;

    // Open the portal (the local socket for applications, see docs/portal.md).
    bool portal = true;
    // Host containers (NET-Script programs under the profile's containers/ folder).
    bool containers = true;
    // Bytes of the messages waiting in all containers' queues together (each container
    // has its own bound too, its max_queue_bytes limit).
    qint64 containerQueuedBytes = qint64{64} * 1024 * 1024;
    // How many container-routed messages may lead to one more (docs/containers.md,
    // "Routing loops").
    int containerMaxRouteDepth = 16;
    // Log entries kept per container (in the profile's database, across restarts).
    int containerLogEntries = 1000;

    overlay::OverlayConfig overlay;
    net::TransportConfig transport;
    // A node that listens on a wildcard address and publishes none learns its address from
    // the peers it dials: the address reported from at least this many distinct networks
    // (/24, /64) is checked by a dial-back and then published.
    int observedAddressNetworks = 3;
    // Ask the home router to forward the listen port (UPnP-IGD, then NAT-PMP), renewed at
    // half the lifetime and deleted when the node stops; a peer's dial-back decides whether
    // the mapping is published (docs/networking.md). Never for a loopback listener; the
    // environment variable ORION_PORT_MAPPING=off switches it off whatever the settings say
    // (the test suite does, so that no test outside the network lab asks a real router).
    bool portMapping = true;
    bool portMappingUpnp = true;
    bool portMappingNatPmp = true;
    qint64 portMappingLifetimeSecs = 3600;
    // Which addresses learned from peers the node dials, and how often (DialPolicy).
    DialPolicy::Limits dial;

    // How often the node re-reads its bootstrap list and, with an empty table, bootstraps
    // again; also how often contacts are saved.
    qint64 bootstrapIntervalMs = qint64{30} * 1000;
    qint64 saveIntervalMs = qint64{5} * 60 * 1000;
    // Messages held for a peer while its connection is being made.
    int maxQueuedPerPeer = 64;
    // Saved contacts used as bootstrap seeds at most.
    int maxSavedContacts = 200;

    // Routing (docs/protocol.md section 3).
    routing::RouterConfig router;
    // A message sent with a receipt requested fails with a Timeout error when neither a
    // receipt, a reply nor an error came back within this time.
    qint64 routeTimeoutMs = 10'000;
    // Connections kept open: the closest neighbours (a node without a listener keeps k of
    // them, because they are the only way to reach it) and a few contacts per bucket.
    int neighbourConnections = 8;
    int connectionsPerBucket = 2;
    // Above this many connections, the least recently used ones this node dialled that are
    // not among the kept ones, and idle for connectionIdleMs, are closed.
    int maxConnections = 48;
    qint64 connectionIdleMs = 10'000;
    qint64 connectionPolicyIntervalMs = 5'000;
    // Routed messages accepted from one peer: a token bucket, so one peer cannot starve
    // the others. Messages over the limit are answered with a Busy error.
    double routedPerSecondPerPeer = 20'000;
    double routedBurstPerPeer = 40'000;
    // Provider records this node publishes live this long and are re-published when a
    // third of that is left.
    qint64 providerTtlSecs = 3600;
    // Resolved container hosts are cached this long.
    qint64 providerCacheMs = 60'000;
    // A resolve answers with the newest record that came this soon after the first one.
    qint64 providerSettleMs = 250;
    // Records stored for others: in total, from one peer, naming one host.
    overlay::ProviderStore::Limits providerStore;

    // The defaults, overridden by the keys present in the profile's settings file
    // (docs/settings.md lists them). A key that is present but not a valid value for it is
    // an error naming the key, the value and what it must be.
    static Result<NodeConfig> fromSettings(const QSettings &settings);
    // Every key fromSettings reads, with its type and default (SettingsRegistry).
    static std::vector<SettingInfo> settingKeys();
};

} // namespace orion::node
