// SPDX-License-Identifier: GPL-3.0-or-later
#include "facade/NodeHost.h"

#include "container/ContainerManager.h"
#include "container/ContainerRepository.h"
#include "facade/MessageChannel.h"
#include "identity/MemberRecord.h"
#include "identity/NetworkKey.h"
#include "identity/NodeIdentity.h"
#include "node/BootstrapList.h"
#include "node/Node.h"
#include "node/NodeView.h"
#include "node/Profile.h"
#include "node/ProfileLock.h"
#include "util/Json.h"

#include <QCborValue>
#include <QDir>
#include <QEventLoop>
#include <QFile>
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
    Result<node::NodeConfig> settingsConfig = node::NodeConfig::fromSettings(*profile.settings());
    if (!settingsConfig) {
        return Status::failure(
            tr("The settings file %1 has a bad value: %2")
                .arg(QDir::toNativeSeparators(profile.settingsPath()), settingsConfig.error()));
    }
    node::NodeConfig config = std::move(settingsConfig).value();
    if (m_adjust) {
        m_adjust(config);
    }
    m_self = id->nodeId();
    m_networkId = key->networkId();
    m_node = new node::Node(profile, std::move(id).value(), std::move(key).value(), config, this);
    connect(m_node, &node::Node::listening, this,
            [this](const QString &endpoint) { m_endpoint = endpoint; });
    connect(m_node, &node::Node::peerActivated, this,
            [this](const QString &peer) { m_activePeers.insert(peer); });
    connect(m_node, &node::Node::peerClosed, this,
            [this](const QString &peer, const QString &) { m_activePeers.remove(peer); });
    connectMessages();
    if (const Status started = m_node->start(); !started) {
        delete m_node;
        m_node = nullptr;
        return Status::failure(started.errorCode(),
                               tr("The node could not start: %1").arg(started.error()));
    }
    return Status::success();
}

void NodeHost::shutDown() {
    // Only without an event loop left to say goodbye in (destruction): see stopNode.
    delete m_node;
    m_node = nullptr;
}

void NodeHost::stopNode(std::function<void()> done) {
    if (!m_node) {
        m_lock.reset();
        done();
        return;
    }
    // The node says goodbye to its peers and saves its contacts before it reports stopped;
    // its goodbye deadline bounds the wait.
    node::Node *stopping = m_node;
    connect(stopping, &node::Node::stopped, this, [this, stopping, done = std::move(done)] {
        stopping->deleteLater();
        if (m_node == stopping) {
            m_node = nullptr;
        }
        m_activePeers.clear();
        m_sends.clear();
        m_sendOrder.clear();
        m_endpoint.clear();
        m_lock.reset();
        done();
    });
    stopping->requestStop();
}

Status NodeHost::pauseNode(bool paused) {
    if (!m_node) {
        return Status::failure(ErrorCode::InvalidArgument, tr("The node is not running."));
    }
    if (paused) {
        m_activePeers.clear();
    }
    return m_node->setPaused(paused);
}

NodeStatus NodeHost::currentStatus() const {
    if (!m_node) {
        NodeStatus s;
        s.nodeId = m_self.toHex();
        return s;
    }
    return m_node->status();
}

