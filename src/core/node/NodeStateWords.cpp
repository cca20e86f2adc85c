// SPDX-License-Identifier: GPL-3.0-or-later
#include "node/NodeStateWords.h"

#include <QCoreApplication>

namespace orion::node {

namespace {

QString word(const char *text) {
    return QCoreApplication::translate("NodeStateWords", text);
}

} // namespace

QString NodeStateWords::of(NodeState state) {
    switch (state) {
    case NodeState::Stopped:
        return word(QT_TRANSLATE_NOOP("NodeStateWords", "stopped"));
    case NodeState::Starting:
        return word(QT_TRANSLATE_NOOP("NodeStateWords", "starting"));
    case NodeState::Connecting:
        // Not "connecting": a lone founder waits, correctly, until someone joins.
        return word(QT_TRANSLATE_NOOP("NodeStateWords", "waiting for peers"));
    case NodeState::Online:
        return word(QT_TRANSLATE_NOOP("NodeStateWords", "online"));
    case NodeState::Paused:
        return word(QT_TRANSLATE_NOOP("NodeStateWords", "paused"));
    case NodeState::Failed:
        return word(QT_TRANSLATE_NOOP("NodeStateWords", "failed"));
    }
    return {};
}

QString NodeStateWords::of(const NodeStatus &status) {
    switch (status.state) {
    case NodeState::Online:
        return status.activePeers == 1
                   ? word(QT_TRANSLATE_NOOP("NodeStateWords", "online (1 peer)"))
                   : word(QT_TRANSLATE_NOOP("NodeStateWords", "online (%1 peers)"))
                         .arg(status.activePeers);
    case NodeState::Connecting:
        if (status.noNetwork) {
            return word(QT_TRANSLATE_NOOP("NodeStateWords", "offline (no network)"));
        }
        break;
    case NodeState::Failed:
        if (!status.error.isEmpty()) {
            return word(QT_TRANSLATE_NOOP("NodeStateWords", "failed: %1")).arg(status.error);
        }
        break;
    case NodeState::Stopped:
    case NodeState::Starting:
    case NodeState::Paused:
        break;
    }
    return of(status.state);
}

QString NodeStateWords::reachability(const NodeStatus &status) {
    const Reachability::Report &r = status.reachability;
    const QString at = r.externalAddresses.join(QStringLiteral(", "));
    switch (r.state) {
    case Reachability::State::Public:
        return word(QT_TRANSLATE_NOOP("NodeStateWords", "public at %1")).arg(at);
    case Reachability::State::Mapped:
        return r.portMapping.mapping.protocol == net::PortMapping::Protocol::NatPmp
                   ? word(QT_TRANSLATE_NOOP("NodeStateWords",
                                            "mapped by the router (NAT-PMP) at %1"))
                         .arg(at)
                   : word(QT_TRANSLATE_NOOP("NodeStateWords", "mapped by the router (UPnP) at %1"))
                         .arg(at);
    case Reachability::State::BehindNat:
        return word(QT_TRANSLATE_NOOP("NodeStateWords",
                                      "behind NAT (reached through the connections it makes)"));
    case Reachability::State::Unknown:
        break;
    }
    return word(QT_TRANSLATE_NOOP("NodeStateWords", "reachability unknown"));
}

QString NodeStateWords::code(const NodeStatus &status) {
    switch (status.state) {
    case NodeState::Stopped:
        return QStringLiteral("stopped");
    case NodeState::Starting:
        return QStringLiteral("starting");
    case NodeState::Connecting:
        return status.noNetwork ? QStringLiteral("offline") : QStringLiteral("waiting");
    case NodeState::Online:
        return QStringLiteral("online");
    case NodeState::Paused:
        return QStringLiteral("paused");
    case NodeState::Failed:
        break;
    }
    return QStringLiteral("failed");
}

} // namespace orion::node
