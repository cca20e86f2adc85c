// SPDX-License-Identifier: GPL-3.0-or-later
#include "HostilePeer.h"

#include "SealedRouting.h"
#include "crypto/Random.h"
#include "overlay/MessageCodec.h"
#include "overlay/ProviderRecord.h"
#include "routing/RoutedMessage.h"

#include <QCborArray>
#include <QDateTime>
#include <QDeadlineTimer>
#include <QTcpServer>
#include <QTcpSocket>
#include <QtTest>

namespace orion::test {

using overlay::MessageCodec;
using overlay::MessageType;

namespace {

// What the node sent and nobody took yet; older messages make room for newer ones.
constexpr size_t kInboxLimit = 4096;

} // namespace

HostilePeer::HostilePeer(const identity::NetworkKey &networkKey, identity::NodeIdentity identity,
                         QObject *parent)
    : QObject(parent)
    , m_networkKey(networkKey.clone())
    , m_identity(std::move(identity))
    , m_manager(std::make_unique<net::ConnectionManager>(
          m_identity.keyPair(), m_networkKey.bytes().view(), net::TransportConfig{})) {
    QObject::connect(m_manager.get(), &net::ConnectionManager::messageReceived, this,
                     &HostilePeer::onMessage);
    QObject::connect(
        m_manager.get(), &net::ConnectionManager::connectionClosed, this,
        [this](net::PeerConnection *, const QString &reason) { m_closeReasons.append(reason); });
}

HostilePeer::~HostilePeer() = default;

identity::NodeIdentity HostilePeer::identityNear(const identity::Key160 &near, int prefixBits) {
    prefixBits = std::clamp(prefixBits, 0, 16);
    for (;;) { // 2^prefixBits tries on average
        auto candidate = identity::NodeIdentity::generate();
        if (candidate.nodeId().commonPrefixLength(near) >= prefixBits) {
            return candidate;
        }
    }
}

Status HostilePeer::listen(const QHostAddress &address) {
    return m_manager->listen(address, 0);
}

identity::MemberRecord HostilePeer::record(const QStringList &addresses,
                                           std::optional<quint16> port,
                                           const QByteArray &networkId) const {
    const quint16 p = port ? *port : listenPort() ? listenPort() : quint16(4321);
    auto r = identity::MemberRecord::create(
        m_identity, networkId.isEmpty() ? m_networkKey.networkId() : networkId, addresses, p);
    r.sign(m_identity);
    return r;
}

QCborMap HostilePeer::activation(const identity::MemberRecord &record, bool confirmation) const {
    overlay::ActivationMessage a;
    a.confirmation = confirmation;
    a.record = record.toCborMap();
    a.observed = m_observedLie;
    return MessageCodec::encodeActivation(a).toMap();
}

net::PeerConnection *HostilePeer::connect(const Target &target, int timeoutMs) {
    net::PeerConnection *c =
        m_manager->connectTo(QStringLiteral("127.0.0.1"), target.port, target.publicKey);
    QPointer<net::PeerConnection> guard(c);
    const bool up = QTest::qWaitFor([&] { return !guard || guard->isEstablished(); }, timeoutMs);
    return up && guard ? guard.data() : nullptr;
}

net::PeerConnection *HostilePeer::activate(const Target &target, const QStringList &addresses,
                                           int timeoutMs) {
    return activate(target, record(addresses), timeoutMs);
}

net::PeerConnection *HostilePeer::activate(const Target &target,
                                           const identity::MemberRecord &record, int timeoutMs) {
    net::PeerConnection *c = connect(target, timeoutMs);
    if (!c || !c->send(activation(record))) {
        return nullptr;
    }
    QPointer<net::PeerConnection> guard(c);
    if (next(MessageType::Confirmation, timeoutMs).isEmpty() || !guard) {
        return nullptr;
    }
    return guard.data();
}

QCborMap HostilePeer::next(MessageType type, int timeoutMs) {
    QCborMap found;
    (void)QTest::qWaitFor(
        [&] {
            for (auto it = m_inbox.begin(); it != m_inbox.end(); ++it) {
                if (MessageCodec::typeOf(*it) == int(type)) {
                    found = it->toMap();
                    m_inbox.erase(it);
                    return true;
                }
            }
            return false;
        },
        timeoutMs);
    return found;
}

QString HostilePeer::sendAndAwaitClose(net::PeerConnection *connection, const QCborValue &message,
                                       int timeoutMs) {
    QPointer<net::PeerConnection> guard(connection);
    QString reason;
    const auto watch = QObject::connect(m_manager.get(), &net::ConnectionManager::connectionClosed,
                                        this, [&](net::PeerConnection *c, const QString &r) {
                                            if (c == connection) {
                                                reason = r.isEmpty() ? QStringLiteral("closed") : r;
                                            }
                                        });
    if (guard && guard->send(message)) {
        (void)QTest::qWaitFor([&] { return !reason.isEmpty(); }, timeoutMs);
    }
    QObject::disconnect(watch);
    return reason;
}

// --- Floods of sockets ------------------------------------------------------------------

int HostilePeer::holdSilentSockets(quint16 port, int networks, int perNetwork, int perAddress,
                                   int firstNetwork) {
    return m_sockets.open(port, networks, perNetwork, perAddress, firstNetwork);
}

int HostilePeer::floodConnections(quint16 port, int count, int network) {
    return m_sockets.open(port, 1, count, count, network);
}

// --- First messages ---------------------------------------------------------------------

QCborMap HostilePeer::oversizedActivation(int bytes) const {
    QCborMap padded = activation(record());
    padded.insert(qint64(77), QByteArray(bytes, 'p'));
    return padded;
}

QCborValue HostilePeer::nested(int depth) {
    QCborValue v(1);
    for (int i = 0; i < depth; ++i) {
        v = QCborArray{v};
    }
    return v;
}

QCborMap HostilePeer::nestedActivation(int depth) const {
    QCborMap a = activation(record());
    a.insert(qint64(77), nested(depth));
    return a;
}

// --- Dial amplification -----------------------------------------------------------------

routing::Endpoint HostilePeer::openTrap() {
    if (!m_trap) {
        m_trap = new QTcpServer(this);
        m_trap->listen(QHostAddress::LocalHost, 0);
        QObject::connect(m_trap, &QTcpServer::newConnection, this, [this] {
            while (QTcpSocket *s = m_trap->nextPendingConnection()) {
                ++m_trapConnections;
                s->abort();
                s->deleteLater();
            }
        });
    }
    return routing::Endpoint(QHostAddress::LocalHost, m_trap->serverPort());
}

void HostilePeer::answerFindNodeWithOneHost(const routing::Endpoint &at, int ids, int replies) {
    m_amplifyAt = at;
    m_amplifyIds = std::min(ids, overlay::MessageCodec::kMaxNodesPerReply);
    m_amplifyReplies = replies;
}

// --- Floods of messages -----------------------------------------------------------------

HostilePeer::ProviderFlood HostilePeer::floodProviderRecords(net::PeerConnection *connection,
                                                             int count, int timeoutMs) {
    m_providerAnswers = {};
    m_providerRequests.clear();
    QPointer<net::PeerConnection> guard(connection);
    const QDeadlineTimer deadline(timeoutMs);
    const qint64 expiry = QDateTime::currentSecsSinceEpoch() + 3600;
    for (int i = 0; i < count && guard && !deadline.hasExpired(); ++i) {
        const auto container = crypto::Ed25519::generate();
        const quint64 requestId = crypto::Random::u64();
        m_providerRequests.insert(requestId);
        const overlay::AddProviderMessage add{
            requestId,
            overlay::ProviderRecord::create(container, m_identity.keyPair(), 1, expiry),
            {}};
        while (guard && !guard->send(MessageCodec::encode(add)) && !deadline.hasExpired()) {
            QTest::qWait(5); // the send queue is full: let it drain
        }
        ++m_providerAnswers.sent;
    }
    (void)QTest::qWaitFor(
        [&] {
            return !guard ||
                   m_providerAnswers.stored + m_providerAnswers.rejected >= m_providerAnswers.sent;
        },
        int(std::max<qint64>(0, deadline.remainingTime())));
    return m_providerAnswers;
}

HostilePeer::RoutedFlood HostilePeer::floodRouted(net::PeerConnection *connection,
                                                  const identity::Key160 &node, int count,
                                                  const QString &service, int timeoutMs) {
    QPointer<net::PeerConnection> guard(connection);
    const int busyBefore = routedErrors(int(routing::RoutedMessage::ErrorCode::Busy));
    int errorsBefore = 0;
    for (const auto &[code, n] : m_routedErrors) {
        errorsBefore += n;
    }
    RoutedFlood flood;
    const QDeadlineTimer deadline(timeoutMs);
    while (flood.sent < count && guard && !deadline.hasExpired()) {
        const auto m = SealedRouting::data(id(), node, service, flood.sent);
        if (guard->send(SealedRouting::seal(m_identity, guard->remotePublicKey(), m).toCbor())) {
            ++flood.sent;
        } else {
            QTest::qWait(5); // the send queue is full: let it drain
        }
    }
    auto errors = [&] {
        int n = -errorsBefore;
        for (const auto &[code, c] : m_routedErrors) {
            n += c;
        }
        return n;
    };
    (void)QTest::qWaitFor([&] { return !guard || errors() >= flood.sent; },
                          int(std::max<qint64>(0, deadline.remainingTime())));
    flood.busy = routedErrors(int(routing::RoutedMessage::ErrorCode::Busy)) - busyBefore;
    flood.otherErrors = errors() - flood.busy;
    return flood;
}

void HostilePeer::relayFor(const std::vector<QByteArray> &nodes, Tamper tamper) {
    for (const QByteArray &key : nodes) {
        m_relayKeys.insert_or_assign(routing::NodeInfo::idForPublicKey(key), key);
    }
    m_tamper = std::move(tamper);
}

std::optional<routing::RoutedMessage> HostilePeer::nextRouted(int timeoutMs) {
    if (!QTest::qWaitFor([&] { return !m_routedInbox.empty(); }, timeoutMs)) {
        return std::nullopt;
    }
    routing::RoutedMessage m = std::move(m_routedInbox.front());
    m_routedInbox.pop_front();
    return m;
}

int HostilePeer::routedErrors(int code) const {
    const auto it = m_routedErrors.find(code);
    return it == m_routedErrors.end() ? 0 : it->second;
}

// --- Slow reader ------------------------------------------------------------------------

SlowReader *HostilePeer::startSlowReader(const Target &target, int count, int bodyBytes) {
    m_slowReader = std::make_unique<SlowReader>(m_networkKey);
    if (!m_slowReader->connectTo(target.port, target.publicKey) ||
        !m_slowReader->requestEchoes(count, bodyBytes)) {
        m_slowReader.reset();
    }
    return m_slowReader.get();
}

void HostilePeer::stopSlowReader() {
    m_slowReader.reset();
}

// --- What the node sends ----------------------------------------------------------------

void HostilePeer::onMessage(net::PeerConnection *connection, const QCborValue &message) {
    const int type = MessageCodec::typeOf(message);
    const QCborMap map = message.toMap();
    if (type == int(MessageType::Routed)) {
        auto routed = routing::RoutedMessage::fromCbor(map);
        if (m_routedWire.size() < 4 * 1024 * 1024) {
            m_routedWire.append(message.toCbor());
        }
        if (routed && m_routedInbox.size() < 4096) {
            m_routedInbox.push_back(*routed);
        }
        if (routed) {
            if (auto it = m_relayKeys.find(routed->destination); it != m_relayKeys.end()) {
                routing::RoutedMessage onward = *routed;
                onward.hops += 1;
                onward.hopLimit = std::max(0, onward.hopLimit - 1);
                net::PeerConnection *next = m_manager->connectionFor(it->second);
                if (next && (!m_tamper || m_tamper(onward)) && next->send(onward.toCbor())) {
                    ++m_relayed;
                }
                return;
            }
        }
        if (routed && routed->kind == routing::RoutedMessage::Kind::Sealed) {
            // An endpoint's answer, sealed for this peer's key.
            if (auto opened = SealedRouting::open(m_identity, *routed)) {
                routed = *opened;
            }
        }
        if (routed && routed->kind == routing::RoutedMessage::Kind::Error) {
            ++m_routedErrors[int(routed->errorCode)];
        }
        return;
    }
    if (type == int(MessageType::Activation) && connection->isInbound()) {
        // A node dialled us: answer like a member, with whatever observed address we claim.
        ++m_activationsAnswered;
        connection->send(activation(record(), true));
    } else if (type == int(MessageType::Ping)) {
        // Pings are answered, so that the node keeps this peer as a live contact.
        connection->send(MessageCodec::encode(
            overlay::PongMessage{quint64(map.value(1).toInteger()), routing::Endpoint()}));
    }
    if (type == int(MessageType::FindNode) && m_findNodeAnswer) {
        QCborArray entries;
        for (const routing::NodeInfo &node : *m_findNodeAnswer) {
            entries.append(QCborArray{node.publicKeyBytes(),
                                      MessageCodec::encodeEndpointAddress(node.endpoint),
                                      node.endpoint.port()});
        }
        QCborMap nodes;
        nodes.insert(qint64(0), int(MessageType::Nodes));
        nodes.insert(qint64(1), map.value(1));
        nodes.insert(qint64(2), entries);
        connection->send(nodes);
        return;
    }
    if (type == int(MessageType::FindNode) && m_amplifyAt && m_amplifyReplies > 0) {
        --m_amplifyReplies;
        QCborArray entries;
        for (int i = 0; i < m_amplifyIds; ++i) {
            entries.append(QCborArray{identity::NodeIdentity::generate().publicKey(),
                                      MessageCodec::encodeEndpointAddress(*m_amplifyAt),
                                      m_amplifyAt->port()});
        }
        QCborMap nodes;
        nodes.insert(qint64(0), int(MessageType::Nodes));
        nodes.insert(qint64(1), map.value(1));
        nodes.insert(qint64(2), entries);
        connection->send(nodes);
        ++m_amplifiedReplies;
    }
    if (type == int(MessageType::Providers) || type == int(MessageType::Error)) {
        const quint64 requestId =
            quint64(map.value(type == int(MessageType::Error) ? 3 : 1).toInteger());
        if (m_providerRequests.remove(requestId)) {
            ++(type == int(MessageType::Providers) ? m_providerAnswers.stored
                                                   : m_providerAnswers.rejected);
        }
    }
    m_inbox.push_back(message);
    if (m_inbox.size() > kInboxLimit) {
        m_inbox.pop_front();
    }
}

} // namespace orion::test
