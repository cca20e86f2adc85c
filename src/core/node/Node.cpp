// SPDX-License-Identifier: GPL-3.0-or-later
#include "node/Node.h"

#include "container/ContainerManager.h"
#include "crypto/Random.h"
#include "net/ConnectionManager.h"
#include "net/PortMapper.h"
#include "node/AddressCheck.h"
#include "node/BootstrapList.h"
#include "node/Bootstrapper.h"
#include "node/ContactStore.h"
#include "node/ContainerBridge.h"
#include "node/DialBack.h"
#include "node/MemberChecks.h"
#include "node/Messenger.h"
#include "node/NodeLog.h"
#include "node/NodePortal.h"
#include "node/PeerSessions.h"
#include "node/Reachability.h"
#include "node/RouterLink.h"
#include "overlay/MessageCodec.h"
#include "overlay/ProviderDirectory.h"
#include "util/TimerQueue.h"

#include <QDateTime>
#include <QNetworkInterface>
#include <QThread>
#include <QTimer>

namespace orion::node {

using identity::Key160;
using overlay::MessageCodec;
using routing::Endpoint;
using routing::NodeInfo;
using routing::RoutedMessage;

Node::Node(const Profile &profile, identity::NodeIdentity identity, identity::NetworkKey networkKey,
           NodeConfig config, QObject *parent)
    : QObject(parent)
    , m_profile(profile)
    , m_identity(std::move(identity))
    , m_networkKey(std::move(networkKey))
    , m_networkId(m_networkKey.networkId())
    , m_config(std::move(config))
    , m_timers(new util::TimerQueue(this))
    , m_routerLink([this] { return nowMs(); })
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

QByteArray Node::liveKeyOf(const Key160 &id) const {
    if (!m_sessions) {
        return {};
    }
    return m_sessions->liveKey(id).value_or(QByteArray());
}

quint64 Node::randomU64() {
    return crypto::Random::u64();
}

void Node::schedule(qint64 delayMs, std::function<void()> fn) {
    m_timers->schedule(delayMs, std::move(fn));
}

NodeInfo Node::selfInfo() const {
    return *NodeInfo::fromPublicKey(m_identity.publicKey(),
                                    Endpoint::dialable(memberRecord(), m_listenEndpoint.address()));
}

identity::MemberRecord Node::memberRecord() const {
    QStringList addresses = AddressCheck::publishedAddresses(m_config, m_addressCheck);
    quint16 port = m_config.listen ? m_listenEndpoint.port() : 0;
    if (const auto mapped = m_reachability ? m_reachability->mappedEndpoint() : std::nullopt) {
        // Peers dial the first address with the record's port: the router's mapping, which
        // a peer outside this host's networks reached (Reachability).
        addresses.removeAll(mapped->address().toString());
        addresses.prepend(mapped->address().toString());
        port = mapped->port();
    }
    auto record = identity::MemberRecord::create(m_identity, m_networkId, addresses, port);
    record.sign(m_identity);
    return record;
}

Status Node::start() {
    Q_ASSERT(QThread::currentThread() == thread());
    if (m_connections) {
        return Status::success();
    }
    net::TransportConfig transport = m_config.transport;
    const qsizetype cap = MessageCodec::kMaxActivationBytes, asked = transport.firstMessageMaxBytes;
    transport.firstMessageMaxBytes = asked > 0 ? std::min(asked, cap) : cap;
    m_connections = new net::ConnectionManager(m_identity.keyPair(), m_networkKey.bytes().view(),
                                               transport, this);

    if (m_config.listen) {
        if (auto ok = m_connections->listen(m_config.listenAddress, m_config.listenPort); !ok) {
            qCWarning(lcNode).noquote() << "cannot listen:" << ok.error();
            return abandonStart(ok);
        }
        m_listenEndpoint = Endpoint(m_config.listenAddress, m_connections->listenPort());
    }
    if (auto ok = m_profile.create(); !ok) {
        return abandonStart(ok);
    }
    if (m_config.portal) {
        m_portal = new NodePortal(this);
        if (auto ok = m_portal->start(); !ok) {
            qCWarning(lcNode).noquote() << "cannot open the portal:" << ok.error();
            return abandonStart(ok);
        }
    }
    if (m_config.containers) {
        container::ContainerManager::Options options;
        options.containersDirectory = m_profile.containersDirectory();
        options.databasePath = m_profile.databasePath();
        options.keyWrap = container::ContainerKeyWrap::fromIdentity(m_identity);
        options.maxQueuedBytes = m_config.containerQueuedBytes;
        options.maxRouteDepth = m_config.containerMaxRouteDepth;
        options.logCapacity = size_t(m_config.containerLogEntries);
        m_containerManager = new container::ContainerManager(options, this);
        // Connected before open(), which announces every container it loads.
        m_containerBridge = new ContainerBridge(this, m_containerManager);
        setContainerEndpoint(m_containerBridge);
        if (auto ok = m_containerManager->open(); !ok) {
            qCWarning(lcNode).noquote() << "cannot open the containers:" << ok.error();
            return abandonStart(ok);
        }
    }
    m_engine = std::make_unique<overlay::OverlayEngine>(selfInfo(), m_config.overlay,
                                                        static_cast<overlay::OverlayHost &>(*this));
    m_engine->start();
    routing::RouterConfig routerConfig = m_config.router;
    routerConfig.relay = m_config.listen;
    m_router = std::make_unique<routing::Router>(nodeId(), m_routerLink, routerConfig);
    m_providers = std::make_unique<overlay::ProviderDirectory>(
        m_identity.keyPair(), static_cast<overlay::OverlayHost &>(*this),
        overlay::ProviderDirectory::lookupThrough(*m_engine),
        overlay::ProviderDirectory::Config{m_config.providerTtlSecs, m_config.providerCacheMs,
                                           m_config.overlay.requestTimeoutMs,
                                           m_config.providerStore, m_config.providerSettleMs});
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
    m_dialBack = new DialBack({m_connections->identity(), m_connections->networkKey().toByteArray(),
                               m_config.transport, &m_sessions->dialPolicy(),
                               [this] { return nowMs(); }, [] { return crypto::Random::u64(); }},
                              this);
    m_sessions->attach({m_engine.get(), m_router.get(), m_providers.get(), m_dialBack});
    m_routerLink.attach(m_sessions, m_engine.get(), m_messenger);
    // The networks this node is on: where it listens and what it publishes (seeds from the
    // bootstrap list are added as they are read), and the private networks of its host.
    DialPolicy &dial = m_sessions->dialPolicy();
    dial.allowScopesOf(m_config.listenAddress, m_config.advertisedAddresses);
    connect(m_sessions, &PeerSessions::peerActivated, this, &Node::peerActivated);
    // A record published while the node knew nobody (a restart before any peer was up)
    // reached no node; the first peer is where it can go now, without waiting for a retry.
    connect(m_sessions, &PeerSessions::peerActivated, this, [this] {
        if (m_providers && !m_stopping) {
            m_providers->retryUnstored();
        }
    });
    if (AddressCheck::isNeeded(m_config)) {
        m_addressCheck = new AddressCheck({m_engine.get(), &dial, m_connections->identity(),
                                           m_connections->networkKey().toByteArray(),
                                           m_config.transport, m_config.observedAddressNetworks,
                                           m_listenEndpoint.port(), [this] { return nowMs(); }},
                                          this);
        connect(m_sessions, &PeerSessions::peerActivated, this, &Node::checkObservedAddress);
    }
    connect(m_sessions, &PeerSessions::peerClosed, this, &Node::peerClosed);
    m_memberChecks = new MemberChecks(
        [this](const NodeInfo &member, std::function<void(bool)> done) {
            // A member file the user imported says the node is on that network, as a seed
            // in peers/ does.
            m_sessions->dialPolicy().allowScopeOf(member.endpoint.address());
            m_engine->ping(member,
                           [done = std::move(done)](bool answered, quint32) { done(answered); });
        },
        [this] { return nowMs(); }, this);
    connect(m_sessions, &PeerSessions::dialFailed, m_memberChecks, &MemberChecks::noteDialFailure);
    m_messenger->attach({m_router.get(), m_providers.get(), &m_identity.keyPair(),
                         [this](const Key160 &id) -> std::optional<QByteArray> {
                             if (auto key = m_sessions->liveKey(id)) {
                                 return key;
                             }
                             if (const auto *contact = m_engine->table().find(id)) {
                                 return contact->info.publicKeyBytes();
                             }
                             return std::nullopt;
                         },
                         [this](const Key160 &id, NodeKeys::Done done) {
                             // The live relays too: a leaf's table may hold none of them.
                             m_engine->lookup(
                                 id,
                                 [done = std::move(done)](const overlay::LookupResult &result) {
                                     // Any answer that named the ID gives its key (the ID is
                                     // the key's hash), even when the node cannot be dialled.
                                     done(result.targetKey.isEmpty()
                                              ? std::nullopt
                                              : std::optional(result.targetKey));
                                 },
                                 m_sessions->liveRelays());
                         },
                         [this] { return wallClockMs() / 1000; }});
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
    connect(m_bootstrapper, &Bootstrapper::memberAdded, this, &Node::checkMember);
    m_saveTimer = new QTimer(this);
    connect(m_saveTimer, &QTimer::timeout, this, &Node::saveContacts);
    m_saveTimer->start(std::chrono::milliseconds(m_config.saveIntervalMs));

    m_startedAt = QDateTime::currentDateTimeUtc();
    if (m_config.listen) {
        Q_EMIT listening(m_listenEndpoint.toString());
    }
    startReachability();
    m_bootstrapper->start(m_config.bootstrapIntervalMs);
    if (m_containerBridge) {
        m_containerBridge->publishAll();
    }
    return Status::success();
}

bool Node::wantsPortMapping() const {
    // A router forwards to this host's network addresses, never to its loopback.
    return m_config.portMapping && m_config.listen && !m_config.listenAddress.isLoopback() &&
           (m_config.portMappingUpnp || m_config.portMappingNatPmp) &&
           qgetenv("ORION_PORT_MAPPING") != "off";
}

void Node::startReachability() {
    net::PortMapper *mapper = nullptr;
    if (wantsPortMapping()) {
        mapper = new net::PortMapper(
            net::PortMapper::systemBackends(m_config.portMappingUpnp, m_config.portMappingNatPmp),
            net::PortMapSchedule::Timing{m_config.portMappingLifetimeSecs},
            [this] { return nowMs(); });
    }
    m_reachability =
        new Reachability({m_dialBack, [this] { return m_sessions->activeConnections(); },
                          &Reachability::outsideHostNetworks, [this] { return nowMs(); },
                          m_config.listen, m_listenEndpoint.port()},
                         mapper, this);
    connect(m_sessions, &PeerSessions::peerActivated, m_reachability, &Reachability::peerActivated);
    connect(m_reachability, &Reachability::publishedChanged, this, [this] {
        const auto mapped = m_reachability->mappedEndpoint();
        qCInfo(lcNode).noquote() << "member record now publishes"
                                 << (mapped ? mapped->toString()
                                            : QStringLiteral("no mapped address"));
    });
    m_reachability->start();
}

Status Node::abandonStart(Status failure) {
    // Nothing of a failed start stays behind, so that start() can be tried again.
    if (m_containerManager) {
        setContainerEndpoint(nullptr);
        delete std::exchange(m_containerBridge, nullptr);
        delete std::exchange(m_containerManager, nullptr);
    }
    if (m_portal) {
        m_portal->stop();
        delete std::exchange(m_portal, nullptr);
    }
    delete std::exchange(m_memberChecks, nullptr);
    delete std::exchange(m_connections, nullptr);
    m_listenEndpoint = {};
    return failure;
}

Status Node::setPaused(bool paused) {
    if (!m_sessions || m_stopping || paused == m_paused) {
        return Status::success();
    }
    if (paused) {
        // Tables, contacts, containers and the portal stay; the network goes away.
        saveContacts();
        m_bootstrapper->stop();
        m_policyTimer->stop();
        m_engine->setPaused(true);
        m_sessions->pause();
        m_paused = true;
        m_memberChecks->abandon(QStringLiteral("the node was paused before the member answered"));
        m_reachability->stop(nullptr); // the mapping goes while the network does
        qCInfo(lcNode).noquote() << nodeId().shortHex() << "paused," << m_engine->table().size()
                                 << "contacts kept";
        return Status::success();
    }
    // The same port as before, so that the member records peers hold stay right.
    if (auto ok =
            m_sessions->resume(m_config.listen ? std::optional(m_listenEndpoint) : std::nullopt);
        !ok) {
        qCWarning(lcNode).noquote() << "cannot resume:" << ok.error();
        return ok;
    }
    m_paused = false;
    m_engine->setPaused(false);
    m_policyTimer->start();
    // Reconnects from the table and the saved contacts, without the bootstrap file.
    m_bootstrapper->start(m_config.bootstrapIntervalMs);
    m_reachability->start();
    qCInfo(lcNode).noquote() << nodeId().shortHex() << "resumed";
    return Status::success();
}

void Node::checkMember(const identity::MemberRecord &record) {
    if (!m_memberChecks || m_stopping) {
        return;
    }
    m_memberChecks->check(record);
    if (m_paused) {
        m_memberChecks->abandon(QStringLiteral("the node is paused; it dials when it resumes"));
    }
}

void Node::checkObservedAddress() {
    if (m_addressCheck && !m_stopping && !m_paused) {
        m_addressCheck->check();
    }
}

void Node::bootstrapNow() {
    if (m_bootstrapper && !m_stopping) {
        m_bootstrapper->bootstrapNow();
    }
}

void Node::onBootstrapFinished(bool ok) {
    qCInfo(lcNode).noquote() << nodeId().shortHex() << "bootstrap" << (ok ? "done," : "failed,")
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
        qCWarning(lcNode).noquote() << ok.error();
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
    if (!m_sessions) {
        Q_EMIT stopped();
        return;
    }
    m_dialBack->stop();
    // Stopped once the peers heard goodbye and the router deleted the mapping (both bounded).
    auto pending = std::make_shared<int>(2);
    auto partDone = [this, pending] {
        if (--*pending == 0) {
            Q_EMIT stopped();
        }
    };
    m_reachability->stop(partDone);
    m_sessions->closeAll(QStringLiteral("node stopping"), partDone);
}

void Node::lookup(const identity::Key160 &target) {
    if (!m_engine || m_stopping || m_paused) {
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
    s.listenEndpoint = m_config.listen && m_connections ? m_listenEndpoint.toString() : QString();
    if (m_engine) {
        if (const auto observed = m_engine->observedAddress()) {
            s.observedAddress = observed->address().toString();
        }
        if (m_addressCheck && m_addressCheck->confirmed()) {
            s.confirmedAddress = m_addressCheck->confirmed()->address().toString();
        }
        s.addressChecksFailed = m_addressCheck ? m_addressCheck->failedChecks() : 0;
        if (m_reachability) {
            s.reachability = m_reachability->report();
        }
        s.contacts = int(m_engine->table().size());
        s.contactsRefusedNetwork = m_engine->table().refusedForNetwork();
        s.buckets = m_engine->table().bucketCount();
    }
    if (m_connections) {
        s.connections = int(m_connections->connections().size());
        s.handshaking = m_connections->handshakingCount();
        s.transport = m_connections->counters();
        s.queues.send = m_connections->sendBudget();
    }
    s.publicKey = QString::fromLatin1(m_identity.publicKey().toHex());
    s.networkId = QString::fromLatin1(m_networkId.toHex());
    s.uptimeMs = m_clock.elapsed();
    s.startedAt = m_startedAt;
    s.paused = m_paused;
    if (m_containerManager) {
        for (const auto &c : m_containerManager->list()) {
            ++s.containers;
            s.containersRunning += c.enabled && c.loaded ? 1 : 0;
        }
        s.queues.containerBytes = m_containerManager->queuedBytes();
        s.queues.containerRefused = m_containerManager->queueBytesRefused();
    }
    s.portalSocket = m_portal ? m_portal->socketPath() : QString();
    if (m_sessions) {
        s.activePeers = m_sessions->activeCount();
        s.relays = int(m_sessions->livePeers().size());
        s.dials = m_sessions->dialPolicy().counters();
        const PeerSessions::Traffic t = m_sessions->traffic();
        s.bytesIn = t.bytesIn;
        s.bytesOut = t.bytesOut;
        s.messagesIn = t.messagesIn;
        s.messagesOut = t.messagesOut;
    }
    if (m_router) {
        s.routing = m_router->stats();
        s.sealing = m_messenger->sealStats();
        s.queues.dialBytes = m_router->waitingBytes();
    }
    s.state = NodeStatus::stateOf(m_sessions != nullptr, m_paused, s.activePeers);
    // A founder never bootstraps from a seed, yet once peers dialled it and its table holds
    // them it is as much part of the network as a node that did.
    s.bootstrapped = (m_bootstrapper && m_bootstrapper->isBootstrapped()) ||
                     (s.activePeers > 0 && s.contacts > 0);
    if (s.state == NodeState::Connecting) {
        s.noNetwork = !hasNetwork();
    }
    if (m_memberChecks) {
        s.memberChecks = m_memberChecks->checks();
    }
    s.providerRecords = m_providers ? m_providers->store().storedForOthers() : 0;
    s.providerRecordsRefused = m_providers ? m_providers->refusedAdds() : 0;
    return s;
}

bool Node::hasNetwork() const {
    // Listening on loopback only, the node's network is this host, which is always there.
    if (m_config.listen && m_config.listenAddress.isLoopback()) {
        return true;
    }
    const auto interfaces = QNetworkInterface::allInterfaces();
    for (const QNetworkInterface &i : interfaces) {
        const auto flags = i.flags();
        if (flags.testFlag(QNetworkInterface::IsLoopBack) ||
            !flags.testFlag(QNetworkInterface::IsUp) ||
            !flags.testFlag(QNetworkInterface::IsRunning)) {
            continue;
        }
        if (!i.addressEntries().isEmpty()) {
            return true;
        }
    }
    return false;
}

std::vector<routing::Contact> Node::contacts() const {
    return m_engine ? m_engine->table().contacts() : std::vector<routing::Contact>{};
}

int Node::bucketIndexFor(const Key160 &id) const {
    return m_engine ? m_engine->table().bucketIndexFor(id) : -1;
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
