// SPDX-License-Identifier: GPL-3.0-or-later
#include "net/ConnectionManager.h"

#include "net/Listener.h"
#include "net/Logging.h"
#include "net/SecretHandshake.h"

#include <QThread>

namespace orion::net {

namespace {
// The count a table holds for @p key, 0 when none.
template <typename Map, typename Key>
int countOf(const Map &map, const Key &key) {
    const auto it = map.find(key);
    return it == map.end() ? 0 : it->second;
}
} // namespace

namespace {
// One key per address family: an IPv4 peer seen through a dual-stack socket is still
// the same address.
QHostAddress normalized(const QHostAddress &address) {
    bool isV4 = false;
    const quint32 v4 = address.toIPv4Address(&isV4);
    return isV4 ? QHostAddress(v4) : address;
}

// The /24 of an IPv4 address or the /64 of an IPv6 one: what one home or one hosting
// customer usually holds.
QByteArray subnetOf(const QHostAddress &address) {
    bool isV4 = false;
    const quint32 v4 = address.toIPv4Address(&isV4);
    if (isV4) {
        const quint32 net = v4 & 0xffffff00u;
        return QByteArray(reinterpret_cast<const char *>(&net), sizeof net);
    }
    const Q_IPV6ADDR v6 = address.toIPv6Address();
    return QByteArray(reinterpret_cast<const char *>(v6.c), 8).prepend('6');
}

// Accept budgets of addresses are kept while they are spent; beyond this many entries,
// those that refilled are forgotten.
constexpr int kAcceptBudgetEntries = 1024;
} // namespace

ConnectionManager::ConnectionManager(const crypto::Ed25519 &identity, QByteArrayView networkKey,
                                     TransportConfig config, QObject *parent)
    : QObject(parent)
    , m_identity(std::make_shared<const crypto::Ed25519>(identity.clone()))
    , m_networkKey(crypto::SecureBuffer::fromBytes(networkKey))
    , m_config(config)
    , m_listener(new Listener(this))
    , m_sendBudget(std::make_shared<SendBudget>(SendBudget{config.maxQueuedBytes})) {
    if (networkKey.size() != SecretHandshake::kNetworkKeyBytes) {
        qCWarning(lcNet).noquote()
            << "the network key must have 32 bytes; every handshake will fail";
    }
    connect(m_listener, &Listener::incoming, this, &ConnectionManager::onIncoming);
    m_clock.start();
}

ConnectionManager::~ConnectionManager() {
    // Children are destroyed by QObject; their events must not reach a half-destroyed
    // manager.
    for (PeerConnection *connection : std::as_const(m_connections)) {
        connection->setObserver(nullptr);
    }
}

void ConnectionManager::assertThread() const {
    Q_ASSERT_X(QThread::currentThread() == thread(), "ConnectionManager",
               "used from a thread other than the node thread");
}

Status ConnectionManager::listen(const QHostAddress &address, quint16 port) {
    assertThread();
    return m_listener->listen(address, port);
}

void ConnectionManager::stopListening() {
    m_listener->close();
}

quint16 ConnectionManager::listenPort() const {
    return m_listener->port();
}

QList<PeerConnection *> ConnectionManager::connections() const {
    return m_connections.values();
}

PeerConnection *ConnectionManager::connectionFor(const QByteArray &publicKey) const {
    const auto it = m_byKey.find(publicKey);
    return it == m_byKey.end() ? nullptr : it->second;
}

void ConnectionManager::unregister(const PeerConnection *connection) {
    const auto it = m_byKey.find(connection->remotePublicKey());
    if (it != m_byKey.end() && it->second == connection) {
        m_byKey.erase(it);
    }
}

int ConnectionManager::inboundCount() const {
    return m_inbound;
}

PeerConnection *ConnectionManager::connectTo(const QString &host, quint16 port,
                                             const QByteArray &expectedPublicKey) {
    assertThread();
    if (PeerConnection *existing = connectionFor(expectedPublicKey)) {
        return existing;
    }
    if (PeerConnection *pending = m_dialling.value(expectedPublicKey, nullptr)) {
        return pending;
    }
    auto *connection = new PeerConnection(host, port, expectedPublicKey, m_identity,
                                          m_networkKey.view(), m_config, this);
    if (expectedPublicKey.size() == crypto::Ed25519::kPublicKeyBytes) {
        m_dialling.insert(expectedPublicKey, connection);
    }
    adopt(connection);
    qCDebug(lcNet).noquote() << "dialling" << host << port;
    return connection;
}

QString ConnectionManager::admissionRefusal(const QHostAddress &address) {
    const qint64 now = m_clock.elapsed();
    auto budget = m_acceptBudget.find(address);
    if (budget == m_acceptBudget.end()) {
        if (m_acceptBudget.size() >= kAcceptBudgetEntries) {
            // Forget the addresses whose budget is full again: they lose nothing.
            for (auto it = m_acceptBudget.begin(); it != m_acceptBudget.end();) {
                util::TokenBucket probe = it->second;
                it = probe.isFull(now) ? m_acceptBudget.erase(it) : std::next(it);
            }
        }
        budget =
            m_acceptBudget
                .emplace(address, util::TokenBucket(m_config.acceptsPerSecondPerAddress,
                                                    2 * m_config.acceptsPerSecondPerAddress, now))
                .first;
    }
    if (!budget->second.take(now)) {
        ++m_counters.refusedAcceptRate;
        return QStringLiteral("accept rate");
    }
    if (countOf(m_handshakingPerAddress, address) >= m_config.maxHandshakingPerAddress) {
        ++m_counters.refusedHandshakeAddress;
        return QStringLiteral("handshake limit of the address");
    }
    if (countOf(m_handshakingPerSubnet, subnetOf(address)) >= m_config.maxHandshakingPerSubnet) {
        ++m_counters.refusedHandshakeSubnet;
        return QStringLiteral("handshake limit of the network");
    }
    return {};
}

void ConnectionManager::onIncoming(PeerSocket *socket) {
    const QHostAddress address = normalized(socket->peerAddress());
    if (const QString refusal = admissionRefusal(address); !refusal.isEmpty()) {
        // Closed at once and counted: a refused connection holds no descriptor.
        qCDebug(lcNet).noquote() << "refused" << address.toString() << ":" << refusal;
        socket->abort();
        return;
    }
    while (int(m_handshaking.size()) >= m_config.maxHandshaking && !m_handshaking.empty()) {
        // The oldest half-open connection goes: an honest handshake takes milliseconds,
        // so the oldest is the likeliest to be one that will never finish.
        ++m_counters.droppedHalfOpen;
        PeerConnection *oldest = m_handshaking.front();
        oldest->close(QStringLiteral("handshake budget full"));
        leaveHandshake(oldest); // in case it was closed already
    }
    auto *connection = new PeerConnection(socket, m_identity, m_networkKey.view(), m_config, this);
    adopt(connection);
    m_handshaking.push_back(connection);
    ++m_handshakingPerAddress[address];
    ++m_handshakingPerSubnet[subnetOf(address)];
}

void ConnectionManager::leaveHandshake(PeerConnection *connection) {
    const auto it = std::find(m_handshaking.begin(), m_handshaking.end(), connection);
    if (it == m_handshaking.end()) {
        return;
    }
    m_handshaking.erase(it);
    const QHostAddress address = normalized(connection->remoteAddress());
    if (auto a = m_handshakingPerAddress.find(address);
        a != m_handshakingPerAddress.end() && --a->second <= 0) {
        m_handshakingPerAddress.erase(a);
    }
    if (auto n = m_handshakingPerSubnet.find(subnetOf(address));
        n != m_handshakingPerSubnet.end() && --n->second <= 0) {
        m_handshakingPerSubnet.erase(n);
    }
}

void ConnectionManager::adopt(PeerConnection *connection) {
    m_connections.insert(connection);
    connection->setObserver(this);
    connection->setSendBudget(m_sendBudget);
}

void ConnectionManager::onPeerMessage(PeerConnection *connection, const QCborValue &message) {
    Q_EMIT messageReceived(connection, message);
}

bool ConnectionManager::preferNew(const PeerConnection *existing,
                                  const PeerConnection *candidate) const {
    // Both ends keep the connection dialled by the node with the smaller public key; if
    // one node dialled both, the older connection stays.
    const QByteArray &own = m_identity->publicKey();
    const QByteArray &remote = candidate->remotePublicKey();
    const QByteArray &preferredDialer = own < remote ? own : remote;
    auto dialer = [&](const PeerConnection *c) -> const QByteArray & {
        return c->isInbound() ? remote : own;
    };
    return dialer(candidate) == preferredDialer && dialer(existing) != preferredDialer;
}

void ConnectionManager::onPeerEstablished(PeerConnection *connection) {
    const QByteArray key = connection->remotePublicKey();
    if (connection->isInbound()) {
        leaveHandshake(connection);
        const QHostAddress address = normalized(connection->remoteAddress());
        if (m_inbound >= m_config.maxInbound) {
            ++m_counters.refusedInbound;
            connection->close(QStringLiteral("inbound limit"));
            return;
        }
        if (countOf(m_inboundPerAddress, address) >= m_config.maxPerAddress) {
            ++m_counters.refusedAddress;
            connection->close(QStringLiteral("address limit"));
            return;
        }
        ++m_inbound;
        ++m_inboundPerAddress[address];
        m_established.insert(connection);
    }
    if (m_dialling.value(key) == connection) {
        m_dialling.remove(key);
        if (m_dialling.isEmpty()) {
            m_dialling.clear(); // a QHash keeps its storage when emptied, clear() frees it
        }
    }
    if (key == m_identity->publicKey()) {
        connection->close(QStringLiteral("connection to self"));
        return;
    }
    if (PeerConnection *existing = connectionFor(key)) {
        // The peer closes the same one (both ends prefer the same connection). Each end
        // reads the other's messages up to its goodbye, so nothing sent on the duplicate
        // before the two ends agreed is lost.
        if (!preferNew(existing, connection)) {
            connection->closeAfterPeer(QStringLiteral("duplicate"));
            return;
        }
        m_byKey.erase(key);
        existing->closeAfterPeer(QStringLiteral("duplicate"));
    }
    m_byKey[key] = connection;
    Q_EMIT connectionEstablished(connection);
}

void ConnectionManager::onPeerClosed(PeerConnection *connection, const QString &reason) {
    if (!m_connections.remove(connection)) {
        return;
    }
    const QByteArray key = connection->remotePublicKey();
    if (connection->closedForProtocolError()) {
        ++m_counters.protocolErrors;
    }
    unregister(connection);
    if (m_dialling.value(key) == connection) {
        m_dialling.remove(key);
        if (m_dialling.isEmpty()) {
            m_dialling.clear(); // a QHash keeps its storage when emptied, clear() frees it
        }
    }
    if (connection->isInbound()) {
        leaveHandshake(connection);
        if (m_established.erase(connection) > 0) {
            --m_inbound;
            const QHostAddress address = normalized(connection->remoteAddress());
            auto it = m_inboundPerAddress.find(address);
            if (it != m_inboundPerAddress.end() && --it->second <= 0) {
                m_inboundPerAddress.erase(it);
            }
        }
    }
    Q_EMIT connectionClosed(connection, reason);
    connection->deleteLater();
}

void ConnectionManager::retire(PeerConnection *connection, const QString &reason) {
    assertThread();
    unregister(connection);
    connection->closeAfterPeer(reason);
}

void ConnectionManager::closeAll(const QString &reason) {
    assertThread();
    m_listener->close();
    const auto all = m_connections.values();
    for (PeerConnection *connection : all) {
        connection->close(reason);
    }
}

} // namespace orion::net
