// SPDX-License-Identifier: GPL-3.0-or-later
// MemberAddress: which addresses a member file publishes, so that every file this node
// writes can be dialled: the configured ones, else the specific listen address, else an
// address of this host's network interfaces; and a clear refusal when there is none.
// Stateless; any thread.
#pragma once

#include "util/Result.h"

#include <QHostAddress>
#include <QStringList>

namespace orion::node {

class MemberAddress {
public:
    struct Choice {
        QStringList addresses;
        enum class From {
            Configured, // network/addresses or --address
            Listen,     // the specific listen address
            Interface,  // an address of this host's interfaces
            Loopback,   // no interface but loopback is up: nodes on this host only
        };
        From from = From::Configured;
    };
    // `configured`: network/addresses (or --address); each must be an address others can
    // dial, else the choice fails with the reason. `listen`: network/listenAddress (Any
    // when it listens on every address).
    static Result<Choice> choose(const QStringList &configured, const QHostAddress &listen);
    // The first address of an interface that is up and not loopback (IPv4 before IPv6),
    // if any: what a member file of a node listening everywhere publishes by default.
    static Result<QHostAddress> interfaceAddress();
    // True for loopback and for the addresses of this host's interfaces: a node can listen
    // on these.
    static bool isLocal(const QHostAddress &address);
    // True when `address` parses and others could dial it (not 0.0.0.0, multicast, ...).
    static bool isDialable(const QString &address);
};

} // namespace orion::node
