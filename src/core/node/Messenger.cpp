// SPDX-License-Identifier: GPL-3.0-or-later
#include "node/Messenger.h"

#include "node/NodeLog.h"
#include "overlay/ProviderDirectory.h"
#include "routing/ContainerEndpoint.h"
#include "routing/Router.h"

#include <QTimer>

#include <algorithm>

namespace orion::node {

using identity::Key160;
using routing::Delivery;
using routing::RoutedMessage;
using ErrorCode = routing::RoutedMessage::ErrorCode;

const QString Messenger::kEchoService = QStringLiteral("echo");
const QString Messenger::kPingService = QStringLiteral("ping");

namespace {

ErrorCode errorFor(Delivery d) {
    switch (d) {
    case Delivery::Busy:
        return ErrorCode::Busy;
    case Delivery::Refused:
        return ErrorCode::Refused;
    case Delivery::NoEndpoint:
    case Delivery::Accepted:
        break;
    }
    return ErrorCode::NoEndpoint;
}

} // namespace

Messenger::Messenger(const Key160 &self, qint64 routeTimeoutMs, Clock clock, QObject *parent)
    : QObject(parent)
    , m_self(self)
    , m_routeTimeoutMs(routeTimeoutMs)
    , m_clock(std::move(clock))
    , m_routeTimer(new QTimer(this)) {
    // Runs only while messages await an answer, and fires at the earliest deadline: an
    // idle node does not wake up for it.
    m_routeTimer->setSingleShot(true);
    m_routeTimer->setTimerType(Qt::PreciseTimer);
    connect(m_routeTimer, &QTimer::timeout, this, &Messenger::checkRouteTimeouts);
}

void Messenger::attach(Parts parts) {
    m_router = parts.router;
    m_providers = parts.providers;
    overlay::ProviderDirectory *providers = parts.providers;
    m_sealer = std::make_unique<MessageSealer>(
        *parts.nodeKey, [providers](const Key160 &key) { return providers->ownKey(key); },
        [providers] { return providers->ownKeys(); },
        [providers](const Key160 &key) {
            const auto record = providers->ownRecord(key);
            return record ? record->toCbor() : QCborMap();
        },
        std::move(parts.wallClockSecs));
    m_keys = NodeKeys(std::move(parts.knownKey), std::move(parts.lookupKey));
    armRouteTimer();
}

MessageSealer::Stats Messenger::sealStats() const {
    return m_sealer ? m_sealer->stats() : MessageSealer::Stats{};
}

void Messenger::signReport(RoutedMessage &error) const {
    if (m_sealer) {
        m_sealer->signReport(error);
    }
}

void Messenger::stop() {
    m_stopping = true;
    m_routeTimer->stop();
}

// --- Services ------------------------------------------------------------------------

bool Messenger::registerService(const QString &name, ServiceHandler handler) {
    if (name.isEmpty() || name == kEchoService || name == kPingService || !handler ||
        name.toUtf8().size() > RoutedMessage::kMaxServiceBytes || m_services.contains(name)) {
        return false;
    }
    m_services.emplace(name, std::move(handler));
    return true;
}

void Messenger::unregisterService(const QString &name) {
    m_services.remove(name);
}

QStringList Messenger::services() const {
    return m_services.keys();
}

// --- Sending -------------------------------------------------------------------------

QByteArray Messenger::sendMessage(const Key160 &target, const QString &service,
                                  const QCborValue &body, const SendOptions &options) {
    RoutedMessage m;
    m.messageId = RoutedMessage::newMessageId();
    m.origin = m_self;
    m.source = options.source.value_or(m_self);
    m.destination = target;
    m.target = target;
    m.service = service;
    m.hopLimit = std::clamp(options.hopLimit, 0, int(RoutedMessage::kMaxHopLimit));
    m.routeDepth = std::clamp(options.routeDepth, 0, int(RoutedMessage::kMaxRouteDepth));
    m.routeOrigin = options.routeOrigin;
    if (auto bounded = RoutedMessage::kBodyBounds.checkValue(body); !bounded) {
        // The next hop would close the connection for it: refuse here, after the caller
        // has the ID (as every other failure of a send).
        QMetaObject::invokeMethod(
            this,
            [this, id = m.messageId, text = bounded.error()] {
                Q_EMIT messageError(id, int(ErrorCode::Refused),
                                    QStringLiteral("the body cannot be sent: %1").arg(text));
            },
            Qt::QueuedConnection);
        return m.messageId;
    }
    m.body = body;
    const qint64 timeout = options.timeoutMs < 0 ? m_routeTimeoutMs : options.timeoutMs;
    if (timeout > 0) {
        m.wantReceipt = true;
        m_awaiting.expect(m.messageId, m_clock() + timeout);
        armRouteTimer();
    }
    QByteArray id = m.messageId;
    m_outgoing.emplace_back(std::move(m), options.target);
    if (!m_outgoingScheduled) {
        m_outgoingScheduled = true;
        QMetaObject::invokeMethod(this, &Messenger::flushOutgoing, Qt::QueuedConnection);
    }
    return id;
}

void Messenger::failSend(const QByteArray &messageId, ErrorCode code, const QString &text) {
    m_awaiting.settle(messageId);
    Q_EMIT messageError(messageId, int(code), text);
}

void Messenger::flushOutgoing() {
    m_outgoingScheduled = false;
    auto batch = std::move(m_outgoing);
    m_outgoing.clear();
    // Plain names, not a structured binding: lambdas below capture the message, which
    // clang before 16 does not allow for bindings.
    for (auto &entry : batch) {
        RoutedMessage &message = entry.first;
        const SendOptions::Target kind = entry.second;
        if (!m_router || m_stopping) {
            failSend(message.messageId, ErrorCode::NoRoute,
                     QStringLiteral("the node is not running"));
            continue;
        }
        const Key160 target = message.target;
        if (kind == SendOptions::Target::Node) {
            sendToNode(std::move(message), false);
            continue;
        }
        if (kind == SendOptions::Target::Auto) {
            if (const auto record = m_providers->cached(target)) {
                message.destination = record->hostId;
                sealAndRoute(message, record->containerPublicKey);
                continue;
            }
            // A node whose key we hold needs no resolution; any other key may be a
            // container's, and then a node's.
            if (target == m_self || m_keys.known(target)) {
                sendToNode(std::move(message), false);
                continue;
            }
        }
        const bool strict = kind == SendOptions::Target::Container;
        m_providers->resolve(target, [this, message = message, strict](
                                         std::optional<overlay::ProviderRecord> record) mutable {
            if (m_stopping) {
                return;
            }
            if (record) {
                message.destination = record->hostId;
                sealAndRoute(message, record->containerPublicKey);
            } else if (strict) {
                failSend(message.messageId, ErrorCode::Unresolved,
                         QStringLiteral("no provider record for %1").arg(message.target.toHex()));
            } else {
                sendToNode(std::move(message), true);
            }
        });
    }
}

void Messenger::sendToNode(RoutedMessage message, bool afterProviders) {
    if (message.target == m_self) {
        sealAndRoute(message, m_sealer->nodeKeyBytes());
        return;
    }
    m_keys.resolve(message.target, [this, message = std::move(message),
                                    afterProviders](std::optional<QByteArray> key) {
        if (m_stopping || !m_router) {
            return;
        }
        if (!key) {
            failSend(message.messageId, ErrorCode::Unresolved,
                     afterProviders
                         ? QStringLiteral("no container or node by the key %1 was found")
                               .arg(message.target.toHex())
                         : QStringLiteral("no node by the ID %1 answered a lookup (its key is "
                                          "needed to seal the message)")
                               .arg(message.target.toHex()));
            return;
        }
        sealAndRoute(message, *key);
    });
}

void Messenger::sealAndRoute(const RoutedMessage &message, const QByteArray &receiverKey) {
    if (!m_router || m_stopping) {
        return;
    }
    auto sealed = m_sealer->seal(message, receiverKey);
    if (!sealed) {
        if (message.kind == RoutedMessage::Kind::Data) {
            failSend(message.messageId, ErrorCode::Refused,
                     QStringLiteral("the message cannot be sealed: %1").arg(sealed.error()));
        } else {
            qCWarning(lcNode).noquote() << "an answer could not be sealed:" << sealed.error();
        }
        return;
    }
    if (message.kind == RoutedMessage::Kind::Data) {
        m_sent.remember(message.messageId, message.source, message.target, message.destination,
                        m_clock());
    }
    m_router->route(std::move(*sealed), m_self);
}

void Messenger::answer(const RoutedMessage &request, RoutedMessage reply) {
    if (request.sourceKey.isEmpty()) {
        // Never opened here: there is no authenticated sender to seal an answer for.
        return;
    }
    if (!request.originAuthenticated) {
        // The origin named in the header is not known to host the sender: it may be a node
        // that never asked (reflection). It gets nothing.
        m_sealer->countWithheldAnswer();
        qCDebug(lcNode).noquote() << "no answer to" << request.origin.shortHex()
                                  << ": it is not known to host the sender"
                                  << request.source.shortHex();
        return;
    }
    sealAndRoute(reply, request.sourceKey);
}

void Messenger::sendReply(const RoutedMessage &request, const QCborValue &body,
                          const std::optional<Key160> &from) {
    if (auto bounded = RoutedMessage::kBodyBounds.checkValue(body); !bounded) {
        sendErrorReply(request, ErrorCode::EndpointFailed,
                       QStringLiteral("the reply cannot be sent: %1").arg(bounded.error()));
        return;
    }
    answer(request, request.makeReply(m_self, from.value_or(request.target), body));
}

void Messenger::sendErrorReply(const RoutedMessage &request, ErrorCode code, const QString &text) {
    if (!m_router) {
        return;
    }
    if (request.kind != RoutedMessage::Kind::Data) {
        return; // answers are never answered
    }
    if (request.sourceKey.isEmpty()) {
        m_router->reject(request, code, text);
        return;
    }
    // The target endpoint itself answers: sealed like a reply.
    RoutedMessage error = request.makeError(m_self, code, text);
    error.source = request.target;
    answer(request, std::move(error));
}

// --- Delivery ------------------------------------------------------------------------

Delivery Messenger::deliverData(const RoutedMessage &message) {
    if (message.target == m_self) {
        if (auto it = m_services.constFind(message.service); it != m_services.constEnd()) {
            return (*it)(message);
        }
        if (message.service == kEchoService) {
            sendReply(message, message.body, std::nullopt);
            return Delivery::Accepted;
        }
        if (message.service == kPingService) {
            sendReply(message, QStringLiteral("pong"), std::nullopt);
            return Delivery::Accepted;
        }
        return Delivery::NoEndpoint;
    }
    if (m_containers && m_containers->hasContainer(message.target)) {
        return m_containers->deliver(message);
    }
    return Delivery::NoEndpoint;
}

void Messenger::deliverLocal(const RoutedMessage &message) {
    if (!m_sealer) {
        return;
    }
    switch (message.kind) {
    case RoutedMessage::Kind::Sealed: {
        auto opened = m_sealer->open(message);
        if (!opened) {
            // Not for any endpoint here, altered on the way, or a replay: it reaches no
            // endpoint, and only a data message's origin hears of it (a relay's error).
            qCDebug(lcNode).noquote() << "dropped a sealed message from"
                                      << message.origin.shortHex() << ":" << opened.error();
            if (opened.errorCode() == orion::ErrorCode::NotFound) {
                m_router->reject(
                    message, RoutedMessage::ErrorCode::NoEndpoint,
                    QStringLiteral("no endpoint on node %1 opens the message").arg(m_self.toHex()));
            }
            return;
        }
        deliverOpened(std::move(*opened));
        return;
    }
    case RoutedMessage::Kind::Error:
        // Open errors come from the nodes on the way, each signed by the node that raised it.
        if (!m_sealer->verifyReport(message)) {
            qCDebug(lcNode).noquote()
                << "dropped an error without a valid signature of" << message.origin.shortHex();
            return;
        }
        deliverAnswer(message);
        return;
    case RoutedMessage::Kind::Data:
    case RoutedMessage::Kind::Reply:
    case RoutedMessage::Kind::Receipt:
        m_sealer->countUnsealed();
        qCDebug(lcNode).noquote() << "dropped an unsealed message from"
                                  << message.origin.shortHex();
        return;
    }
}

void Messenger::deliverOpened(RoutedMessage message) {
    if (message.originAuthenticated && message.source == message.origin) {
        m_keys.learn(message.sourceKey); // a node that may be answered later
    }
    if (message.kind != RoutedMessage::Kind::Data) {
        deliverAnswer(message);
        return;
    }
    const Delivery d = deliverData(message);
    if (d != Delivery::Accepted) {
        const QString text =
            d == Delivery::NoEndpoint
                ? QStringLiteral("no endpoint %1%2 on node %3")
                      .arg(message.target.toHex(),
                           message.service.isEmpty() ? QString()
                                                     : QStringLiteral("/") + message.service,
                           m_self.toHex())
                : QStringLiteral("the endpoint answered %1").arg(int(d));
        sendErrorReply(message, errorFor(d), text);
    } else if (message.wantReceipt) {
        answer(message, message.makeReceipt(m_self));
    }
}

void Messenger::deliverAnswer(const RoutedMessage &received) {
    RoutedMessage message = received;
    const auto sent = m_sent.find(message.inReplyTo, m_clock());
    if (!sent) {
        if (!message.sourceKey.isEmpty()) {
            m_sealer->countForgedAnswer();
        }
        qCDebug(lcNode).noquote() << "dropped an answer to a message not sent from here, from"
                                  << message.origin.shortHex();
        return;
    }
    if (message.sourceKey.isEmpty()) {
        // An open error, signed by the node that raised it: that node is not the endpoint,
        // so the error says who reported it.
        message.target = sent->source;
        message.errorText = QStringLiteral("%1 (reported by node %2, not by the endpoint)")
                                .arg(message.errorText, message.origin.toHex());
    } else if (message.source != sent->target || message.target != sent->source) {
        // Sealed by somebody, but not by the endpoint the message was sealed for.
        m_sealer->countForgedAnswer();
        qCDebug(lcNode).noquote() << "dropped an answer from" << message.source.shortHex()
                                  << "to a message for" << sent->target.shortHex();
        return;
    }
    const bool awaited = m_awaiting.settle(message.inReplyTo);
    if (message.target != m_self && m_containers && m_containers->hasContainer(message.target)) {
        m_containers->deliver(message);
    }
    switch (message.kind) {
    case RoutedMessage::Kind::Receipt:
        if (awaited) {
            Q_EMIT messageDelivered(message.inReplyTo, int(message.body.toInteger(-1)));
        }
        break;
    case RoutedMessage::Kind::Reply:
        if (awaited) {
            Q_EMIT messageDelivered(message.inReplyTo, -1);
        }
        Q_EMIT messageReply(message.inReplyTo, message);
        break;
    case RoutedMessage::Kind::Error:
        Q_EMIT messageError(message.inReplyTo, int(message.errorCode), message.errorText);
        break;
    case RoutedMessage::Kind::Data:
    case RoutedMessage::Kind::Sealed:
        break;
    }
}

// --- Deadlines -----------------------------------------------------------------------

void Messenger::checkRouteTimeouts() {
    for (const QByteArray &id : m_awaiting.expire(m_clock())) {
        Q_EMIT messageError(id, int(ErrorCode::Timeout),
                            QStringLiteral("neither a receipt nor an error came back"));
    }
    armRouteTimer();
}

void Messenger::armRouteTimer() {
    if (!m_router || m_stopping) {
        return;
    }
    const std::optional<qint64> next = m_awaiting.nextDeadline();
    if (!next) {
        m_routeTimer->stop();
        return;
    }
    // Answered messages leave the timer set for a deadline that no longer exists; it then
    // fires early, expires nothing and is set again.
    if (m_routeTimer->isActive() && m_routeTimerDeadline <= *next) {
        return;
    }
    m_routeTimerDeadline = *next;
    m_routeTimer->start(std::chrono::milliseconds(std::max<qint64>(0, *next - m_clock())));
}

} // namespace orion::node
