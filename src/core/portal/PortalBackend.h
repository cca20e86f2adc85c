// SPDX-License-Identifier: GPL-3.0-or-later
// PortalBackend: what the portal needs from a node. The node implements it on the node
// thread; PortalServer calls it from there. Replies may be given later (asynchronously).
#pragma once

#include "portal/PortalProtocol.h"
#include "util/Result.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QJsonValue>
#include <QString>

#include <functional>

namespace orion::portal {

// Either a result object or an error (code + message) for one request.
struct PortalReply {
    bool ok = true;
    QJsonObject result;
    QString errorCode;
    QString errorMessage;
    // Finer than the code where a client words it differently (a route error's name,
    // e.g. "no_route" or "endpoint_failed" under "refused"); empty otherwise.
    QString errorReason;

    static PortalReply success(QJsonObject result = {}) {
        return {true, std::move(result), {}, {}, {}};
    }
    static PortalReply failure(QString code, QString message, QString reason = {}) {
        return {false, {}, std::move(code), std::move(message), std::move(reason)};
    }
    // A core failure, its code mapped by PortalProtocol::errorCodeFor.
    static PortalReply failure(const Error &error) {
        return failure(PortalProtocol::errorCodeFor(error.code), error.message);
    }
};

using PortalReplyFn = std::function<void(PortalReply)>;

struct PortalSendRequest {
    QString target;  // 40 hex digits: a node ID or a container key
    QString service; // service name at the target (may be empty for containers)
    QJsonValue body;
    QString sourceService; // the sending client's registered service, if any
    bool wantReply = false;
    bool wantDelivery = false; // answer once the target node took it (its receipt)
    int timeoutMs = 0;
};

class PortalBackend {
public:
    virtual ~PortalBackend() = default;

    virtual QJsonObject portalStatus() = 0;
    virtual QJsonArray portalPeers() = 0;
    // Queues a routed message; replies with {"message_id": hex}, or with the reply
    // message when request.wantReply is set.
    virtual void portalSend(const PortalSendRequest &request, PortalReplyFn reply) = 0;
    virtual PortalReply portalExportMember(const QJsonObject &request) = 0;
    virtual PortalReply portalImportMember(const QJsonObject &member) = 0;
    // A client registers a service / its service ends (unregister or disconnect). A failed
    // reply refuses the registration with that error.
    virtual PortalReply portalServiceRegistered(const QString &service) {
        Q_UNUSED(service);
        return PortalReply::success();
    }
    virtual void portalServiceUnregistered(const QString &service) { Q_UNUSED(service); }
    // Request types beyond the core set (e.g. container management). Returns false when
    // the type is unknown; then the server answers unknown_type.
    virtual bool portalExtension(const QString &type, const QJsonObject &request,
                                 PortalReplyFn reply) {
        Q_UNUSED(type);
        Q_UNUSED(request);
        Q_UNUSED(reply);
        return false;
    }
};

} // namespace orion::portal
