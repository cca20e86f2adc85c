// SPDX-License-Identifier: GPL-3.0-or-later
#include "node/Messenger.h"

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

void Messenger::attach(routing::Router *router, overlay::ProviderDirectory *providers,
                       KnownNode known) {
    m_router = router;
    m_providers = providers;
    m_known = std::move(known);
    armRouteTimer();
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
            m_awaiting.settle(message.messageId);
            Q_EMIT messageError(message.messageId, int(ErrorCode::NoRoute),
                                QStringLiteral("the node is not running"));
            continue;
        }
        const Key160 target = message.target;
        bool resolveFirst = kind == SendOptions::Target::Container;
        if (kind == SendOptions::Target::Auto) {
            if (const auto record = m_providers->cached(target)) {
                message.destination = record->hostId;
                routeFromHere(std::move(message));
                continue;
            }
            // A node we know needs no resolution; any other key may be a container's.
            resolveFirst = target != m_self && !m_known(target);
        }
        if (resolveFirst) {
            const bool strict = kind == SendOptions::Target::Container;
            m_providers->resolve(
                target, [this, message = message,
                         strict](std::optional<overlay::ProviderRecord> record) mutable {
                    if (record) {
                        message.destination = record->hostId;
                    } else if (strict) {
                        m_awaiting.settle(message.messageId);
                        Q_EMIT messageError(message.messageId, int(ErrorCode::Unresolved),
                                            QStringLiteral("no provider record for %1")
                                                .arg(message.target.toHex()));
                        return;
                    }
                    routeFromHere(std::move(message));
                });
            continue;
        }
        routeFromHere(std::move(message));
    }
}

void Messenger::routeFromHere(RoutedMessage message) {
    if (m_router && !m_stopping) {
        m_router->route(std::move(message), m_self);
    }
}

void Messenger::sendReply(const RoutedMessage &request, const QCborValue &body,
                          const std::optional<Key160> &from) {
    if (auto bounded = RoutedMessage::kBodyBounds.checkValue(body); !bounded) {
        sendErrorReply(request, ErrorCode::EndpointFailed,
                       QStringLiteral("the reply cannot be sent: %1").arg(bounded.error()));
        return;
    }
    routeFromHere(request.makeReply(m_self, from.value_or(request.target), body));
}

void Messenger::sendErrorReply(const RoutedMessage &request, ErrorCode code, const QString &text) {
    if (m_router) {
        m_router->reject(request, code, text);
    }
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
    if (message.kind == RoutedMessage::Kind::Data) {
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
            m_router->reject(message, errorFor(d), text);
        } else if (message.wantReceipt) {
            routeFromHere(message.makeReceipt(m_self));
        }
        return;
    }
    // A receipt, reply or error for a message sent from here.
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
