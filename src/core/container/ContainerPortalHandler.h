// SPDX-License-Identifier: GPL-3.0-or-later
// ContainerPortalHandler: the portal's container.* requests (create, update, list, start,
// stop, remove, logs, data) on top of a ContainerManager. Node thread, like the manager.
#pragma once

#include "portal/PortalBackend.h"

#include <QJsonObject>
#include <QString>

namespace orion::container {

class ContainerManager;

class ContainerPortalHandler {
public:
    explicit ContainerPortalHandler(ContainerManager *manager)
        : m_manager(manager) {}

    // For PortalBackend::portalExtension: false when @p type is not a container request;
    // otherwise @p reply is called exactly once (before this returns).
    bool handle(const QString &type, const QJsonObject &request,
                const portal::PortalReplyFn &reply);

private:
    portal::PortalReply create(const QJsonObject &request);
    portal::PortalReply update(const QJsonObject &request);
    portal::PortalReply list();
    portal::PortalReply startStop(const QJsonObject &request, bool start);
    portal::PortalReply remove(const QJsonObject &request);
    portal::PortalReply logs(const QJsonObject &request);
    portal::PortalReply data(const QJsonObject &request);

    ContainerManager *m_manager;
};

} // namespace orion::container
