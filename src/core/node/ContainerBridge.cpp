// SPDX-License-Identifier: GPL-3.0-or-later
#include "node/ContainerBridge.h"

#include "container/ContainerManager.h"
#include "container/ContainerMessage.h"
#include "container/ContainerOutcome.h"
#include "node/Node.h"
#include "node/NodeLog.h"

#include <QCborValue>
#include <QJsonValue>

namespace orion::node {

using routing::RoutedMessage;

namespace {

// Bodies leave a script as a JSON value: a string stays a string, a map an object, a list
// an array (docs/netscript.md, "Bodies").
QCborValue outgoingBody(const QJsonValue &body) {
    return QCborValue::fromJsonValue(body);
}

} // namespace

RoutedMessage::ErrorCode ContainerBridge::routedErrorFor(ErrorCode containerError) {
    switch (containerError) {
    case ErrorCode::Refused:
        return RoutedMessage::ErrorCode::Refused;
    case ErrorCode::Busy:
        return RoutedMessage::ErrorCode::Busy;
    case ErrorCode::NotFound:
    case ErrorCode::Unavailable:
        // Stopped, removed or never here: to the sender there is no such endpoint.
        return RoutedMessage::ErrorCode::NoEndpoint;
    default:
        // The container took the message and failed on it (script error, store commit).
        return RoutedMessage::ErrorCode::EndpointFailed;
    }
}

ContainerBridge::ContainerBridge(Node *node, container::ContainerManager *manager)
    : QObject(node)
    , m_node(node)
    , m_manager(manager) {
    using container::ContainerManager;
    connect(manager, &ContainerManager::routeRequested, this, &ContainerBridge::onRoute);
    connect(manager, &ContainerManager::replyRequested, this, &ContainerBridge::onReply);
    connect(manager, &ContainerManager::errorReply, this, &ContainerBridge::onError);
    connect(manager, &ContainerManager::outcome, this,
            [this](const container::ContainerOutcome &outcome) {
                m_inFlight.remove(outcome.message.messageId);
            });
    connect(manager, &ContainerManager::containerStarted, this,
            [this](const QString &name, const identity::Key160 &) { publish(name); });
    const auto withdraw = [this](const QString &, const identity::Key160 &key) {
        m_node->withdrawContainer(key);
    };
    connect(manager, &ContainerManager::containerStopped, this, withdraw);
    connect(manager, &ContainerManager::containerRemoved, this, withdraw);
}

ContainerBridge::~ContainerBridge() = default;

bool ContainerBridge::hasContainer(const identity::Key160 &containerKey) const {
    return m_manager->hosts(containerKey);
}

routing::Delivery ContainerBridge::deliver(const RoutedMessage &message) {
    if (!m_manager->hosts(message.target)) {
        return routing::Delivery::NoEndpoint;
    }
    if (message.kind != RoutedMessage::Kind::Data) {
        // Replies and errors answering what a container sent: scripts run per message and
        // do not wait for answers, so they are only noted.
        qCDebug(lcNode).noquote() << "container" << message.target.shortHex() << "got"
                                  << (message.kind == RoutedMessage::Kind::Reply ? "a reply"
                                                                                 : "an error")
                                  << message.errorText;
        return routing::Delivery::Accepted;
    }
    container::ContainerMessage in;
    in.messageId = message.messageId;
    in.container = message.target;
    in.source = message.source;
    in.origin = message.origin;
    in.service = message.service;
    in.body = message.body.toJsonValue();
    in.hops = message.hops;
    in.routeDepth = message.routeDepth;
    in.routeOrigin = message.routeOrigin;
    // Kept to answer it: the headers are enough (the body waits in the container's queue).
    RoutedMessage header = message;
    header.body = QCborValue();
    m_inFlight.insert(message.messageId, std::move(header));
    m_manager->deliver(in); // refusals and failures come back as errorReply
    return routing::Delivery::Accepted;
}

void ContainerBridge::onRoute(const identity::Key160 &containerKey, const identity::Key160 &target,
                              const QString &service, const QJsonValue &body, const QByteArray &,
                              int routeDepth, const identity::Key160 &routeOrigin) {
    SendOptions options;
    options.source = containerKey;
    options.routeDepth = routeDepth;
    options.routeOrigin = routeOrigin;
    m_node->sendMessage(target, service, outgoingBody(body), options);
}

void ContainerBridge::onReply(const identity::Key160 &containerKey,
                              const container::ContainerMessage &original, const QJsonValue &body) {
    const auto it = m_inFlight.constFind(original.messageId);
    if (it == m_inFlight.constEnd()) {
        return; // answered already (a script may reply once per message)
    }
    m_node->sendReply(*it, outgoingBody(body), containerKey);
}

void ContainerBridge::onError(const container::ContainerMessage &original, ErrorCode code,
                              const QString &text) {
    const auto it = m_inFlight.constFind(original.messageId);
    if (it == m_inFlight.constEnd()) {
        return;
    }
    m_node->sendErrorReply(*it, routedErrorFor(code), text);
    m_inFlight.erase(it);
}

void ContainerBridge::publish(const QString &name) {
    auto identity = m_manager->containerIdentity(name);
    if (!identity) {
        qCWarning(lcNode).noquote()
            << "cannot publish container" << name << ":" << identity.error();
        return;
    }
    m_node->publishContainer(identity->keyPair());
}

void ContainerBridge::publishAll() {
    for (const auto &info : m_manager->list()) {
        // Every container that accepts messages, whether or not an instance is executing.
        if (info.enabled && info.loaded) {
            publish(info.name);
        }
    }
}

} // namespace orion::node
