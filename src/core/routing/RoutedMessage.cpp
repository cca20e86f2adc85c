// SPDX-License-Identifier: GPL-3.0-or-later
#include "routing/RoutedMessage.h"

#include "crypto/Random.h"
#include "routing/NodeInfo.h"

#include <QtEndian>

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
    kSealed = 17,
    kReporterKey = 18,
    kReporterSignature = 19,
    kHostRecord = 20,
};
constexpr int kWireType = 0;
constexpr qsizetype kMaxErrorText = 512;
// A sealed part holds the plaintext (bounded as a body is, plus its few fields) and at most
// 122 bytes of keys, nonce and tags.
constexpr qsizetype kMaxSealedBytes = 1'100'000;
// The plaintext inside: one map level around the body.
constexpr util::CborBounds kPlaintextBounds{RoutedMessage::kBodyBounds.maxDepth + 3,
                                            RoutedMessage::kBodyBounds.maxItems + 64};
const QByteArray kSealTag = QByteArrayLiteral("orion-routed-v2");
const QByteArray kReportTag = QByteArrayLiteral("orion-route-error-v1");

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

namespace {

// Target, m.service, the ID answered, error, receipt flag, route depth and origin, m.body: the
// same keys in the open form and in a sealed plaintext.
void writeEndpointFields(const RoutedMessage &m, QCborMap &map) {
    using Kind = RoutedMessage::Kind;
    map.insert(kTarget, m.target.toBytes());
    if (!m.service.isEmpty()) {
        map.insert(kService, m.service);
    }
    if (m.kind != Kind::Data) {
        map.insert(kInReplyTo, m.inReplyTo);
    }
    if (m.kind == Kind::Error) {
        map.insert(kErrorCode, int(m.errorCode));
        map.insert(kErrorText, m.errorText);
    }
    if (m.wantReceipt && m.kind == Kind::Data) {
        map.insert(kWantReceipt, true);
    }
    if (m.routeDepth > 0 && m.kind == Kind::Data) {
        map.insert(kRouteDepth, m.routeDepth);
        map.insert(kRouteOrigin, m.routeOrigin.toBytes());
    }
    if (!m.body.isUndefined()) {
        map.insert(kBody, m.body);
    }
}

} // namespace

QCborMap RoutedMessage::toCbor() const {
    QCborMap map;
    map.insert(kType, kWireType);
    map.insert(kId, messageId);
    map.insert(kKind, int(kind));
    map.insert(kOrigin, origin.toBytes());
    map.insert(kDestination, destination.toBytes());
    map.insert(kHopLimit, hopLimit);
    map.insert(kHops, hops);
    if (kind == Kind::Sealed) {
        map.insert(kSealed, sealed);
        return map;
    }
    map.insert(kSource, source.toBytes());
    writeEndpointFields(*this, map);
    if (kind == Kind::Error && !reporterKey.isEmpty()) {
        map.insert(kReporterKey, reporterKey);
        map.insert(kReporterSignature, reporterSignature);
    }
    return map;
}

namespace {

Result<RoutedMessage::Kind> kindField(const QCborMap &map, RoutedMessage::Kind highest) {
    const QCborValue kind = map.value(kKind);
    if (!kind.isInteger() || kind.toInteger() < 0 || kind.toInteger() > int(highest)) {
        return Result<RoutedMessage::Kind>::failure(QStringLiteral("routed message: unknown kind"));
    }
    return RoutedMessage::Kind(kind.toInteger());
}

// The fields of what an endpoint sends, after the kind: the same in the open wire form and
// in a sealed plaintext.
Status readEndpointFields(const QCborMap &map, RoutedMessage &m) {
    using Kind = RoutedMessage::Kind;
    auto target = keyField(map, kTarget, "target");
    if (!target) {
        return Status::failure(target.error());
    }
    m.target = *target;
    const QCborValue service = map.value(kService);
    if (!service.isUndefined()) {
        if (!service.isString() ||
            service.toString().toUtf8().size() > RoutedMessage::kMaxServiceBytes) {
            return Status::failure(
                QStringLiteral("routed message: the service must be text of at most 64 bytes"));
        }
        m.service = service.toString();
    }
    if (m.kind != Kind::Data) {
        const QCborValue reply = map.value(kInReplyTo);
        if (!reply.isByteArray() || reply.toByteArray().size() != RoutedMessage::kIdBytes) {
            return Status::failure(
                QStringLiteral("routed message: a reply or error needs the 16-byte ID it answers"));
        }
        m.inReplyTo = reply.toByteArray();
    }
    if (m.kind == Kind::Error) {
        const QCborValue code = map.value(kErrorCode);
        if (!code.isInteger()) {
            return Status::failure(QStringLiteral("routed message: an error needs a code"));
        }
        // Codes this version does not know are kept as they are; only their name is unknown.
        m.errorCode = RoutedMessage::ErrorCode(code.toInteger());
        m.errorText = map.value(kErrorText).toString().left(kMaxErrorText);
    }
    m.wantReceipt = m.kind == Kind::Data && map.value(kWantReceipt).toBool(false);
    if (const QCborValue depth = map.value(kRouteDepth); !depth.isUndefined()) {
        if (!depth.isInteger() || depth.toInteger() < 0 ||
            depth.toInteger() > RoutedMessage::kMaxRouteDepth) {
            return Status::failure(QStringLiteral("routed message: route depth out of range"));
        }
        m.routeDepth = m.kind == Kind::Data ? int(depth.toInteger()) : 0;
        if (m.routeDepth > 0) {
            auto chain = keyField(map, kRouteOrigin, "route origin");
            if (!chain) {
                return Status::failure(chain.error());
            }
            m.routeOrigin = *chain;
        }
    }
    m.body = map.value(kBody);
    return Status::success();
}

} // namespace

