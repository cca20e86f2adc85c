// SPDX-License-Identifier: GPL-3.0-or-later
#include "overlay/MessageCodec.h"

#include <QCborArray>

namespace orion::overlay {

using routing::Endpoint;
using routing::NodeInfo;

namespace {

constexpr qint64 kType = 0;

QCborValue u64(quint64 v) {
    return QCborValue(qint64(v));
}

std::optional<quint64> readU64(const QCborMap &map, qint64 key) {
    const QCborValue v = map.value(key);
    if (!v.isInteger()) {
        return std::nullopt;
    }
    return quint64(v.toInteger());
}

QCborValue encodeNode(const NodeInfo &node) {
    return QCborArray{node.publicKeyBytes(), node.endpoint.rawAddress(), node.endpoint.port()};
}

std::optional<NodeInfo> decodeNode(const QCborValue &value) {
    if (!value.isArray()) {
        return std::nullopt;
    }
    const QCborArray entry = value.toArray();
    if (entry.size() < 3 || !entry.at(0).isByteArray() || !entry.at(1).isByteArray() ||
        !entry.at(2).isInteger()) {
        return std::nullopt;
    }
    const auto endpoint = Endpoint::fromRaw(entry.at(1).toByteArray(), entry.at(2).toInteger());
    if (!endpoint || !endpoint->isValid()) {
        return std::nullopt;
    }
    return NodeInfo::fromPublicKey(entry.at(0).toByteArray(), *endpoint);
}

// Keys of the activation message (docs/protocol.md section 2.2).
constexpr qint64 kActivationVersion = 1;
constexpr qint64 kActivationRecord = 2;
constexpr qint64 kActivationObservedAddress = 3;
constexpr qint64 kActivationObservedPort = 4;

} // namespace

QCborValue MessageCodec::encodeActivation(const ActivationMessage &message) {
    QCborMap map;
    map.insert(kType,
               int(message.confirmation ? MessageType::Confirmation : MessageType::Activation));
    map.insert(kActivationVersion, message.version);
    map.insert(kActivationRecord, message.record);
    // "Your address as I see it": how the peer learns its external address.
    if (!message.observed.isNull()) {
        map.insert(kActivationObservedAddress, message.observed.rawAddress());
        map.insert(kActivationObservedPort, message.observed.port());
    }
    return map;
}

Result<ActivationMessage> MessageCodec::decodeActivation(const QCborValue &value) {
    const int type = typeOf(value);
    if (type != int(MessageType::Activation) && type != int(MessageType::Confirmation)) {
        return Result<ActivationMessage>::failure(QStringLiteral("not an activation message"));
    }
    const QCborMap map = value.toMap();
    ActivationMessage m;
    m.confirmation = type == int(MessageType::Confirmation);
    const QCborValue version = map.value(kActivationVersion);
    if (!version.isInteger() || version.toInteger() < 1) {
        return Result<ActivationMessage>::failure(
            QStringLiteral("activation without a protocol version"));
    }
    m.version = version.toInteger();
    if (!map.value(kActivationRecord).isMap()) {
        return Result<ActivationMessage>::failure(
            QStringLiteral("activation without a member record"));
    }
    m.record = map.value(kActivationRecord).toMap();
    if (map.contains(kActivationObservedAddress)) {
        if (auto observed = Endpoint::fromRaw(map.value(kActivationObservedAddress).toByteArray(),
                                              map.value(kActivationObservedPort).toInteger(0))) {
            m.observed = *observed;
        }
    }
    return m;
}

ErrorMessage MessageCodec::errorFor(ErrorCode code, int refType, const QString &message) {
    ErrorMessage e;
    e.code = code;
    e.refType = refType;
    e.message = message;
    return e;
}

QCborValue MessageCodec::encodeEndpointAddress(const Endpoint &endpoint) {
    return endpoint.isNull() ? QCborValue() : QCborValue(endpoint.rawAddress());
}

QCborValue MessageCodec::encode(const OverlayMessage &message) {
    QCborMap map;
    if (const auto *ping = std::get_if<PingMessage>(&message)) {
        map.insert(kType, int(MessageType::Ping));
        map.insert(1, u64(ping->nonce));
    } else if (const auto *pong = std::get_if<PongMessage>(&message)) {
        map.insert(kType, int(MessageType::Pong));
        map.insert(1, u64(pong->nonce));
        if (!pong->observed.isNull()) {
            map.insert(2, pong->observed.rawAddress());
            map.insert(3, pong->observed.port());
        }
    } else if (const auto *find = std::get_if<FindNodeMessage>(&message)) {
        map.insert(kType, int(MessageType::FindNode));
        map.insert(1, u64(find->requestId));
        map.insert(2, find->target.toBytes());
    } else if (const auto *nodes = std::get_if<NodesMessage>(&message)) {
        map.insert(kType, int(MessageType::Nodes));
        map.insert(1, u64(nodes->requestId));
        QCborArray list;
        for (const auto &n : nodes->nodes) {
            list.append(encodeNode(n));
        }
        map.insert(2, list);
        if (!nodes->targetKey.isEmpty()) {
            map.insert(3, nodes->targetKey);
        }
    } else if (const auto *add = std::get_if<AddProviderMessage>(&message)) {
        map.insert(kType, int(MessageType::AddProvider));
        map.insert(1, u64(add->requestId));
        map.insert(2, add->record ? add->record->toCbor() : QCborMap());
    } else if (const auto *get = std::get_if<GetProvidersMessage>(&message)) {
        map.insert(kType, int(MessageType::GetProviders));
        map.insert(1, u64(get->requestId));
        map.insert(2, get->key.toBytes());
    } else if (const auto *providers = std::get_if<ProvidersMessage>(&message)) {
        map.insert(kType, int(MessageType::Providers));
        map.insert(1, u64(providers->requestId));
        QCborArray list;
        for (const auto &record : providers->records) {
            list.append(record.toCbor());
        }
        map.insert(2, list);
    } else if (const auto *error = std::get_if<ErrorMessage>(&message)) {
        map.insert(kType, int(MessageType::Error));
        map.insert(1, int(error->code));
        if (error->refType >= 0) {
            map.insert(2, error->refType);
        }
        if (error->requestId != 0) {
            map.insert(3, u64(error->requestId));
        }
        map.insert(4, error->message);
    }
    return map;
}

int MessageCodec::typeOf(const QCborValue &value) {
    if (!value.isMap()) {
        return -1;
    }
    const QCborValue type = value.toMap().value(kType);
    if (!type.isInteger() || type.toInteger() < 0 || type.toInteger() > 0xffff) {
        return -1;
    }
    return int(type.toInteger());
}

Result<OverlayMessage> MessageCodec::decode(const QCborValue &value, int *dropped) {
    if (dropped) {
        *dropped = 0;
    }
    const int type = typeOf(value);
    if (type < 0) {
        return Result<OverlayMessage>::failure(QStringLiteral("not a map with an integer type"));
    }
    const QCborMap map = value.toMap();
    auto malformed = [&](const char *what) {
        return Result<OverlayMessage>::failure(
            QStringLiteral("type %1: %2").arg(type).arg(QLatin1String(what)));
    };
    switch (MessageType(type)) {
    case MessageType::Ping: {
        const auto nonce = readU64(map, 1);
        if (!nonce) {
            return malformed("nonce missing");
        }
        return OverlayMessage(PingMessage{*nonce});
    }
    case MessageType::Pong: {
        const auto nonce = readU64(map, 1);
        if (!nonce) {
            return malformed("nonce missing");
        }
        PongMessage pong{*nonce, {}};
        if (map.contains(2)) {
            const auto observed =
                Endpoint::fromRaw(map.value(2).toByteArray(), map.value(3).toInteger(0));
            if (!observed) {
                return malformed("observed address malformed");
            }
            pong.observed = *observed;
        }
        return OverlayMessage(pong);
    }
    case MessageType::FindNode: {
        const auto id = readU64(map, 1);
        const auto target = identity::Key160::fromBytes(map.value(2).toByteArray());
        if (!id || !target || !map.value(2).isByteArray()) {
            return malformed("request ID or 20-byte target missing");
        }
        return OverlayMessage(FindNodeMessage{*id, *target});
    }
    case MessageType::Nodes: {
        const auto id = readU64(map, 1);
        if (!id || !map.value(2).isArray()) {
            return malformed("request ID or node list missing");
        }
        const QCborArray list = map.value(2).toArray();
        if (list.size() > kMaxNodesPerReply) {
            return Result<OverlayMessage>::failure(
                QStringLiteral("nodes reply with %1 entries (at most %2 allowed)")
                    .arg(list.size())
                    .arg(kMaxNodesPerReply));
        }
        NodesMessage nodes{*id, {}, {}};
        for (const auto &entry : list) {
            if (auto node = decodeNode(entry)) {
                nodes.nodes.push_back(*node);
            } else if (dropped) {
                ++*dropped;
            }
        }
        if (const QCborValue key = map.value(3); !key.isUndefined()) {
            if (!key.isByteArray() || key.toByteArray().size() != 32) {
                return malformed("the target key must be 32 bytes");
            }
            nodes.targetKey = key.toByteArray();
        }
        return OverlayMessage(std::move(nodes));
    }
    case MessageType::Error: {
        ErrorMessage e;
        e.code = ErrorCode(map.value(1).toInteger(int(ErrorCode::Malformed)));
        e.refType = int(map.value(2).toInteger(-1));
        e.requestId = quint64(map.value(3).toInteger(0));
        e.message = map.value(4).toString().left(512);
        return OverlayMessage(e);
    }
    case MessageType::AddProvider: {
        const auto id = readU64(map, 1);
        if (!id) {
            return malformed("request ID missing");
        }
        if (!map.value(2).isMap()) {
            return malformed("add-provider without a record");
        }
        AddProviderMessage add{*id, std::nullopt, {}};
        if (auto record = ProviderRecord::fromCbor(map.value(2).toMap())) {
            add.record = std::move(*record);
        } else {
            add.invalid = record.error();
        }
        return OverlayMessage(std::move(add));
    }
    case MessageType::GetProviders: {
        const auto id = readU64(map, 1);
        if (!id) {
            return malformed("request ID missing");
        }
        const auto key = identity::Key160::fromBytes(map.value(2).toByteArray());
        if (!key || !map.value(2).isByteArray()) {
            return malformed("get-providers without a 20-byte key");
        }
        return OverlayMessage(GetProvidersMessage{*id, *key});
    }
    case MessageType::Providers: {
        const auto id = readU64(map, 1);
        if (!id) {
            return malformed("request ID missing");
        }
        if (!map.value(2).isArray()) {
            return malformed("providers without a record list");
        }
        const QCborArray list = map.value(2).toArray();
        if (list.size() > kMaxRecordsPerReply) {
            return Result<OverlayMessage>::failure(
                QStringLiteral("providers reply with %1 records (at most %2 allowed)")
                    .arg(list.size())
                    .arg(kMaxRecordsPerReply));
        }
        ProvidersMessage providers{*id, {}};
        for (const auto &entry : list) {
            if (auto record = ProviderRecord::fromCbor(entry.toMap())) {
                providers.records.push_back(std::move(*record));
            } else if (dropped) {
                ++*dropped;
            }
        }
        return OverlayMessage(std::move(providers));
    }
    default:
        return Result<OverlayMessage>::failure(QStringLiteral("unknown message type %1").arg(type));
    }
}

} // namespace orion::overlay
