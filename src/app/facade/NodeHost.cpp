// SPDX-License-Identifier: GPL-3.0-or-later
#include "facade/NodeHost.h"

#include "identity/MemberRecord.h"
#include "identity/NetworkKey.h"
#include "identity/NodeIdentity.h"
#include "node/BootstrapList.h"
#include "node/Node.h"
#include "node/Profile.h"
#include "node/ProfileLock.h"

#include <QEventLoop>
#include <QSettings>
#include <QTimer>

#include <algorithm>

namespace orion::app::facade {

NodeHost::NodeHost(const QString &profileDir,
                   std::shared_ptr<const crypto::SecureBuffer> passphrase, ConfigAdjust adjust)
    : m_profileDir(profileDir)
    , m_passphrase(std::move(passphrase))
    , m_adjust(std::move(adjust)) {}

NodeHost::~NodeHost() {
    shutDown();
}

std::unique_ptr<NodeBackend>
NodeHost::create(const QString &profileDir,
                 std::shared_ptr<const crypto::SecureBuffer> passphrase) {
    return std::make_unique<NodeHost>(profileDir, std::move(passphrase));
}

Status NodeHost::startNode() {
    const node::Profile profile(m_profileDir);
    auto lock = node::ProfileLock::acquire(profile);
    if (!lock) {
        return Status::failure(
            tr("This profile is in use by another Orion node: %1").arg(lock.error()));
    }
    m_lock = std::move(lock).value();
    const Status started = buildAndStart();
    if (!started) {
        m_lock.reset();
    }
    return started;
}

Status NodeHost::buildAndStart() {
    const node::Profile profile(m_profileDir);
    const QByteArrayView passphrase = m_passphrase ? m_passphrase->view() : QByteArrayView();
    Result<identity::NodeIdentity> id =
        identity::NodeIdentity::load(profile.identityPath(), passphrase);
    if (!id) {
        return Status::failure(tr("The identity could not be opened: %1").arg(id.error()));
    }
    Result<identity::NetworkKey> key =
        identity::NetworkKey::load(profile.networkKeyPath(), passphrase);
    if (!key) {
        return Status::failure(tr("The network key could not be opened: %1").arg(key.error()));
    }
    node::NodeConfig config = node::NodeConfig::fromSettings(*profile.settings());
    if (m_adjust) {
        m_adjust(config);
    }
    m_self = id->nodeId();
    m_networkId = key->networkId();
    m_node = new node::Node(profile, std::move(id).value(), std::move(key).value(), config, this);
    m_clock.start();
    QString failure;
    connect(m_node, &node::Node::listening, this,
            [this](const QString &endpoint) { m_endpoint = endpoint; });
    connect(m_node, &node::Node::startFailed, this,
            [&failure](const QString &reason) { failure = reason; });
    connect(m_node, &node::Node::peerActivated, this,
            [this](const QString &peer) { m_activePeers.insert(peer); });
    connect(m_node, &node::Node::peerClosed, this,
            [this](const QString &peer, const QString &) { m_activePeers.remove(peer); });
    m_node->start();
    if (!failure.isEmpty()) {
        delete m_node;
        m_node = nullptr;
        return Status::failure(tr("The node could not start: %1").arg(failure));
    }
    m_startedAt = QDateTime::currentDateTimeUtc();
    return Status::success();
}

void NodeHost::shutDown() {
    if (!m_node) {
        return;
    }
    // The node says goodbye to its peers and saves its contacts before it reports stopped.
    QEventLoop loop;
    connect(m_node, &node::Node::stopped, &loop, &QEventLoop::quit);
    QTimer::singleShot(5000, &loop, &QEventLoop::quit);
    m_node->requestStop();
    loop.exec();
    delete m_node;
    m_node = nullptr;
    m_activePeers.clear();
    m_endpoint.clear();
    m_startedAt = {};
}

void NodeHost::stopNode() {
    shutDown();
    m_lock.reset();
}

void NodeHost::pauseNode(bool paused) {
    // The node has no idle mode: pausing stops it (contacts saved, peers told goodbye) and
    // resuming starts it again from the same profile, still holding the profile lock.
    if (paused) {
        shutDown();
    } else if (!m_node) {
        (void)buildAndStart();
    }
}

NodeStatus NodeHost::currentStatus() const {
    NodeStatus s;
    s.nodeId = m_self.toHex();
    if (!m_node) {
        s.state = NodeState::Stopped;
        return s;
    }
    const node::NodeStatus n = m_node->status();
    s.peers = n.activePeers;
    s.state = n.activePeers > 0 ? NodeState::Online : NodeState::Connecting;
    if (!n.listenEndpoint.isEmpty()) {
        s.listenAddresses << n.listenEndpoint;
        s.port = quint16(n.listenEndpoint.section(QLatin1Char(':'), -1).toUInt());
    }
    const QString listenHost = n.listenEndpoint.section(QLatin1Char(':'), 0, -2);
    if (!n.observedAddress.isEmpty() && n.observedAddress != n.listenEndpoint &&
        n.observedAddress != listenHost) {
        s.listenAddresses << tr("%1 (as seen by peers)").arg(n.observedAddress);
    }
    s.startedAt = m_startedAt;
    // The node does not count messages or bytes yet; the status page says so.
    s.trafficKnown = false;
    return s;
}

RoutingSnapshot NodeHost::currentRouting() const {
    RoutingSnapshot snapshot;
    snapshot.self = m_self;
    if (!m_node) {
        return snapshot;
    }
    const int buckets = std::max(1, m_node->status().buckets);
    const qint64 now = m_clock.elapsed();
    const QDateTime wallNow = QDateTime::currentDateTimeUtc();
    QHash<int, BucketInfo> fill;
    for (const routing::Contact &c : m_node->contacts()) {
        ContactInfo info;
        info.id = c.info.id;
        info.prefixBits = m_self.commonPrefixLength(c.info.id);
        // A splitting table keeps one bucket per prefix length up to its deepest bucket.
        info.bucket = std::min(info.prefixBits, buckets - 1);
        info.address = c.info.endpoint.toString();
        info.score = c.score(now);
        info.rttMs = c.rttMs > 0 ? int(c.rttMs) : -1;
        info.lastSeen = wallNow.addMSecs(-(now - c.lastSeenMs));
        if (m_activePeers.contains(c.info.id.toHex())) {
            info.state = ContactState::Connected;
        } else if (c.failures > 0) {
            info.state = ContactState::Failing;
        } else {
            info.state = ContactState::Known;
        }
        BucketInfo &b = fill[info.bucket];
        b.index = info.bucket;
        ++b.contacts;
        snapshot.contacts.append(info);
    }
    for (const BucketInfo &b : fill) {
        snapshot.buckets.append(b);
    }
    std::sort(snapshot.buckets.begin(), snapshot.buckets.end(),
              [](const BucketInfo &a, const BucketInfo &b) { return a.index < b.index; });
    return snapshot;
}

Status NodeHost::routeMessage(const identity::Key160 &, const QString &, const QByteArray &) {
    return Status::failure(tr("Not available: this version of the node cannot route "
                              "messages yet."));
}

Result<QByteArray> NodeHost::memberFile() const {
    if (!m_node) {
        return Result<QByteArray>::failure(tr("The node is paused."));
    }
    return m_node->memberRecord().toJson();
}

Status NodeHost::addMember(const QByteArray &content) {
    Result<identity::MemberRecord> record = identity::MemberRecord::fromJson(content);
    if (!record) {
        return Status::failure(record.error());
    }
    const Status added =
        node::BootstrapList::add(node::Profile(m_profileDir), *record, m_networkId);
    if (!added) {
        return added;
    }
    if (m_node) {
        m_node->bootstrapNow();
    }
    return Status::success();
}

} // namespace orion::app::facade
