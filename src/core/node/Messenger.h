// SPDX-License-Identifier: GPL-3.0-or-later
// Messenger: a node's endpoint side of routed messages: sending (with provider resolution
// for container keys and key resolution for nodes), sealing every message end to end for
// the key of the endpoint it is for and opening what arrives (MessageSealer), the messages
// that await an answer and their timer, local delivery to the built-in services, registered
// services and hosted containers, and what comes back (receipts, replies, errors: accepted
// only from the endpoint asked, or signed by the node that raised them). Node thread only;
// owned by Node.
#pragma once

#include "identity/Key160.h"
#include "node/MessageSealer.h"
#include "node/NodeKeys.h"
#include "node/SendOptions.h"
#include "node/SentMessages.h"
#include "routing/AwaitedReceipts.h"
#include "routing/Delivery.h"
#include "routing/RoutedMessage.h"

#include <QCborValue>
#include <QHash>
#include <QObject>

#include <functional>
#include <memory>
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
    using Clock = std::function<qint64()>;
    // What the started node lends the messenger.
    struct Parts {
        routing::Router *router = nullptr;
        overlay::ProviderDirectory *providers = nullptr;
        const crypto::Ed25519 *nodeKey = nullptr; // the node's own key
        NodeKeys::Known knownKey;                 // keys of live peers and table contacts
        NodeKeys::Lookup lookupKey;               // an overlay lookup for a node's key
        Clock wallClockSecs;                      // seconds since the Unix epoch
    };

    static const QString kEchoService;
    static const QString kPingService;

    Messenger(const identity::Key160 &self, qint64 routeTimeoutMs, Clock clock,
              QObject *parent = nullptr);

    // The router, provider directory and key of the started node; until then every send
    // fails with "the node is not running".
    void attach(Parts parts);
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
    // Signs an error this node raises about a message on its way (RouterHost::signReport).
    void signReport(routing::RoutedMessage &error) const;
    // What the end-to-end protection refused so far (zeros before the node started).
    MessageSealer::Stats sealStats() const;

Q_SIGNALS:
    void messageDelivered(const QByteArray &messageId, int hops);
    void messageReply(const QByteArray &inReplyTo, const orion::routing::RoutedMessage &reply);
    void messageError(const QByteArray &inReplyTo, int code, const QString &text);

private:
    routing::Delivery deliverData(const routing::RoutedMessage &message);
    void deliverOpened(routing::RoutedMessage message);
    void deliverAnswer(const routing::RoutedMessage &message);
    // Sends a message of this node's endpoint `message.source` sealed for `receiverKey`.
    void sealAndRoute(const routing::RoutedMessage &message, const QByteArray &receiverKey);
    // A data message whose receiving endpoint is a node: its key first, then the message.
    void sendToNode(routing::RoutedMessage message, bool fallback);
    // An answer (reply, receipt, endpoint error) from this node's endpoint `from` to what
    // `request` was: sealed for its sender's key.
    void answer(const routing::RoutedMessage &request, routing::RoutedMessage answer);
    // Reports a send that could not even start.
    void failSend(const QByteArray &messageId, routing::RoutedMessage::ErrorCode code,
                  const QString &text);
    void flushOutgoing();
    void checkRouteTimeouts();
    // Sets the route timer for the earliest deadline awaited, or stops it.
    void armRouteTimer();

    identity::Key160 m_self;
    qint64 m_routeTimeoutMs;
    Clock m_clock;
    routing::Router *m_router = nullptr;
    overlay::ProviderDirectory *m_providers = nullptr;
    std::unique_ptr<MessageSealer> m_sealer;
    NodeKeys m_keys;
    SentMessages m_sent;
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