RoutingSnapshot NodeHost::currentRouting() const {
    RoutingSnapshot snapshot;
    snapshot.self = m_self;
    if (!m_node) {
        return snapshot;
    }
    const QDateTime wallNow = QDateTime::currentDateTimeUtc();
    QHash<int, BucketInfo> fill;
    for (const node::NodeView::ContactEntry &c : node::NodeView::contacts(*m_node)) {
        ContactInfo info;
        info.id = c.id;
        info.prefixBits = c.prefixBits;
        info.bucket = c.bucket;
        info.address = c.address;
        info.score = c.score;
        info.rttMs = int(c.rttMs);
        info.lastSeen = wallNow.addMSecs(-c.lastSeenMsAgo);
        switch (c.state) {
        case node::NodeView::ContactState::Connected:
            info.state = ContactState::Connected;
            break;
        case node::NodeView::ContactState::Failing:
            info.state = ContactState::Failing;
            break;
        case node::NodeView::ContactState::Known:
            info.state = ContactState::Known;
            break;
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

namespace {

// The console's text as a message body: JSON when it parses as a JSON value, else a string.
QCborValue bodyFromText(const QByteArray &text) {
    if (const auto json = util::Json::parseValue(text)) {
        return QCborValue::fromJsonValue(*json);
    }
    return QCborValue(QString::fromUtf8(text));
}

// A body as the console shows it: strings as themselves, anything else as compact JSON.
QByteArray bodyText(const QCborValue &body) {
    if (body.isString()) {
        return body.toString().toUtf8();
    }
    return util::Json::compact(body.toJsonValue()).toUtf8();
}

constexpr qsizetype kMaxTrackedSends = 1000;

} // namespace

void NodeHost::connectMessages() {
    m_node->registerService(QLatin1String(MessageChannel::kConsoleService),
                            [this](const routing::RoutedMessage &message) {
                                ConsoleMessage m;
                                m.event = ConsoleEvent::Received;
                                m.peer = message.source.toHex();
                                m.service = message.service;
                                m.body = bodyText(message.body);
                                queueConsole(m);
                                return routing::Delivery::Accepted;
                            });
    connect(m_node, &node::Node::messageDelivered, this,
            [this](const QByteArray &messageId, int hops) {
                const quint64 request = requestFor(messageId);
                // A reply also counts as delivery (hops -1); the reply itself says more.
                if (request == 0 || hops < 0) {
                    return;
                }
                ConsoleMessage m;
                m.requestId = request;
                m.event = ConsoleEvent::Delivered;
                m.hops = hops;
                queueConsole(m);
            });
    connect(m_node, &node::Node::messageReply, this,
            [this](const QByteArray &inReplyTo, const routing::RoutedMessage &reply) {
                const quint64 request = requestFor(inReplyTo);
                if (request == 0) {
                    return;
                }
                ConsoleMessage m;
                m.requestId = request;
                m.event = ConsoleEvent::Reply;
                m.peer = reply.source.toHex();
                m.service = reply.service;
                m.body = bodyText(reply.body);
                queueConsole(m);
            });
    connect(m_node, &node::Node::messageError, this,
            [this](const QByteArray &inReplyTo, int code, const QString &text) {
                const quint64 request = requestFor(inReplyTo);
                if (request == 0) {
                    return;
                }
                m_sends.remove(inReplyTo);
                m_sendOrder.removeOne(inReplyTo);
                ConsoleMessage m;
                m.requestId = request;
                m.event = ConsoleEvent::Failed;
                const QString name =
                    routing::RoutedMessage::errorCodeName(routing::RoutedMessage::ErrorCode(code));
                m.status = text.isEmpty() ? name : QStringLiteral("%1: %2").arg(name, text);
                queueConsole(m);
            });
}

quint64 NodeHost::requestFor(const QByteArray &messageId) const {
    return m_sends.value(messageId, 0);
}

Status NodeHost::routeMessage(quint64 requestId, const identity::Key160 &target,
                              const QString &service, const QByteArray &body) {
    if (!m_node) {
        return Status::failure(tr("The node is paused."));
    }
    if (service.toUtf8().size() > routing::RoutedMessage::kMaxServiceBytes) {
        return Status::failure(tr("The service name is too long."));
    }
    const QByteArray id = m_node->sendMessage(target, service, bodyFromText(body));
    m_sends.insert(id, requestId);
    m_sendOrder.append(id);
    // Replies may come for as long as the peer likes; remember only the recent sends.
    while (m_sendOrder.size() > kMaxTrackedSends) {
        m_sends.remove(m_sendOrder.takeFirst());
    }
    return Status::success();
}

QList<ContainerInfo> NodeHost::currentContainers() const {
    QList<ContainerInfo> out;
    const container::ContainerManager *manager = m_node ? m_node->containers() : nullptr;
    if (!manager) {
        return out;
    }
    for (const container::ContainerManager::Info &i : manager->list()) {
        ContainerInfo c;
        c.name = i.name;
        c.key = i.key;
        c.version = i.version;
        c.state = !i.loaded   ? ContainerState::Broken
                  : i.enabled ? ContainerState::Running
                              : ContainerState::Stopped;
        c.error = i.error;
        c.queued = i.queued;
        c.messagesIn = i.statistics.counts.messagesIn;
        c.replies = i.statistics.counts.replies;
        c.errors = i.statistics.counts.errors;
        out.append(c);
    }
    return out;
}

Result<QString> NodeHost::runContainerCommand(ContainerCommand command, const QString &name,
                                              const QString &source) {
    container::ContainerManager *manager = m_node ? m_node->containers() : nullptr;
    if (!manager) {
        return Result<QString>::failure(tr("This node does not host containers."));
    }
    auto done = [](const Status &status, const QString &message) {
        return status ? Result<QString>(message) : Result<QString>::failure(status.error());
    };
    switch (command) {
    case ContainerCommand::Deploy:
        if (manager->info(name)) {
            const Result<qint64> version = manager->update(name, source);
            if (!version) {
                return Result<QString>::failure(version.error());
            }
            return tr("%1 now runs version %2.").arg(name).arg(version.value());
        } else {
            const Result<QString> key = manager->create(name, source);
            if (!key) {
                return Result<QString>::failure(key.error());
            }
            return tr("%1 created with key %2.").arg(name, key.value());
        }
    case ContainerCommand::Start:
        return done(manager->start(name), tr("%1 started.").arg(name));
    case ContainerCommand::Stop:
        return done(manager->stop(name), tr("%1 stopped.").arg(name));
    case ContainerCommand::Remove:
        return done(manager->remove(name), tr("%1 removed with its data.").arg(name));
    }
    return Result<QString>::failure(tr("Unknown request."));
}

Result<ContainerDetail> NodeHost::readContainer(const QString &name, quint64 sinceId) const {
    const container::ContainerManager *manager = m_node ? m_node->containers() : nullptr;
    if (!manager) {
        return Result<ContainerDetail>::failure(tr("This node does not host containers."));
    }
    const Result<container::ContainerManager::Logs> logs = manager->logs(name, sinceId);
    if (!logs) {
        return Result<ContainerDetail>::failure(logs.error());
    }
    ContainerDetail d;
    d.name = name;
    for (const container::ContainerLogRing::Entry &e : logs->entries) {
        ContainerLogLine line;
        line.id = e.id;
        line.time = QDateTime::fromMSecsSinceEpoch(e.timeMs, Qt::UTC);
        line.level = QLatin1String(container::ContainerLogRing::levelName(e.level));
        line.text = e.text;
        d.lines.append(line);
    }
    if (const Result<container::ContainerManager::Data> data = manager->data(name)) {
        for (auto it = data->cbegin(); it != data->cend(); ++it) {
            // A stored value is JSON text; one that is not is shown as it is.
            const std::optional<QJsonValue> value = util::Json::parseValue(it.value());
            d.data.insert(it.key(),
                          value ? util::Json::text(*value) : QString::fromUtf8(it.value()));
        }
    }
    const container::ContainerRepository repository(
        node::Profile(m_profileDir).containersDirectory());
    QFile source(repository.directoryOf(name) + QLatin1Char('/') +
                 QLatin1String(container::ContainerRepository::kSourceFile));
    if (source.open(QIODevice::ReadOnly)) {
        d.source = QString::fromUtf8(source.readAll());
    }
    return d;
}

Result<QByteArray> NodeHost::memberFile() const {
    if (!m_node) {
        return Result<QByteArray>::failure(tr("The node is paused."));
    }
    return m_node->memberRecord().toJson();
}

Status NodeHost::addMember(const QByteArray &content) {
    // While paused, the file is checked and kept; the node bootstraps from it on resume.
    const node::NodeView::MemberImport result =
        m_node ? node::NodeView::importMember(*m_node, content)
               : node::NodeView::importMember(node::Profile(m_profileDir), m_self, m_networkId,
                                              content);
    if (!result.ok()) {
        return Status::failure(result.reason);
    }
    return Status::success();
}

} // namespace orion::app::facade
