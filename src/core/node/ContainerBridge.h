// SPDX-License-Identifier: GPL-3.0-or-later
// ContainerBridge: joins the node's containers to its router. Routed messages for a hosted
// container key go to the ContainerManager; what the scripts send (routes, replies, errors)
// goes back out through the node; started containers are published as providers. Node thread.
#pragma once

#include "routing/ContainerEndpoint.h"
#include "routing/RoutedMessage.h"
#include "util/ErrorCode.h"

#include <QHash>
#include <QObject>

namespace orion::container {
class ContainerManager;
struct ContainerMessage;
} // namespace orion::container

namespace orion::node {

class Node;

class ContainerBridge : public QObject, public routing::ContainerEndpoint {
    Q_OBJECT

public:
    ContainerBridge(Node *node, container::ContainerManager *manager);
    ~ContainerBridge() override;

    // ContainerEndpoint
    bool hasContainer(const identity::Key160 &containerKey) const override;
    routing::Delivery deliver(const routing::RoutedMessage &message) override;

    // Publishes every running container (call once the node has started).
    void publishAll();

    // The route error a sender gets when a container could not handle its message: the
    // one mapping from the container's error codes to the overlay's.
    static routing::RoutedMessage::ErrorCode routedErrorFor(ErrorCode containerError);

private:
    void onRoute(const identity::Key160 &containerKey, const identity::Key160 &target,
                 const QString &service, const QJsonValue &body, const QByteArray &inReplyTo,
                 int routeDepth, const identity::Key160 &routeOrigin);
    void onReply(const identity::Key160 &containerKey, const container::ContainerMessage &original,
                 const QJsonValue &body);
    void onError(const container::ContainerMessage &original, ErrorCode code, const QString &text);
    void publish(const QString &name);

    Node *m_node;
    container::ContainerManager *m_manager;
    // Data messages handed to a container and not yet answered, by message ID.
    QHash<QByteArray, routing::RoutedMessage> m_inFlight;
};

} // namespace orion::node
