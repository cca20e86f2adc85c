// SPDX-License-Identifier: GPL-3.0-or-later
// SelfProbe: dials an address peers say this node is at and completes the secret handshake
// with it, expecting this node's own key. Only this node holds that key's secret, so a
// handshake that completes proves the address leads back here; nothing else does (a peer
// can name any address, and someone else may listen there). DialBack uses it the other way
// round: a peer dials the asker expecting the asker's key. Node thread only.
#pragma once

#include "net/TransportConfig.h"
#include "routing/Endpoint.h"

#include <QByteArray>
#include <QObject>

#include <memory>

namespace orion::crypto {
class Ed25519;
}
namespace orion::net {
class PeerConnection;
}

namespace orion::node {

class SelfProbe : public QObject {
    Q_OBJECT

public:
    SelfProbe(const routing::Endpoint &target, std::shared_ptr<const crypto::Ed25519> identity,
              QByteArrayView networkKey, const net::TransportConfig &config,
              QObject *parent = nullptr);
    // Expects `expectedKey` (an Ed25519 public key) instead of this node's own.
    SelfProbe(const routing::Endpoint &target, const QByteArray &expectedKey,
              std::shared_ptr<const crypto::Ed25519> identity, QByteArrayView networkKey,
              const net::TransportConfig &config, QObject *parent = nullptr);

    const routing::Endpoint &target() const { return m_target; }

Q_SIGNALS:
    // Emitted once: reached is true when the handshake with the expected key completed.
    void finished(bool reached, const QString &reason);

private:
    routing::Endpoint m_target;
    net::PeerConnection *m_connection = nullptr;
    bool m_reached = false;
};

} // namespace orion::node
