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
#include "node/NodeRunner.h"
#include "node/NodeView.h"
#include "node/Profile.h"
#include "node/ProfileLock.h"
#include "util/Json.h"

#include <QCborValue>
#include <QDir>
#include <QFile>
#include <QSettings>

#include <algorithm>

namespace orion::app::facade {

NodeHost::NodeHost(const QString &profileDir,
                   std::shared_ptr<const crypto::SecureBuffer> passphrase, ConfigAdjust adjust)
    : m_profileDir(profileDir)
    , m_passphrase(std::move(passphrase))
    , m_adjust(std::move(adjust)) {}

// The runner stops the node (with its goodbye) before the profile lock is released.
NodeHost::~NodeHost() = default;

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
    m_networkKey = key->clone();
    auto built = std::make_unique<node::Node>(profile, std::move(id).value(),
                                              std::move(key).value(), config);
    connectMessages(built.get());
    // The node runs on the runner's thread from here; it says goodbye when the runner stops.
    auto runner = std::make_unique<node::NodeRunner>(std::move(built));
    if (const Result<QString> started = runner->start(); !started) {
        return Status::failure(started.errorCode(),
                               tr("The node could not start: %1").arg(started.error()));
    }
    m_runner = std::move(runner);
    return Status::success();
}

void NodeHost::stopNode(std::function<void()> done) {
    // The node says goodbye to its peers and saves its contacts; its goodbye deadline bounds
    // the wait. This thread waits, the GUI thread does not.
    m_runner.reset();
    m_sends.clear();
    m_sendOrder.clear();
    m_lock.reset();
    done();
}

Status NodeHost::pauseNode(bool paused) {
    if (!m_runner) {
        return Status::failure(ErrorCode::InvalidArgument, tr("The node is not running."));
    }
    return m_runner->setPaused(paused);
}

NodeStatus NodeHost::currentStatus() const {
    if (!m_runner) {
        NodeStatus s;
        s.nodeId = m_self.toHex();
        return s;
    }
    node::Node *n = m_runner->node();
    return m_runner->call([n] { return n->status(); });
}

