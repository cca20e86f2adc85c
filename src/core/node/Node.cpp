// SPDX-License-Identifier: GPL-3.0-or-later
#include "node/Node.h"

#include "container/ContainerManager.h"
#include "crypto/Random.h"
#include "net/ConnectionManager.h"
#include "net/PeerConnection.h"
#include "node/BootstrapList.h"
#include "node/Bootstrapper.h"
#include "node/ContactStore.h"
#include "node/ContainerBridge.h"
#include "node/Messenger.h"
#include "node/NodeLog.h"
#include "node/NodePortal.h"
#include "node/PeerSessions.h"
#include "node/SelfProbe.h"
#include "overlay/MessageCodec.h"
#include "overlay/ProviderDirectory.h"
#include "util/TimerQueue.h"

#include <QCborMap>
#include <QDateTime>
#include <QThread>
#include <QTimer>

namespace orion::node {

using identity::Key160;
using overlay::MessageCodec;
using routing::Endpoint;
using routing::NodeInfo;
using routing::RoutedMessage;

namespace {

bool isSpecific(const QHostAddress &a) {
    return !a.isNull() && a != QHostAddress(QHostAddress::Any) &&
           a != QHostAddress(QHostAddress::AnyIPv4) && a != QHostAddress(QHostAddress::AnyIPv6);
}

} // namespace

Node::Node(const Profile &profile, identity::NodeIdentity identity, identity::NetworkKey networkKey,
           NodeConfig config, QObject *parent)
    : QObject(parent)
    , m_profile(profile)
    , m_identity(std::move(identity))
    , m_networkKey(std::move(networkKey))
    , m_networkId(m_networkKey.networkId())
    , m_config(std::move(config))
    , m_timers(new util::TimerQueue(this))
    , m_messenger(new Messenger(
          m_identity.nodeId(), m_config.routeTimeoutMs, [this] { return nowMs(); }, this)) {
    connect(m_messenger, &Messenger::messageDelivered, this, &Node::messageDelivered);
    connect(m_messenger, &Messenger::messageReply, this, &Node::messageReply);
    connect(m_messenger, &Messenger::messageError, this, &Node::messageError);
    qRegisterMetaType<identity::Key160>();
    qRegisterMetaType<routing::RoutedMessage>();
    m_clock.start();
}

Node::~Node() {
    // The portal's clients go first: closing them unregisters their services here.
    if (m_portal) {
        m_portal->stop();
    }
    if (m_engine) {
        m_engine->stop();
    }
}

qint64 Node::nowMs() const {
    return m_clock.elapsed();
}

qint64 Node::wallClockMs() const {
    return QDateTime::currentMSecsSinceEpoch();
}

quint64 Node::randomU64() {
    return crypto::Random::u64();
}

void Node::schedule(qint64 delayMs, std::function<void()> fn) {
    m_timers->schedule(delayMs, std::move(fn));
}

NodeInfo Node::selfInfo() const {
    const auto record = memberRecord();
    auto info = *NodeInfo::fromPublicKey(m_identity.publicKey(),
                                         Endpoint::dialable(record, m_listenEndpoint.address()));
    return info;
}

identity::MemberRecord Node::memberRecord() const {
    QStringList addresses = m_config.advertisedAddresses;
    if (addresses.isEmpty() && m_config.listen && isSpecific(m_config.listenAddress)) {
        addresses << m_config.listenAddress.toString();
    }
    if (addresses.isEmpty() && m_confirmedAddress) {
        // Self-knowledge: what peers report seeing us at, once a dial-back confirmed it.
        addresses << m_confirmedAddress->address().toString();
    }
    auto record = identity::MemberRecord::create(m_identity, m_networkId, addresses,
                                                 m_config.listen ? m_listenEndpoint.port() : 0);
    record.sign(m_identity);
    return record;
}

void Node::start() {
    Q_ASSERT(QThread::currentThread() == thread());
    if (m_connections) {
        return;
    }
    net::TransportConfig transport = m_config.transport;
    transport.firstMessageMaxBytes =
        transport.firstMessageMaxBytes > 0
            ? std::min(transport.firstMessageMaxBytes, overlay::MessageCodec::kMaxActivationBytes)
            : overlay::MessageCodec::kMaxActivationBytes;
    m_connections = new net::ConnectionManager(m_identity.keyPair(), m_networkKey.bytes().view(),
                                               transport, this);

    if (m_config.listen) {
        if (auto ok = m_connections->listen(m_config.listenAddress, m_config.listenPort); !ok) {
            qCWarning(lcNode) << "cannot listen:" << ok.error();
            Q_EMIT startFailed(ok.error());
            return;
        }
        m_listenEndpoint = Endpoint(m_config.listenAddress, m_connections->listenPort());
    }
    if (auto ok = m_profile.create(); !ok) {
        Q_EMIT startFailed(ok.error());
        return;
    }
    if (m_config.portal) {
        m_portal = new NodePortal(this);
        if (auto ok = m_portal->start(); !ok) {
            qCWarning(lcNode) << "cannot open the portal:" << ok.error();
            m_connections->stopListening();
            Q_EMIT startFailed(ok.error());
            return;
        }
    }
    if (m_config.containers) {
        container::ContainerManager::Options options;
        options.containersDirectory = m_profile.containersDirectory();
        options.databasePath = m_profile.databasePath();
        m_containerManager = new container::ContainerManager(options, this);
        // Connected before open(), which announces every container it loads.
        m_containerBridge = new ContainerBridge(this, m_containerManager);
        setContainerEndpoint(m_containerBridge);
        if (auto ok = m_containerManager->open(); !ok) {
            qCWarning(lcNode) << "cannot open the containers:" << ok.error();
            m_connections->stopListening();
            if (m_portal) {
                m_portal->stop();
            }
            Q_EMIT startFailed(ok.error());
            return;
        }
    }
    m_engine = std::make_unique<overlay::OverlayEngine>(selfInfo(), m_config.overlay,
                                                        static_cast<overlay::OverlayHost &>(*this));
    m_engine->start();
    routing::RouterConfig routerConfig = m_config.router;
    routerConfig.relay = m_config.listen;
    m_router = std::make_unique<routing::Router>(
        nodeId(), static_cast<routing::RouterHost &>(*this), routerConfig);
    m_providers = std::make_unique<overlay::ProviderDirectory>(
        m_identity.keyPair(), static_cast<overlay::OverlayHost &>(*this),
        overlay::ProviderDirectory::lookupThrough(*m_engine),
        overlay::ProviderDirectory::Config{m_config.providerTtlSecs, m_config.providerCacheMs,
                                           m_config.overlay.requestTimeoutMs,
                                           m_config.providerStore});
    // Records peers send are kept only for keys this node is among the k closest to (that
    // it knows of): anywhere else they would only take room.
    m_providers->setResponsibility([this](const Key160 &key) {
        const int k = m_config.overlay.routing.k;
        const auto closest = m_engine->table().closest(key, k);
        return int(closest.size()) < k || key.isCloser(nodeId(), closest.back().id);
    });
    m_providers->setPublishedCallback(
        [this](const Key160 &key, int stored) { Q_EMIT containerPublished(key, stored); });

    m_sessions = new PeerSessions(
        nodeId(), m_networkId, m_config, m_connections, [this] { return memberRecord(); },
        [this] { return nowMs(); }, this);
    m_sessions->attach({m_engine.get(), m_router.get(), m_providers.get()});
    // The networks this node is on: where it listens and what it publishes (seeds from the
    // bootstrap list are added as they are read), and the private networks of its host.
    DialPolicy &dial = m_sessions->dialPolicy();
    dial.allowScopeOf(m_config.listenAddress);
    for (const QString &address : m_config.advertisedAddresses) {
        dial.allowScopeOf(QHostAddress(address));
    }
    dial.allowScopesOfInterfaces();
    connect(m_sessions, &PeerSessions::peerActivated, this, &Node::peerActivated);
    connect(m_sessions, &PeerSessions::peerActivated, this, &Node::checkObservedAddress);
    connect(m_sessions, &PeerSessions::peerClosed, this, &Node::peerClosed);
    m_messenger->attach(m_router.get(), m_providers.get(), [this](const Key160 &id) {
        return m_sessions->isLive(id) || m_engine->table().contains(id);
    });
    m_policyTimer = new QTimer(this);
    connect(m_policyTimer, &QTimer::timeout, m_sessions, &PeerSessions::applyConnectionPolicy);
    m_policyTimer->start(std::chrono::milliseconds(m_config.connectionPolicyIntervalMs));

    m_bootstrapper = new Bootstrapper(
        m_profile, m_networkId, nodeId(),
        [this](const std::vector<NodeInfo> &seeds, std::function<void(bool)> done) {
            // Seeds the user gave (member files in peers/) say which networks the node is on;
            // saved contacts were learned from peers and do not.
            for (const auto &record : BootstrapList::load(m_profile, m_networkId)) {
                m_sessions->dialPolicy().allowScopeOf(Endpoint::dialable(record).address());
            }
            m_engine->bootstrap(seeds, std::move(done));
        },
        [this] { return int(m_engine->table().size()); }, this);
    connect(m_bootstrapper, &Bootstrapper::finished, this, &Node::onBootstrapFinished);
    m_saveTimer = new QTimer(this);
    connect(m_saveTimer, &QTimer::timeout, this, &Node::saveContacts);
    m_saveTimer->start(std::chrono::milliseconds(m_config.saveIntervalMs));

    if (m_config.listen) {
        Q_EMIT listening(m_listenEndpoint.toString());
    }
    m_bootstrapper->start(m_config.bootstrapIntervalMs);
    if (m_containerBridge) {
        m_containerBridge->publishAll();
    }
}

void Node::checkObservedAddress() {
    if (!m_engine || !m_config.listen || isSpecific(m_config.listenAddress) ||
        !m_config.advertisedAddresses.isEmpty() || m_selfProbe || m_stopping) {
        return;
    }
    const auto leader = m_engine->observedLeader();
    if (!leader || leader->networks < m_config.observedAddressNetworks) {
        return;
    }
    const Endpoint target(leader->address.address(), m_listenEndpoint.port());
    if (m_confirmedAddress == target) {
        return;
    }
    // One check per address and 10 minutes, whatever peers keep saying.
    const QByteArray key = target.rawAddress();
    const qint64 now = nowMs();
    if (const auto it = m_probedAtMs.constFind(key);
        it != m_probedAtMs.constEnd() && now - *it < qint64{10} * 60 * 1000) {
        return;
    }
    if (const QString refused = m_sessions->dialPolicy().refusal(target, now); !refused.isEmpty()) {
        qCInfo(lcNode) << "not checking the observed address" << target.toString() << ":"
                       << qPrintable(refused);
        return;
    }
    m_probedAtMs.insert(key, now);
    m_selfProbe = new SelfProbe(target, m_connections->identity(), m_connections->networkKey(),
                                m_config.transport, this);
    connect(m_selfProbe, &SelfProbe::finished, this, [this](bool reached, const QString &reason) {
        const Endpoint checked = m_selfProbe->target();
        m_selfProbe->deleteLater();
        m_selfProbe = nullptr;
        if (reached) {
            qCInfo(lcNode) << "peers see this node at" << checked.toString()
                           << "and a dial-back reached it: published";
            m_confirmedAddress = checked;
        } else {
            qCInfo(lcNode) << "peers report" << checked.toString()
                           << "but a dial-back did not reach this node:" << qPrintable(reason);
        }
    });
}

void Node::bootstrapNow() {
    if (m_bootstrapper && !m_stopping) {
        m_bootstrapper->bootstrapNow();
    }
}

void Node::onBootstrapFinished(bool ok) {
    qCInfo(lcNode) << nodeId().shortHex() << "bootstrap" << (ok ? "done," : "failed,")
                   << m_engine->table().size() << "contacts";
    m_sessions->applyConnectionPolicy();
    if (ok && m_containerBridge) {
        // Records published before the node knew anyone reached nobody (after a restart,
        // say): store them at the nodes closest to each key now.
        m_containerBridge->publishAll();
    }
    Q_EMIT bootstrapped(ok, int(m_engine->table().size()));
}

void Node::saveContacts() {
    if (!m_engine || m_engine->table().size() == 0) {
        return; // never replace a useful file with an empty one
    }
    if (auto ok = ContactStore::save(m_profile.contactsPath(), m_engine->table().contacts(),
                                     nowMs(), m_config.maxSavedContacts);
        !ok) {
        qCWarning(lcNode) << ok.error();
    }
}

void Node::requestStop() {
    if (m_stopping) {
        return;
    }
    m_stopping = true;
    if (m_portal) {
        m_portal->stop();
    }
    saveContacts();
    m_messenger->stop();
    if (m_sessions) {
        m_sessions->stop();
    }
    if (m_providers) {
        m_providers->stop();
    }
    if (m_engine) {
        m_engine->stop();
    }
    if (m_saveTimer) {
        m_bootstrapper->stop();
        m_saveTimer->stop();
        m_policyTimer->stop();
    }
    if (!m_connections) {
        Q_EMIT stopped();
        return;
    }
    m_connections->closeAll(QStringLiteral("node stopping"));
    // Give the goodbyes a moment to leave before the thread ends.
    auto *poll = new QTimer(this);
    auto waited = std::make_shared<QElapsedTimer>();
    waited->start();
    connect(poll, &QTimer::timeout, this, [this, poll, waited] {
        if (m_connections->connections().isEmpty() || waited->elapsed() > 2000) {
            poll->stop();
            Q_EMIT stopped();
        }
    });
    poll->start(10);
}

void Node::lookup(const identity::Key160 &target) {
    if (!m_engine || m_stopping) {
        Q_EMIT lookupFinished(target, false, 0, {});
        return;
    }
    m_engine->lookup(target, [this](const overlay::LookupResult &r) {
        QStringList closest;
        for (const auto &n : r.closest) {
            closest << n.id.toHex();
        }
        Q_EMIT lookupFinished(r.target, r.found, r.hops, closest);
    });
}

NodeStatus Node::status() const {
    NodeStatus s;
    s.nodeId = nodeId().toHex();
    s.listenEndpoint = m_config.listen ? m_listenEndpoint.toString() : QString();
    if (m_engine) {
        if (const auto observed = m_engine->observedAddress()) {
            s.observedAddress = observed->address().toString();
        }
        if (m_confirmedAddress) {
            s.confirmedAddress = m_confirmedAddress->address().toString();
        }
        s.contacts = int(m_engine->table().size());
        s.buckets = m_engine->table().bucketCount();
    }
    s.connections = m_connections ? int(m_connections->connections().size()) : 0;
    if (m_connections) {
        s.handshaking = m_connections->handshakingCount();
        s.transport = m_connections->counters();
    }
    s.activePeers = m_sessions ? m_sessions->activeCount() : 0;
    s.bootstrapped = m_bootstrapper && m_bootstrapper->isBootstrapped();
    s.publicKey = QString::fromLatin1(m_identity.publicKey().toHex());
    s.networkId = QString::fromLatin1(m_networkId.toHex());
    s.uptimeMs = m_clock.elapsed();
    s.portalSocket = m_portal ? m_portal->socketPath() : QString();
    if (m_sessions) {
        s.dials = m_sessions->dialPolicy().counters();
        const PeerSessions::Traffic t = m_sessions->traffic();
        s.bytesIn = t.bytesIn;
        s.bytesOut = t.bytesOut;
        s.messagesIn = t.messagesIn;
        s.messagesOut = t.messagesOut;
    }
    if (m_router) {
        s.routing = m_router->stats();
    }
    s.providerRecords = m_providers ? m_providers->store().size() : 0;
    s.providerRecordsRefused = m_providers ? m_providers->store().refused() : 0;
    return s;
}

std::vector<routing::Contact> Node::contacts() const {
    return m_engine ? m_engine->table().contacts() : std::vector<routing::Contact>{};
}

int Node::bucketIndexFor(const Key160 &id) const {
    return m_engine ? m_engine->table().bucketIndexFor(id) : -1;
}

// --- The router's host: sessions and messenger --------------------------------------

const std::vector<Key160> &Node::livePeers() const {
    return m_sessions->livePeers();
}

bool Node::isConnected(const Key160 &peer) const {
    return m_sessions->isLive(peer);
}

Node::SendResult Node::sendToPeer(const Key160 &peer, const RoutedMessage &message) {
    return m_sessions->sendRouted(peer, message);
}

std::vector<Key160> Node::knownContacts(const Key160 &key, int count) const {
    std::vector<Key160> ids;
    if (!m_engine) {
        return ids;
    }
    for (const auto &info : m_engine->table().closest(key, count)) {
        ids.push_back(info.id);
    }
    return ids;
}

void Node::connectTo(const Key160 &peer) {
    m_sessions->dialContact(peer);
}

void Node::deliverLocal(const RoutedMessage &message) {
    m_messenger->deliverLocal(message);
}

void Node::send(const NodeInfo &to, overlay::OverlayMessage message) {
    if (m_sessions) {
        m_sessions->send(to, MessageCodec::encode(message));
    }
}

void Node::sendOverlayMessage(const NodeInfo &to, const QCborValue &message) {
    if (m_sessions && !m_stopping) {
        m_sessions->send(to, message);
    }
}

// --- Endpoints -----------------------------------------------------------------------

bool Node::registerService(const QString &name, ServiceHandler handler) {
    return m_messenger->registerService(name, std::move(handler));
}

void Node::unregisterService(const QString &name) {
    m_messenger->unregisterService(name);
}

QStringList Node::services() const {
    return m_messenger->services();
}

void Node::setContainerEndpoint(routing::ContainerEndpoint *endpoint) {
    m_messenger->setContainerEndpoint(endpoint);
}

QByteArray Node::sendMessage(const Key160 &target, const QString &service, const QCborValue &body,
                             const SendOptions &options) {
    return m_messenger->sendMessage(target, service, body, options);
}

void Node::sendReply(const RoutedMessage &request, const QCborValue &body,
                     const std::optional<Key160> &from) {
    m_messenger->sendReply(request, body, from);
}

void Node::sendErrorReply(const RoutedMessage &request, RoutedMessage::ErrorCode code,
                          const QString &text) {
    m_messenger->sendErrorReply(request, code, text);
}

bool Node::isActivePeer(const Key160 &id) const {
    return m_sessions && m_sessions->isActivePeer(id);
}

// --- Provider records -----------------------------------------------------------------

void Node::publishContainer(const crypto::Ed25519 &containerKey) {
    if (m_providers && !m_stopping) {
        m_providers->publish(containerKey);
    }
}

void Node::withdrawContainer(const Key160 &containerKey) {
    if (m_providers) {
        m_providers->withdraw(containerKey);
    }
}

void Node::resolveContainer(const Key160 &containerKey) {
    if (!m_providers || m_stopping) {
        Q_EMIT containerResolved(containerKey, false, {});
        return;
    }
    m_providers->resolve(containerKey,
                         [this, containerKey](std::optional<overlay::ProviderRecord> record) {
                             Q_EMIT containerResolved(containerKey, record.has_value(),
                                                      record ? record->hostId : Key160());
                         });
}

std::optional<overlay::ProviderRecord> Node::storedProvider(const Key160 &key) const {
    return m_providers ? m_providers->stored(key) : std::nullopt;
}

} // namespace orion::node
