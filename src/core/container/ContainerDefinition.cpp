// SPDX-License-Identifier: GPL-3.0-or-later
#include "container/ContainerDefinition.h"

#include "identity/NodeIdentity.h"
#include "portal/PortalServer.h"
#include "util/Hex.h"
#include "util/Json.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>

namespace orion::container {

namespace {

const QString kName = QStringLiteral("name");
const QString kVersion = QStringLiteral("version");
const QString kKey = QStringLiteral("key");
const QString kPublicKey = QStringLiteral("public_key");
const QString kEnabled = QStringLiteral("enabled");
const QString kAllow = QStringLiteral("allow");
const QString kLimits = QStringLiteral("limits");
const QString kSenders = QStringLiteral("senders");
const QString kServices = QStringLiteral("services");

bool isHexKey(const QString &s) {
    static const QRegularExpression re(QStringLiteral("^[0-9a-fA-F]{40}$"));
    return re.match(s).hasMatch();
}

struct LimitField {
    const char *name;
    qint64 ceiling;
};
// Hard ceilings: a container file can lower or raise the defaults, but never past these.
constexpr LimitField kLimitFields[] = {
    {"max_instructions", 10'000'000'000LL},
    {"max_memory_bytes", 1024LL * 1024 * 1024},
    {"max_call_depth", 100'000},
    {"max_wall_clock_ms", 60'000},
    {"max_queue", 1'000'000},
    {"max_queue_bytes", 1024LL * 1024 * 1024},
    {"max_store_bytes", 1024LL * 1024 * 1024},
};

} // namespace

bool AllowList::admits(const QString &senderHex, const QString &service) const {
    return (senders.isEmpty() || senders.contains(senderHex.toLower())) &&
           (services.isEmpty() || services.contains(service));
}

Result<AllowList> AllowList::fromEntries(const QStringList &entries) {
    AllowList allow;
    for (const QString &e : entries) {
        if (isHexKey(e)) {
            if (!allow.senders.contains(e.toLower())) {
                allow.senders.append(e.toLower());
            }
        } else if (portal::PortalServer::isValidServiceName(e)) {
            if (!allow.services.contains(e)) {
                allow.services.append(e);
            }
        } else {
            return Result<AllowList>::failure(
                QStringLiteral("allow entry \"%1\" is neither a 40-hex key nor a service name")
                    .arg(e));
        }
    }
    return allow;
}

QJsonObject AllowList::toJson() const {
    return {{kSenders, QJsonArray::fromStringList(senders)},
            {kServices, QJsonArray::fromStringList(services)}};
}

Result<AllowList> AllowList::fromJson(const QJsonValue &value) {
    if (value.isUndefined() || value.isNull()) {
        return AllowList{};
    }
    if (!value.isObject()) {
        return Result<AllowList>::failure(QStringLiteral("\"allow\" must be an object"));
    }
    const QJsonObject o = value.toObject();
    QStringList entries;
    for (const QString &field : {kSenders, kServices}) {
        const QJsonValue v = o.value(field);
        if (v.isUndefined()) {
            continue;
        }
        if (!v.isArray()) {
            return Result<AllowList>::failure(
                QStringLiteral("\"allow.%1\" must be an array of strings").arg(field));
        }
        for (const QJsonValue &item : v.toArray()) {
            const QString s = item.toString();
            const bool good =
                item.isString() &&
                (field == kSenders ? isHexKey(s) : portal::PortalServer::isValidServiceName(s));
            if (!good) {
                return Result<AllowList>::failure(
                    QStringLiteral("\"allow.%1\" has an invalid entry %2")
                        .arg(field, util::Json::compact(QJsonArray{item})));
            }
            entries.append(s);
        }
    }
    return fromEntries(entries);
}

QJsonObject ContainerLimits::toJson() const {
    return {{QStringLiteral("max_instructions"), qint64(script.maxInstructions)},
            {QStringLiteral("max_memory_bytes"), qint64(script.maxMemoryBytes)},
            {QStringLiteral("max_call_depth"), script.maxCallDepth},
            {QStringLiteral("max_wall_clock_ms"), script.maxWallClockMs},
            {QStringLiteral("max_queue"), maxQueue},
            {QStringLiteral("max_queue_bytes"), maxQueueBytes},
            {QStringLiteral("max_store_bytes"), maxStoreBytes}};
}

Result<ContainerLimits> ContainerLimits::fromJson(const QJsonValue &value,
                                                  const ContainerLimits &defaults) {
    if (value.isUndefined() || value.isNull()) {
        return defaults;
    }
    if (!value.isObject()) {
        return Result<ContainerLimits>::failure(QStringLiteral("\"limits\" must be an object"));
    }
    const QJsonObject o = value.toObject();
    for (auto it = o.begin(); it != o.end(); ++it) {
        bool known = false;
        for (const auto &f : kLimitFields) {
            known = known || it.key() == QLatin1String(f.name);
        }
        if (!known) {
            return Result<ContainerLimits>::failure(
                QStringLiteral("unknown limit \"%1\"").arg(it.key()));
        }
    }
    ContainerLimits out = defaults;
    for (const auto &f : kLimitFields) {
        const QJsonValue v = o.value(QLatin1String(f.name));
        if (v.isUndefined()) {
            continue;
        }
        const double d = v.toDouble(-1);
        if (!v.isDouble() || d != double(qint64(d)) || d < 1 || d > double(f.ceiling)) {
            return Result<ContainerLimits>::failure(
                QStringLiteral("limit \"%1\" must be an integer from 1 to %2")
                    .arg(QLatin1String(f.name))
                    .arg(f.ceiling));
        }
        const qint64 n = qint64(d);
        const QLatin1String name(f.name);
        if (name == u"max_instructions") {
            out.script.maxInstructions = uint64_t(n);
        } else if (name == u"max_memory_bytes") {
            out.script.maxMemoryBytes = size_t(n);
        } else if (name == u"max_call_depth") {
            out.script.maxCallDepth = int(n);
        } else if (name == u"max_wall_clock_ms") {
            out.script.maxWallClockMs = int(n);
        } else if (name == u"max_queue") {
            out.maxQueue = int(n);
        } else if (name == u"max_queue_bytes") {
            out.maxQueueBytes = n;
        } else {
            out.maxStoreBytes = n;
        }
    }
    return out;
}

bool ContainerDefinition::isValidName(const QString &name) {
    static const QRegularExpression re(QStringLiteral("^[a-z0-9][a-z0-9_-]{0,63}$"));
    return re.match(name).hasMatch();
}

QByteArray ContainerDefinition::toJson() const {
    QJsonObject o{{QStringLiteral("format"), QLatin1String(kFormat)},
                  {QStringLiteral("format_version"), kFormatVersion},
                  {kName, name},
                  {kVersion, version},
                  {kKey, key.toHex()},
                  {kPublicKey, QString::fromLatin1(publicKey.toHex())},
                  {kEnabled, enabled},
                  {kAllow, allow.toJson()},
                  {kLimits, limitOverrides},
                  {QStringLiteral("created_ms"), createdMs},
                  {QStringLiteral("updated_ms"), updatedMs}};
    return QJsonDocument(o).toJson(QJsonDocument::Indented);
}

Result<ContainerDefinition> ContainerDefinition::fromJson(const QByteArray &json,
                                                          const QString &directoryName) {
    using R = Result<ContainerDefinition>;
    QJsonParseError error{};
    const QJsonDocument doc = QJsonDocument::fromJson(json, &error);
    if (error.error != QJsonParseError::NoError) {
        return R::failure(QStringLiteral("not valid JSON at offset %1: %2")
                              .arg(error.offset)
                              .arg(error.errorString()));
    }
    if (!doc.isObject()) {
        return R::failure(QStringLiteral("not a JSON object"));
    }
    const QJsonObject o = doc.object();
    if (o.value(QStringLiteral("format")).toString() != QLatin1String(kFormat)) {
        return R::failure(QStringLiteral("\"format\" is not \"%1\"").arg(QLatin1String(kFormat)));
    }
    if (o.value(QStringLiteral("format_version")).toInt() != kFormatVersion) {
        return R::failure(QStringLiteral("unsupported \"format_version\" (this node reads %1)")
                              .arg(kFormatVersion));
    }
    ContainerDefinition d;
    d.name = o.value(kName).toString();
    if (!isValidName(d.name)) {
        return R::failure(QStringLiteral("\"name\" is missing or not a valid container name"));
    }
    if (d.name != directoryName) {
        return R::failure(QStringLiteral("\"name\" is \"%1\" but the directory is \"%2\"")
                              .arg(d.name, directoryName));
    }
    const QJsonValue version = o.value(kVersion);
    if (!version.isDouble() || version.toDouble() < 1 ||
        version.toDouble() != double(version.toInteger())) {
        return R::failure(QStringLiteral("\"version\" must be a positive integer"));
    }
    d.version = version.toInteger();
    const auto pub =
        util::Hex::decode(o.value(kPublicKey).toString(), 32, util::Hex::Letters::AnyCase);
    if (!pub) {
        return R::failure(QStringLiteral("\"public_key\" must be 64 hex digits"));
    }
    d.publicKey = *pub;
    const auto key = identity::Key160::fromHex(o.value(kKey).toString());
    if (!key) {
        return R::failure(QStringLiteral("\"key\" must be 40 hex digits"));
    }
    d.key = *key;
    if (identity::NodeIdentity::nodeIdFor(*pub) != d.key) {
        return R::failure(QStringLiteral("\"key\" is not the hash of \"public_key\""));
    }
    const QJsonValue enabled = o.value(kEnabled);
    if (!enabled.isBool()) {
        return R::failure(QStringLiteral("\"enabled\" must be true or false"));
    }
    d.enabled = enabled.toBool();
    auto allow = AllowList::fromJson(o.value(kAllow));
    if (!allow) {
        return R::failure(allow.error());
    }
    d.allow = *allow;
    const QJsonValue limits = o.value(kLimits);
    auto checked = ContainerLimits::fromJson(limits, ContainerLimits{});
    if (!checked) {
        return R::failure(checked.error());
    }
    d.limitOverrides = limits.toObject();
    d.createdMs = o.value(QStringLiteral("created_ms")).toInteger();
    d.updatedMs = o.value(QStringLiteral("updated_ms")).toInteger();
    return d;
}

} // namespace orion::container
