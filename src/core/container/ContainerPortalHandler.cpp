// SPDX-License-Identifier: GPL-3.0-or-later
#include "container/ContainerPortalHandler.h"

#include "container/ContainerJson.h"
#include "container/ContainerManager.h"
#include "portal/PortalProtocol.h"

#include <QJsonArray>

namespace orion::container {

using portal::PortalProtocol;
using portal::PortalReply;

namespace {

const QString kName = QStringLiteral("name");
const QString kSource = QStringLiteral("source");

PortalReply badRequest(const QString &message) {
    return PortalReply::failure(PortalProtocol::kBadRequest, message);
}

// The "name" field, checked for form; empty with @p error set when it is missing or bad.
QString nameField(const QJsonObject &request, PortalReply *error) {
    const QJsonValue v = request.value(kName);
    if (!v.isString()) {
        *error = badRequest(QStringLiteral("\"name\" (a string) is required"));
        return {};
    }
    if (!ContainerDefinition::isValidName(v.toString())) {
        *error = badRequest(QStringLiteral("\"%1\" is not a valid container name (1-64 of "
                                           "a-z 0-9 _ -, starting with a letter or digit)")
                                .arg(v.toString()));
        return {};
    }
    return v.toString();
}

Result<AllowList> allowField(const QJsonValue &v) {
    if (v.isUndefined() || v.isNull()) {
        return AllowList{};
    }
    if (v.isArray()) {
        QStringList entries;
        for (const QJsonValue &item : v.toArray()) {
            if (!item.isString()) {
                return Result<AllowList>::failure(
                    QStringLiteral("\"allow\" entries must be strings"));
            }
            entries.append(item.toString());
        }
        return AllowList::fromEntries(entries);
    }
    return AllowList::fromJson(v);
}

} // namespace

bool ContainerPortalHandler::handle(const QString &type, const QJsonObject &request,
                                    const portal::PortalReplyFn &reply) {
    PortalReply r;
    if (type == u"container.create") {
        r = create(request);
    } else if (type == u"container.update") {
        r = update(request);
    } else if (type == u"container.list") {
        r = list();
    } else if (type == u"container.start") {
        r = startStop(request, true);
    } else if (type == u"container.stop") {
        r = startStop(request, false);
    } else if (type == u"container.remove") {
        r = remove(request);
    } else if (type == u"container.logs") {
        r = logs(request);
    } else if (type == u"container.data") {
        r = data(request);
    } else {
        return false;
    }
    reply(std::move(r));
    return true;
}

PortalReply ContainerPortalHandler::create(const QJsonObject &request) {
    PortalReply error;
    const QString name = nameField(request, &error);
    if (name.isEmpty()) {
        return error;
    }
    if (!request.value(kSource).isString()) {
        return badRequest(QStringLiteral("\"source\" (the program text) is required"));
    }
    const QString source = request.value(kSource).toString();
    auto allow = allowField(request.value(QStringLiteral("allow")));
    if (!allow) {
        return badRequest(allow.error());
    }
    const QJsonValue limits = request.value(QStringLiteral("limits"));
    if (!limits.isUndefined() && !limits.isObject()) {
        return badRequest(QStringLiteral("\"limits\" must be an object"));
    }
    if (auto checked = ContainerLimits::fromJson(limits, ContainerLimits{}); !checked) {
        return badRequest(checked.error());
    }
    // The manager checks the name is free and the program compiles; its code says which.
    auto key = m_manager->create(name, source, *allow, limits.toObject());
    if (!key) {
        return PortalReply::failure(key.errorValue());
    }
    const auto info = m_manager->info(name);
    return PortalReply::success({{kName, name},
                                 {QStringLiteral("key"), *key},
                                 {QStringLiteral("public_key"), info->publicKey},
                                 {QStringLiteral("version"), info->version}});
}

PortalReply ContainerPortalHandler::update(const QJsonObject &request) {
    PortalReply error;
    const QString name = nameField(request, &error);
    if (name.isEmpty()) {
        return error;
    }
    if (!request.value(kSource).isString()) {
        return badRequest(QStringLiteral("\"source\" (the program text) is required"));
    }
    auto version = m_manager->update(name, request.value(kSource).toString());
    if (!version) {
        return PortalReply::failure(version.errorValue());
    }
    return PortalReply::success({{kName, name}, {QStringLiteral("version"), *version}});
}

PortalReply ContainerPortalHandler::list() {
    QJsonArray containers;
    for (const auto &info : m_manager->list()) {
        containers.append(ContainerJson::info(info));
    }
    return PortalReply::success({{QStringLiteral("containers"), containers}});
}

PortalReply ContainerPortalHandler::startStop(const QJsonObject &request, bool start) {
    PortalReply error;
    const QString name = nameField(request, &error);
    if (name.isEmpty()) {
        return error;
    }
    const Status s = start ? m_manager->start(name) : m_manager->stop(name);
    if (!s) {
        return PortalReply::failure(s.errorValue());
    }
    return PortalReply::success(ContainerJson::info(*m_manager->info(name)));
}

PortalReply ContainerPortalHandler::remove(const QJsonObject &request) {
    PortalReply error;
    const QString name = nameField(request, &error);
    if (name.isEmpty()) {
        return error;
    }
    if (auto s = m_manager->remove(name); !s) {
        return PortalReply::failure(s.errorValue());
    }
    return PortalReply::success({{kName, name}});
}

PortalReply ContainerPortalHandler::logs(const QJsonObject &request) {
    PortalReply error;
    const QString name = nameField(request, &error);
    if (name.isEmpty()) {
        return error;
    }
    const QJsonValue since = request.value(QStringLiteral("since"));
    if (!since.isUndefined() && (!since.isDouble() || since.toDouble() < 0)) {
        return badRequest(QStringLiteral("\"since\" must be a log entry id (0 or more)"));
    }
    auto logs = m_manager->logs(name, quint64(since.toInteger(0)));
    if (!logs) {
        return PortalReply::failure(logs.errorValue());
    }
    return PortalReply::success(ContainerJson::logs(name, *logs));
}

PortalReply ContainerPortalHandler::data(const QJsonObject &request) {
    PortalReply error;
    const QString name = nameField(request, &error);
    if (name.isEmpty()) {
        return error;
    }
    auto data = m_manager->data(name);
    if (!data) {
        return PortalReply::failure(data.errorValue());
    }
    return PortalReply::success(
        {{kName, name}, {QStringLiteral("data"), ContainerJson::data(*data)}});
}

} // namespace orion::container