RoutingSnapshot NodeHost::currentRouting() const {
    RoutingSnapshot snapshot;
    snapshot.self = m_self;
    if (!m_runner) {
        return snapshot;
    }
    node::Node *n = m_runner->node();
    const std::vector<node::NodeView::ContactEntry> contacts =
        m_runner->call([n] { return node::NodeView::contacts(*n); });
    const QDateTime wallNow = QDateTime::currentDateTimeUtc();
    QHash<int, BucketInfo> fill;
    for (const node::NodeView::ContactEntry &c : contacts) {
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

void NodeHost::connectMessages(node::Node *node) {
    // The service handler runs on the node thread; the message travels to this one.
    node->registerService(QLatin1String(MessageChannel::kConsoleService),
                          [this](const routing::RoutedMessage &message) {
                              ConsoleMessage m;
                              m.event = ConsoleEvent::Received;
                              m.peer = message.source.toHex();
                              m.service = message.service;
                              m.body = bodyText(message.body);
                              QMetaObject::invokeMethod(
                                  this, [this, m] { queueConsole(m); }, Qt::QueuedConnection);
                              return routing::Delivery::Accepted;
                          });
    connect(node, &node::Node::messageDelivered, this,
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
    connect(node, &node::Node::messageReply, this,
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
    connect(node, &node::Node::messageError, this,
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
    if (!m_runner) {
        return Status::failure(tr("The node is not running."));
    }
    if (service.toUtf8().size() > routing::RoutedMessage::kMaxServiceBytes) {
        return Status::failure(tr("The service name is too long."));
    }
    node::Node *n = m_runner->node();
    // What follows the send reaches this thread queued, so after the ID is recorded here.
    const QByteArray id = m_runner->call([n, target, service, value = bodyFromText(body)] {
        return n->sendMessage(target, service, value);
    });
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
    if (!m_runner) {
        return out;
    }
    node::Node *n = m_runner->node();
    const std::vector<container::ContainerManager::Info> list = m_runner->call([n] {
        const container::ContainerManager *manager = n->containers();
        return manager ? manager->list() : std::vector<container::ContainerManager::Info>();
    });
    for (const container::ContainerManager::Info &i : list) {
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
    if (!m_runner) {
        return Result<QString>::failure(tr("The node is not running."));
    }
    node::Node *n = m_runner->node();
    return m_runner->call([n, command, &name, &source] {
        return runCommand(n->containers(), command, name, source);
    });
}

Result<QString> NodeHost::runCommand(container::ContainerManager *manager, ContainerCommand command,
                                     const QString &name, const QString &source) {
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
    if (!m_runner) {
        return Result<ContainerDetail>::failure(tr("The node is not running."));
    }
    struct Read {
        Result<container::ContainerManager::Info> info;
        Result<container::ContainerManager::Logs> logs;
        Result<container::ContainerManager::Data> data;
    };
    node::Node *n = m_runner->node();
    std::optional<Read> read = m_runner->call([n, &name, sinceId]() -> std::optional<Read> {
        const container::ContainerManager *manager = n->containers();
        if (!manager) {
            return std::nullopt;
        }
        return Read{manager->info(name), manager->logs(name, sinceId), manager->data(name)};
    });
    if (!read) {
        return Result<ContainerDetail>::failure(tr("This node does not host containers."));
    }
    if (!read->logs) {
        return Result<ContainerDetail>::failure(read->logs.error());
    }
    ContainerDetail d;
    d.name = name;
    for (const container::ContainerLogRing::Entry &e : read->logs->entries) {
        ContainerLogLine line;
        line.id = e.id;
        line.time = QDateTime::fromMSecsSinceEpoch(e.timeMs, Qt::UTC);
        line.level = QLatin1String(container::ContainerLogRing::levelName(e.level));
        line.text = e.text;
        d.lines.append(line);
    }
    if (read->data) {
        for (auto it = read->data->cbegin(); it != read->data->cend(); ++it) {
            // A stored value is JSON text; one that is not is shown as it is.
            const std::optional<QJsonValue> value = util::Json::parseValue(it.value());
            d.data.insert(it.key(),
                          value ? util::Json::text(*value) : QString::fromUtf8(it.value()));
        }
    }
    d.source = sourceOf(name, read->info ? read->info->version : -1);
    return d;
}

QString NodeHost::sourceOf(const QString &name, qint64 version) const {
    if (name == m_sourceOf && version == m_sourceVersion) {
        return m_source;
    }
    const container::ContainerRepository repository(
        node::Profile(m_profileDir).containersDirectory());
    QFile file(repository.directoryOf(name) + QLatin1Char('/') +
               QLatin1String(container::ContainerRepository::kSourceFile));
    m_source = file.open(QIODevice::ReadOnly) ? QString::fromUtf8(file.readAll()) : QString();
    m_sourceOf = name;
    m_sourceVersion = version;
    return m_source;
}

Result<QByteArray> NodeHost::memberFile() const {
    if (!m_runner) {
        return Result<QByteArray>::failure(tr("The node is not running."));
    }
    node::Node *n = m_runner->node();
    // The card `orionctl member export` writes: a node listening on every address that
    // peers have not told yet where they see it publishes an address of this host, so the
    // card (and the invite) can be dialled.
    return m_runner->call([n]() -> Result<QByteArray> {
        identity::MemberRecord record;
        if (const auto error =
                node::NodeView::exportMember(*n, std::nullopt, std::nullopt, &record)) {
            return Result<QByteArray>::failure(error->reason);
        }
        return record.toJson();
    });
}

Result<QString> NodeHost::networkKeyText() const {
    if (m_networkKey.isNull()) {
        return Result<QString>::failure(ErrorCode::Unavailable,
                                        tr("The network key is read when the node starts."));
    }
    return m_networkKey.toText();
}

Status NodeHost::addMember(const QByteArray &content) {
    // Without a running node the file is checked and kept; the node bootstraps from it
    // when it starts. A paused node keeps it the same way.
    node::Node *n = m_runner ? m_runner->node() : nullptr;
    const node::NodeView::MemberImport result =
        n ? m_runner->call([n, &content] { return node::NodeView::importMember(*n, content); })
          : node::NodeView::importMember(node::Profile(m_profileDir), m_self, m_networkId, content);
    if (!result.ok()) {
        return Status::failure(result.reason);
    }
    return Status::success();
}

} // namespace orion::app::facade
