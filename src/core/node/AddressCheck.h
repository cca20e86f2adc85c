// SPDX-License-Identifier: GPL-3.0-or-later
// AddressCheck: learns the address this node is reachable at when it must learn it from its
// peers (it listens on a wildcard address and publishes none). The address that peers this
// node dialled report from enough distinct networks is dialled back (SelfProbe); only an
// address that leads back to this node's own key is confirmed and goes into the member
// record. Node thread only.
#pragma once

#include "net/TransportConfig.h"
#include "node/NodeConfig.h"
#include "routing/Endpoint.h"

#include <QHash>
#include <QObject>
#include <QStringList>

#include <functional>
#include <memory>
#include <optional>

namespace orion::crypto {
class Ed25519;
}
namespace orion::overlay {
class OverlayEngine;
}

namespace orion::node {

class DialPolicy;
class SelfProbe;

class AddressCheck : public QObject {
    Q_OBJECT

public:
    struct Parts {
        const overlay::OverlayEngine *engine = nullptr;
        DialPolicy *dialPolicy = nullptr;
        std::shared_ptr<const crypto::Ed25519> identity;
        QByteArray networkKey;
        net::TransportConfig transport;
        int requiredNetworks = 3;
        quint16 listenPort = 0;
        std::function<qint64()> clock;
    };

    explicit AddressCheck(Parts parts, QObject *parent = nullptr);

    // True when the node must learn its address from peers: it listens on a wildcard
    // address and publishes none.
    static bool isNeeded(const NodeConfig &config);
    // The addresses a node publishes in its member record: the configured ones, else a
    // specific listen address, else the one `check` confirmed (if any).
    static QStringList publishedAddresses(const NodeConfig &config, const AddressCheck *check);

    // Looks at what peers report now and dials the leading address back when it is new.
    void check();
    const std::optional<routing::Endpoint> &confirmed() const { return m_confirmed; }
    // Addresses peers reported that a dial-back did not confirm (a false report shows here).
    qint64 failedChecks() const { return m_failedChecks; }

private:
    static constexpr qint64 kRecheckMs = qint64{10} * 60 * 1000;

    Parts m_parts;
    SelfProbe *m_probe = nullptr;
    std::optional<routing::Endpoint> m_confirmed; // port: the listen port
    QHash<QByteArray, qint64> m_probedAtMs;       // by raw address
    qint64 m_failedChecks = 0;
};

} // namespace orion::node
