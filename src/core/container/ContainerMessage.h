// SPDX-License-Identifier: GPL-3.0-or-later
// ContainerMessage: one routed message addressed to a hosted container, as the node's router
// hands it over. An immutable value: built on the node thread, copied to the script pool.
#pragma once

#include "identity/Key160.h"

#include <QByteArray>
#include <QJsonValue>
#include <QMetaType>
#include <QString>

namespace orion::container {

struct ContainerMessage {
    QByteArray messageId;       // 16 random bytes given by the origin
    identity::Key160 container; // the target: a container key
    identity::Key160 source;    // the sending endpoint (node ID or container key)
    identity::Key160 origin;    // the node the message entered the overlay at
    QString service;            // the service named by the sender, may be empty
    QJsonValue body;
    int hops = 0;
    // How many container-routed messages led to this one (RoutedMessage::routeDepth).
    int routeDepth = 0;
    // With a route depth: the container whose route started the chain (RoutedMessage).
    identity::Key160 routeOrigin;

    // About the memory this message holds while it waits in a queue (its body and fields).
    qint64 retainedBytes() const;
};

} // namespace orion::container

Q_DECLARE_METATYPE(orion::container::ContainerMessage)
