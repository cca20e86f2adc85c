// SPDX-License-Identifier: GPL-3.0-or-later
// Messenger: a node's endpoint side of routed messages: sending (with provider resolution
// for container keys), the messages that await an answer and their timer, local delivery to
// the built-in services, registered services and hosted containers, and what comes back
// (receipts, replies, errors). Node thread only; owned by Node.
#pragma once

#include "identity/Key160.h"
#include "node/SendOptions.h"
#include "routing/AwaitedReceipts.h"
#include "routing/Delivery.h"
#include "routing/RoutedMessage.h"

#include <QCborValue>
#include <QHash>
#include <QObject>

#include <functional>
#include <optional>
#include <utility>
#include <vector>

class QTimer;

namespace orion::overlay {
class ProviderDirectory;
}

namespace orion::routing {
class ContainerEndpoint;
class Router;
} // namespace orion::routing

namespace orion::node {

class Messenger : public QObject {
    Q_OBJECT

public:
    // A local service's handler: called on the node thread for every data message whose
    // target is this node and whose service is the handler's name.
    using ServiceHandler = std::function<routing::Delivery(const routing::RoutedMessage &)>;
    // True when `id` is a node this node knows (connected or in its table): such a target
    // needs no provider resolution.
    using KnownNode = std::function<bool(const identity::Key160 &id)>;
    using Clock = std::function<qint64()>;

    static const QString kEchoService;
    static const QString kPingService;

    Messenger(const identity::Key160 &self, qint64 routeTimeoutMs, Clock clock,
              QObject *parent = nullptr);

    // The router and provider directory of the started node; until then every send fails
    // with "the node is not running".
    void attach(routing::Router *router, overlay::ProviderDirectory *providers, KnownNode known);
    // Nothing more is routed; awaited messages are no longer timed.
    void stop();

    bool registerService(const QString &name, ServiceHandler handler);
    void unregisterService(const QString &name);
    QStringList services() const;
    // The containers this node hosts (not owned; nullptr detaches).
    void setContainerEndpoint(routing::ContainerEndpoint *endpoint) { m_containers = endpoint; }

    // See Node::sendMessage.
    QByteArray sendMessage(const identity::Key160 &target, const QString &service,
                           const QCborValue &body, const SendOptions &options);
    void sendReply(const routing::RoutedMessage &request, const QCborValue &body,
                   const std::optional<identity::Key160> &from);
    void sendErrorReply(const routing::RoutedMessage &request,
                        routing::RoutedMessage::ErrorCode code, const QString &text);
    // A message whose destination is this node (RouterHost::deliverLocal).
    void deliverLocal(const routing::RoutedMessage &message);

Q_SIGNALS:
    void messageDelivered(const QByteArray &messageId, int hops);
    void messageReply(const QByteArray &inReplyTo, const orion::routing::RoutedMessage &reply);
    void messageError(const QByteArray &inReplyTo, int code, const QString &text);

private:
    routing::Delivery deliverData(const routing::RoutedMessage &message);
    void routeFromHere(routing::RoutedMessage message);
    void flushOutgoing();
    void checkRouteTimeouts();
    // Sets the route timer for the earliest deadline awaited, or stops it.
    void armRouteTimer();

    identity::Key160 m_self;
    qint64 m_routeTimeoutMs;
    Clock m_clock;
    routing::Router *m_router = nullptr;
    overlay::ProviderDirectory *m_providers = nullptr;
    KnownNode m_known;
    bool m_stopping = false;
    QHash<QString, ServiceHandler> m_services;
    routing::ContainerEndpoint *m_containers = nullptr;
    // Local sends not yet routed (routed on the next turn of the event loop).
    std::vector<std::pair<routing::RoutedMessage, SendOptions::Target>> m_outgoing;
    bool m_outgoingScheduled = false;
    // Sent messages waiting for a receipt, reply or error.
    routing::AwaitedReceipts m_awaiting;
    QTimer *m_routeTimer = nullptr; // set for the earliest deadline, or stopped
    qint64 m_routeTimerDeadline = 0;
};

} // namespace orion::node
