// SPDX-License-Identifier: GPL-3.0-or-later
#include "routing/RoutedMessage.h"

#include "crypto/Random.h"

namespace orion::routing {

namespace {
// CBOR map keys (small integers keep the wire form compact); 0 is the overlay's type field.
enum Field : int {
    kType = 0,
    kId = 1,
    kKind = 2,
    kOrigin = 3,
    kSource = 4,
    kDestination = 5,
    kTarget = 6,
    kService = 7,
    kHopLimit = 8,
    kHops = 9,
    kInReplyTo = 10,
    kErrorCode = 11,
    kErrorText = 12,
    kBody = 13,
    kWantReceipt = 14,
    kRouteDepth = 15,
    kRouteOrigin = 16,
};
constexpr int kWireType = 0;
constexpr qsizetype kMaxErrorText = 512;

Result<identity::Key160> keyField(const QCborMap &map, int field, const char *name) {
    const QCborValue value = map.value(field);
    if (!value.isByteArray()) {
        return Result<identity::Key160>::failure(
            QStringLiteral("routed message: field %1 is missing or not bytes")
                .arg(QLatin1String(name)));
    }
    auto key = identity::Key160::fromBytes(value.toByteArray());
    if (!key) {
        return Result<identity::Key160>::failure(
            QStringLiteral("routed message: field %1 is not a 20-byte key")
                .arg(QLatin1String(name)));
    }
    return *key;
}
} // namespace

QByteArray RoutedMessage::newMessageId() {
    return crypto::Random::bytes(kIdBytes);
}

QString RoutedMessage::errorCodeName(ErrorCode code) {
    switch (code) {
    case ErrorCode::None:
        return QStringLiteral("none");
    case ErrorCode::NoRoute:
        return QStringLiteral("no_route");
    case ErrorCode::HopLimit:
        return QStringLiteral("hop_limit");
    case ErrorCode::Loop:
        return QStringLiteral("loop");
    case ErrorCode::NoEndpoint:
        return QStringLiteral("no_endpoint");
    case ErrorCode::Refused:
        return QStringLiteral("refused");
    case ErrorCode::EndpointFailed:
        return QStringLiteral("endpoint_failed");
    case ErrorCode::Busy:
        return QStringLiteral("busy");
    case ErrorCode::Unresolved:
        return QStringLiteral("unresolved");
    case ErrorCode::Timeout:
        return QStringLiteral("timeout");
    }
    return QStringLiteral("unknown");
}

QCborMap RoutedMessage::toCbor() const {
    QCborMap map;
    map.insert(kType, kWireType);
    map.insert(kId, messageId);
    map.insert(kKind, int(kind));
    map.insert(kOrigin, origin.toBytes());
    map.insert(kSource, source.toBytes());
    map.insert(kDestination, destination.toBytes());
    map.insert(kTarget, target.toBytes());
    if (!service.isEmpty()) {
        map.insert(kService, service);
    }
    map.insert(kHopLimit, hopLimit);
    map.insert(kHops, hops);
    if (kind != Kind::Data) {
        map.insert(kInReplyTo, inReplyTo);
    }
    if (kind == Kind::Error) {
        map.insert(kErrorCode, int(errorCode));
        map.insert(kErrorText, errorText);
    }
    if (wantReceipt && kind == Kind::Data) {
        map.insert(kWantReceipt, true);
    }
    if (routeDepth > 0 && kind == Kind::Data) {
        map.insert(kRouteDepth, routeDepth);
        map.insert(kRouteOrigin, routeOrigin.toBytes());
    }
    if (!body.isUndefined()) {
        map.insert(kBody, body);
    }
    return map;
}

Result<RoutedMessage> RoutedMessage::fromCbor(const QCborMap &map) {
    using R = Result<RoutedMessage>;
    RoutedMessage m;
    const QCborValue id = map.value(kId);
    if (!id.isByteArray() || id.toByteArray().size() != kIdBytes) {
        return R::failure(QStringLiteral("routed message: the message ID must be 16 bytes"));
    }
    m.messageId = id.toByteArray();
    const QCborValue kind = map.value(kKind);
    if (!kind.isInteger() || kind.toInteger() < 0 || kind.toInteger() > int(Kind::Receipt)) {
        return R::failure(QStringLiteral("routed message: unknown kind"));
    }
    m.kind = Kind(kind.toInteger());
    for (auto [field, name, out] : {std::tuple{int(kOrigin), "origin", &m.origin},
                                    std::tuple{int(kSource), "source", &m.source},
                                    std::tuple{int(kDestination), "destination", &m.destination},
                                    std::tuple{int(kTarget), "target", &m.target}}) {
        auto key = keyField(map, field, name);
        if (!key) {
            return R::failure(key.error());
        }
        *out = *key;
    }
    const QCborValue service = map.value(kService);
    if (!service.isUndefined()) {
        if (!service.isString() || service.toString().toUtf8().size() > kMaxServiceBytes) {
            return R::failure(
                QStringLiteral("routed message: the service must be text of at most 64 bytes"));
        }
        m.service = service.toString();
    }
    const QCborValue hopLimit = map.value(kHopLimit);
    const QCborValue hops = map.value(kHops);
    if (!hopLimit.isInteger() || hopLimit.toInteger() < 0 || hopLimit.toInteger() > kMaxHopLimit ||
        !hops.isInteger() || hops.toInteger() < 0 || hops.toInteger() > 1024) {
        return R::failure(QStringLiteral("routed message: hop limit or hop count out of range"));
    }
    m.hopLimit = int(hopLimit.toInteger());
    m.hops = int(hops.toInteger());
    if (m.kind != Kind::Data) {
        const QCborValue reply = map.value(kInReplyTo);
        if (!reply.isByteArray() || reply.toByteArray().size() != kIdBytes) {
            return R::failure(
                QStringLiteral("routed message: a reply or error needs the 16-byte ID it answers"));
        }
        m.inReplyTo = reply.toByteArray();
    }
    if (m.kind == Kind::Error) {
        const QCborValue code = map.value(kErrorCode);
        if (!code.isInteger()) {
            return R::failure(QStringLiteral("routed message: an error needs a code"));
        }
        // Codes this version does not know are kept as they are; only their name is unknown.
        m.errorCode = ErrorCode(code.toInteger());
        m.errorText = map.value(kErrorText).toString().left(kMaxErrorText);
    }
    m.wantReceipt = m.kind == Kind::Data && map.value(kWantReceipt).toBool(false);
    if (const QCborValue depth = map.value(kRouteDepth); !depth.isUndefined()) {
        if (!depth.isInteger() || depth.toInteger() < 0 || depth.toInteger() > kMaxRouteDepth) {
            return R::failure(QStringLiteral("routed message: route depth out of range"));
        }
        m.routeDepth = m.kind == Kind::Data ? int(depth.toInteger()) : 0;
        if (m.routeDepth > 0) {
            auto chain = keyField(map, kRouteOrigin, "route origin");
            if (!chain) {
                return R::failure(chain.error());
            }
            m.routeOrigin = *chain;
        }
    }
    m.body = map.value(kBody);
    return m;
}

RoutedMessage RoutedMessage::makeError(const identity::Key160 &self, ErrorCode code,
                                       const QString &text) const {
    RoutedMessage e;
    e.messageId = newMessageId();
    e.kind = Kind::Error;
    e.origin = self;
    e.source = self;
    e.destination = origin;
    e.target = source;
    e.service = kind == Kind::Data ? service : QString();
    e.inReplyTo = messageId;
    e.errorCode = code;
    e.errorText = text.left(kMaxErrorText);
    return e;
}

RoutedMessage RoutedMessage::makeReply(const identity::Key160 &self, const identity::Key160 &from,
                                       const QCborValue &replyBody) const {
    RoutedMessage r;
    r.messageId = newMessageId();
    r.kind = Kind::Reply;
    r.origin = self;
    r.source = from;
    r.destination = origin;
    r.target = source;
    r.service = service;
    r.inReplyTo = messageId;
    r.body = replyBody;
    return r;
}

qint64 RoutedMessage::retainedBytes() const {
    constexpr qint64 kFields = 160; // keys, integers and the object itself
    return kFields + messageId.size() + inReplyTo.size() +
           (service.size() + errorText.size()) * qint64(sizeof(QChar)) +
           util::CborBounds::retainedBytes(body);
}

RoutedMessage RoutedMessage::makeReceipt(const identity::Key160 &self) const {
    RoutedMessage r;
    r.messageId = newMessageId();
    r.kind = Kind::Receipt;
    r.origin = self;
    r.source = target;
    r.destination = origin;
    r.target = source;
    r.inReplyTo = messageId;
    r.body = hops;
    return r;
}

} // namespace orion::routing