Result<RoutedMessage> RoutedMessage::fromCbor(const QCborMap &map) {
    using R = Result<RoutedMessage>;
    RoutedMessage m;
    const QCborValue id = map.value(kId);
    if (!id.isByteArray() || id.toByteArray().size() != kIdBytes) {
        return R::failure(QStringLiteral("routed message: the message ID must be 16 bytes"));
    }
    m.messageId = id.toByteArray();
    auto kind = kindField(map, Kind::Sealed);
    if (!kind) {
        return R::failure(kind.error());
    }
    m.kind = *kind;
    for (auto [field, name, out] : {std::tuple{int(kOrigin), "origin", &m.origin},
                                    std::tuple{int(kDestination), "destination", &m.destination}}) {
        auto key = keyField(map, field, name);
        if (!key) {
            return R::failure(key.error());
        }
        *out = *key;
    }
    const QCborValue hopLimit = map.value(kHopLimit);
    const QCborValue hops = map.value(kHops);
    if (!hopLimit.isInteger() || hopLimit.toInteger() < 0 || hopLimit.toInteger() > kMaxHopLimit ||
        !hops.isInteger() || hops.toInteger() < 0 || hops.toInteger() > 1024) {
        return R::failure(QStringLiteral("routed message: hop limit or hop count out of range"));
    }
    m.hopLimit = int(hopLimit.toInteger());
    m.hops = int(hops.toInteger());
    if (m.kind == Kind::Sealed) {
        const QCborValue sealed = map.value(kSealed);
        if (!sealed.isByteArray() || sealed.toByteArray().isEmpty() ||
            sealed.toByteArray().size() > kMaxSealedBytes) {
            return R::failure(QStringLiteral("routed message: a sealed message needs its sealed "
                                             "part (bytes, at most %1)")
                                  .arg(kMaxSealedBytes));
        }
        m.sealed = sealed.toByteArray();
        return m;
    }
    auto source = keyField(map, kSource, "source");
    if (!source) {
        return R::failure(source.error());
    }
    m.source = *source;
    if (Status fields = readEndpointFields(map, m); !fields) {
        return R::failure(fields.error());
    }
    if (m.kind == Kind::Error) {
        const QCborValue key = map.value(kReporterKey);
        const QCborValue signature = map.value(kReporterSignature);
        if (!key.isUndefined() || !signature.isUndefined()) {
            if (!key.isByteArray() || key.toByteArray().size() != 32 || !signature.isByteArray() ||
                signature.toByteArray().size() != 64) {
                return R::failure(QStringLiteral(
                    "routed message: a report needs a 32-byte key and a 64-byte signature"));
            }
            m.reporterKey = key.toByteArray();
            m.reporterSignature = signature.toByteArray();
        }
    }
    return m;
}

QByteArray RoutedMessage::sealHeader() const {
    QByteArray header;
    header.reserve(kSealTag.size() + 1 + kIdBytes + 2 * identity::Key160::kBytes);
    header.append(kSealTag).append('\0');
    header.append(messageId).append(destination.toBytes()).append(origin.toBytes());
    return header;
}

RoutedMessage RoutedMessage::sealedShell() const {
    RoutedMessage shell;
    shell.messageId = messageId;
    shell.kind = Kind::Sealed;
    shell.origin = origin;
    shell.destination = destination;
    shell.hopLimit = hopLimit;
    shell.hops = hops;
    return shell;
}

QByteArray RoutedMessage::sealedPlaintext() const {
    QCborMap map;
    map.insert(kKind, int(kind));
    writeEndpointFields(*this, map);
    if (!hostRecord.isEmpty()) {
        map.insert(kHostRecord, hostRecord);
    }
    return map.toCborValue().toCbor();
}

Result<RoutedMessage> RoutedMessage::withOpened(QByteArrayView plaintext,
                                                const QByteArray &senderKey) const {
    using R = Result<RoutedMessage>;
    if (Status bounded = kPlaintextBounds.checkBytes(plaintext); !bounded) {
        return R::failure(
            QStringLiteral("routed message: sealed plaintext: %1").arg(bounded.error()));
    }
    const QCborValue value = QCborValue::fromCbor(plaintext.toByteArray());
    if (!value.isMap()) {
        return R::failure(QStringLiteral("routed message: the sealed plaintext is not a map"));
    }
    const QCborMap map = value.toMap();
    RoutedMessage m;
    m.messageId = messageId;
    m.origin = origin;
    m.destination = destination;
    m.hopLimit = hopLimit;
    m.hops = hops;
    auto kind = kindField(map, Kind::Receipt);
    if (!kind) {
        return R::failure(kind.error());
    }
    m.kind = *kind;
    if (Status fields = readEndpointFields(map, m); !fields) {
        return R::failure(fields.error());
    }
    if (const QCborValue host = map.value(kHostRecord); host.isMap()) {
        m.hostRecord = host.toMap();
    }
    m.sourceKey = senderKey;
    m.source = NodeInfo::idForPublicKey(senderKey);
    m.sealedBytes = sealed.size();
    return m;
}

QByteArray RoutedMessage::reportSignedBytes() const {
    QByteArray bytes;
    bytes.append(kReportTag).append('\0');
    bytes.append(messageId).append(origin.toBytes()).append(destination.toBytes());
    bytes.append(inReplyTo);
    char code[4];
    qToBigEndian<quint32>(quint32(errorCode), code);
    bytes.append(code, 4);
    bytes.append(errorText.toUtf8());
    return bytes;
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
           (service.size() + errorText.size()) * qint64(sizeof(QChar)) + sealed.size() +
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
