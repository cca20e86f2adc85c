// SPDX-License-Identifier: GPL-3.0-or-later
#include "node/SelfProbe.h"

#include "crypto/Ed25519.h"
#include "net/PeerConnection.h"

namespace orion::node {

SelfProbe::SelfProbe(const routing::Endpoint &target,
                     std::shared_ptr<const crypto::Ed25519> identity, QByteArrayView networkKey,
                     const net::TransportConfig &config, QObject *parent)
    : SelfProbe(target, identity->publicKey(), identity, networkKey, config, parent) {}

SelfProbe::SelfProbe(const routing::Endpoint &target, const QByteArray &expectedKey,
                     std::shared_ptr<const crypto::Ed25519> identity, QByteArrayView networkKey,
                     const net::TransportConfig &config, QObject *parent)
    : QObject(parent)
    , m_target(target) {
    m_connection = new net::PeerConnection(target.address().toString(), target.port(), expectedKey,
                                           std::move(identity), networkKey, config, this);
    connect(m_connection, &net::PeerConnection::established, this, [this] {
        m_reached = true;
        m_connection->close(QStringLiteral("address check done"));
    });
    connect(m_connection, &net::PeerConnection::closed, this,
            [this](const QString &reason) { Q_EMIT finished(m_reached, reason); });
}

} // namespace orion::node
