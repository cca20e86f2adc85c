// SPDX-License-Identifier: GPL-3.0-or-later
#include "identity/MemberRecord.h"

#include "crypto/Ed25519.h"
#include "identity/NodeIdentity.h"
#include "util/CborBounds.h"
#include "util/Hex.h"

#include <QCborArray>
#include <QCborValue>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonParseError>
#include <QTimeZone>

namespace orion::identity {

using util::Hex;

namespace {

const QString kFormatKey = QStringLiteral("format");
const QString kVersionKey = QStringLiteral("version");
const QString kPublicKey = QStringLiteral("public_key");
const QString kNodeId = QStringLiteral("node_id");
const QString kNetworkId = QStringLiteral("network_id");
const QString kAddresses = QStringLiteral("addresses");
const QString kPort = QStringLiteral("port");
const QString kAgent = QStringLiteral("agent");
const QString kCreated = QStringLiteral("created");
const QString kSignature = QStringLiteral("signature");

constexpr qsizetype kMaxEncodedBytes = 16 * 1024;

// Deterministic CBOR (RFC 8949 section 4.2.1): shortest argument, definite lengths.
void appendHead(QByteArray &out, quint8 majorType, quint64 value) {
    const char major = char(majorType << 5);
    if (value < 24) {
        out.append(char(major | char(value)));
    } else if (value <= 0xff) {
        out.append(char(major | 24));
        out.append(char(value));
    } else if (value <= 0xffff) {
        out.append(char(major | 25));
        for (int shift = 8; shift >= 0; shift -= 8) {
            out.append(char(value >> shift));
        }
    } else if (value <= 0xffffffffULL) {
        out.append(char(major | 26));
        for (int shift = 24; shift >= 0; shift -= 8) {
            out.append(char(value >> shift));
        }
    } else {
        out.append(char(major | 27));
        for (int shift = 56; shift >= 0; shift -= 8) {
            out.append(char(value >> shift));
        }
    }
}

void appendUnsigned(QByteArray &out, quint64 value) {
    appendHead(out, 0, value);
}

void appendBytes(QByteArray &out, QByteArrayView bytes) {
    appendHead(out, 2, quint64(bytes.size()));
    out.append(bytes);
}

void appendText(QByteArray &out, const QString &text) {
    const QByteArray utf8 = text.toUtf8();
    appendHead(out, 3, quint64(utf8.size()));
    out.append(utf8);
}

QString isoSeconds(const QDateTime &time) {
    return time.toUTC().toString(Qt::ISODate);
}

std::optional<qint64> wholeNumber(const QJsonValue &value, qint64 min, qint64 max) {
    if (!value.isDouble()) {
        return std::nullopt;
    }
    const double d = value.toDouble();
    if (d < double(min) || d > double(max) || double(qint64(d)) != d) {
        return std::nullopt;
    }
    return qint64(d);
}

Result<MemberRecord> fieldError(const QString &field, const QString &what) {
    return Result<MemberRecord>::failure(
        QStringLiteral("member record: the field '%1' %2").arg(field, what));
}

} // namespace

MemberRecord MemberRecord::create(const NodeIdentity &identity, const QByteArray &networkId,
                                  const QStringList &addresses, quint16 port) {
    MemberRecord record;
    record.publicKey = identity.publicKey();
    record.nodeId = identity.nodeId();
    record.networkId = networkId;
    record.addresses = addresses;
    record.port = port;
    record.agent = defaultAgent();
    const qint64 now = QDateTime::currentSecsSinceEpoch();
    record.created = QDateTime::fromSecsSinceEpoch(now, QTimeZone::utc());
    return record;
}

QString MemberRecord::defaultAgent() {
    return QStringLiteral("orion/" ORION_VERSION);
}

void MemberRecord::sign(const NodeIdentity &identity) {
    publicKey = identity.publicKey();
    nodeId = identity.nodeId();
    signature = identity.sign(signingBytes());
}

QByteArray MemberRecord::signingBytes() const {
    QByteArray out;
    appendHead(out, 4, 9);
    appendText(out, QLatin1String(kFormat));
    appendUnsigned(out, quint64(qMax(version, 0)));
    appendBytes(out, publicKey);
    appendBytes(out, nodeId.toBytes());
    appendBytes(out, networkId);
    appendHead(out, 4, quint64(addresses.size()));
    for (const QString &address : addresses) {
        appendText(out, address);
    }
    appendUnsigned(out, port);
    appendText(out, agent);
    appendUnsigned(out, quint64(qMax<qint64>(created.toSecsSinceEpoch(), 0)));
    return out;
}

Status MemberRecord::verify() const {
    const auto fail = [](const QString &why) {
        return Status::failure(QStringLiteral("member record rejected: ") + why);
    };
    if (version != kVersion) {
        return fail(QStringLiteral("unsupported version %1").arg(version));
    }
    if (publicKey.size() != crypto::Ed25519::kPublicKeyBytes) {
        return fail(QStringLiteral("the public key does not have 32 bytes"));
    }
    if (nodeId != NodeIdentity::nodeIdFor(publicKey)) {
        return fail(QStringLiteral("the node ID is not the hash of the public key"));
    }
    if (networkId.size() != 32) {
        return fail(QStringLiteral("the network ID does not have 32 bytes"));
    }
    if (addresses.size() > kMaxAddresses) {
        return fail(QStringLiteral("more than %1 addresses").arg(kMaxAddresses));
    }
    for (const QString &address : addresses) {
        if (address.isEmpty() || address.size() > kMaxAddressChars) {
            return fail(QStringLiteral("an address is empty or longer than %1 characters")
                            .arg(kMaxAddressChars));
        }
        for (QChar c : address) {
            if (c.isSpace() || c.category() == QChar::Other_Control) {
                return fail(QStringLiteral("an address contains a space or control character"));
            }
        }
    }
    if (agent.size() > kMaxAgentChars) {
        return fail(
            QStringLiteral("the agent string is longer than %1 characters").arg(kMaxAgentChars));
    }
    if (!created.isValid() || created.toSecsSinceEpoch() < 0 ||
        created.toMSecsSinceEpoch() % 1000 != 0) {
        return fail(QStringLiteral("the creation time is not a valid time in whole seconds"));
    }
    if (signature.size() != crypto::Ed25519::kSignatureBytes) {
        return fail(QStringLiteral("the signature does not have 64 bytes"));
    }
    if (!crypto::Ed25519::verify(publicKey, signingBytes(), signature)) {
        return fail(QStringLiteral("the signature does not match (a field was changed after "
                                   "signing, or another key signed it)"));
    }
    return Status::success();
}

Status MemberRecord::verifyForNetwork(const QByteArray &expectedNetworkId) const {
    if (auto valid = verify(); !valid) {
        return valid;
    }
    if (networkId != expectedNetworkId) {
        return Status::failure(
            QStringLiteral("member record rejected: the node belongs to another network (%1)")
                .arg(Hex::encode(networkId)));
    }
    return Status::success();
}

QJsonObject MemberRecord::toJsonObject() const {
    return QJsonObject{{kFormatKey, QLatin1String(kFormat)},
                       {kVersionKey, version},
                       {kPublicKey, Hex::encode(publicKey)},
                       {kNodeId, nodeId.toHex()},
                       {kNetworkId, Hex::encode(networkId)},
                       {kAddresses, QJsonArray::fromStringList(addresses)},
                       {kPort, int(port)},
                       {kAgent, agent},
                       {kCreated, isoSeconds(created)},
                       {kSignature, Hex::encode(signature)}};
}

QByteArray MemberRecord::toJson() const {
    return QJsonDocument(toJsonObject()).toJson(QJsonDocument::Indented);
}

Result<MemberRecord> MemberRecord::fromJson(QByteArrayView json) {
    if (json.size() > kMaxEncodedBytes) {
        return Result<MemberRecord>::failure(QStringLiteral("member record: too large"));
    }
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(json.toByteArray(), &error);
    if (error.error != QJsonParseError::NoError) {
        return Result<MemberRecord>::failure(
            QStringLiteral("member record: not valid JSON (%1 at byte %2)")
                .arg(error.errorString())
                .arg(error.offset));
    }
    if (!doc.isObject()) {
        return Result<MemberRecord>::failure(QStringLiteral("member record: not a JSON object"));
    }
    return fromJsonObject(doc.object());
}

Result<MemberRecord> MemberRecord::fromJsonObject(const QJsonObject &o) {
    if (o.value(kFormatKey).toString() != QLatin1String(kFormat)) {
        return fieldError(kFormatKey, QStringLiteral("is not '%1'").arg(QLatin1String(kFormat)));
    }
    MemberRecord r;
    const auto version = wholeNumber(o.value(kVersionKey), 0, 1 << 30);
    if (!version) {
        return fieldError(kVersionKey, QStringLiteral("is missing or not a whole number"));
    }
    r.version = int(*version);
    const auto pub = Hex::decode(o.value(kPublicKey).toString(), crypto::Ed25519::kPublicKeyBytes);
    if (!pub) {
        return fieldError(kPublicKey, QStringLiteral("is not 64 lowercase hex digits"));
    }
    r.publicKey = *pub;
    const auto id = Hex::decode(o.value(kNodeId).toString(), Key160::kBytes);
    if (!id) {
        return fieldError(kNodeId, QStringLiteral("is not 40 lowercase hex digits"));
    }
    r.nodeId = *Key160::fromBytes(*id);
    const auto net = Hex::decode(o.value(kNetworkId).toString(), 32);
    if (!net) {
        return fieldError(kNetworkId, QStringLiteral("is not 64 lowercase hex digits"));
    }
    r.networkId = *net;
    if (!o.value(kAddresses).isArray()) {
        return fieldError(kAddresses, QStringLiteral("is not a list"));
    }
    const QJsonArray addresses = o.value(kAddresses).toArray();
    if (addresses.size() > kMaxAddresses) {
        return fieldError(kAddresses,
                          QStringLiteral("has more than %1 entries").arg(kMaxAddresses));
    }
    for (const QJsonValue &address : addresses) {
        if (!address.isString()) {
            return fieldError(kAddresses, QStringLiteral("contains something other than text"));
        }
        r.addresses.append(address.toString());
    }
    const auto port = wholeNumber(o.value(kPort), 0, 65535);
    if (!port) {
        return fieldError(kPort, QStringLiteral("is not a port number (0-65535)"));
    }
    r.port = quint16(*port);
    if (!o.value(kAgent).isString()) {
        return fieldError(kAgent, QStringLiteral("is missing or not text"));
    }
    r.agent = o.value(kAgent).toString();
    const QString created = o.value(kCreated).toString();
    r.created = QDateTime::fromString(created, Qt::ISODate);
    if (!r.created.isValid() || isoSeconds(r.created) != created) {
        return fieldError(kCreated, QStringLiteral("is not a UTC time like 2024-01-31T12:00:00Z"));
    }
    r.created = r.created.toUTC();
    const auto signature =
        Hex::decode(o.value(kSignature).toString(), crypto::Ed25519::kSignatureBytes);
    if (!signature) {
        return fieldError(kSignature, QStringLiteral("is not 128 lowercase hex digits"));
    }
    r.signature = *signature;
    return r;
}

QCborMap MemberRecord::toCborMap() const {
    QCborArray addressArray;
    for (const QString &address : addresses) {
        addressArray.append(address);
    }
    return QCborMap{{kFormatKey, QLatin1String(kFormat)},
                    {kVersionKey, version},
                    {kPublicKey, publicKey},
                    {kNodeId, nodeId.toBytes()},
                    {kNetworkId, networkId},
                    {kAddresses, addressArray},
                    {kPort, int(port)},
                    {kAgent, agent},
                    {kCreated, created.toSecsSinceEpoch()},
                    {kSignature, signature}};
}

QByteArray MemberRecord::toCbor() const {
    return QCborValue(toCborMap()).toCbor();
}

Result<MemberRecord> MemberRecord::fromCbor(QByteArrayView cbor) {
    if (cbor.size() > kMaxEncodedBytes) {
        return Result<MemberRecord>::failure(QStringLiteral("member record: too large"));
    }
    // A record is a flat map with one list of addresses: 4 levels and 1,024 items are ample.
    if (auto bounded = util::CborBounds{4, 1024}.checkBytes(cbor); !bounded) {
        return Result<MemberRecord>::failure(
            QStringLiteral("member record: refused (%1)").arg(bounded.error()));
    }
    QCborParserError error;
    const QCborValue value = QCborValue::fromCbor(cbor.toByteArray(), &error);
    if (error.error != QCborError::NoError) {
        return Result<MemberRecord>::failure(
            QStringLiteral("member record: not valid CBOR (%1)").arg(error.errorString()));
    }
    if (!value.isMap()) {
        return Result<MemberRecord>::failure(QStringLiteral("member record: not a CBOR map"));
    }
    return fromCborMap(value.toMap());
}

Result<MemberRecord> MemberRecord::fromCborMap(const QCborMap &m) {
    if (m.value(kFormatKey).toString() != QLatin1String(kFormat)) {
        return fieldError(kFormatKey, QStringLiteral("is not '%1'").arg(QLatin1String(kFormat)));
    }
    MemberRecord r;
    const QCborValue version = m.value(kVersionKey);
    if (!version.isInteger() || version.toInteger() < 0 || version.toInteger() > (1 << 30)) {
        return fieldError(kVersionKey, QStringLiteral("is missing or not a whole number"));
    }
    r.version = int(version.toInteger());
    const auto bytesField = [&](const QString &key, qsizetype size) -> std::optional<QByteArray> {
        const QCborValue v = m.value(key);
        if (!v.isByteArray() || v.toByteArray().size() != size) {
            return std::nullopt;
        }
        return v.toByteArray();
    };
    const auto pub = bytesField(kPublicKey, crypto::Ed25519::kPublicKeyBytes);
    if (!pub) {
        return fieldError(kPublicKey, QStringLiteral("is not 32 bytes"));
    }
    r.publicKey = *pub;
    const auto id = bytesField(kNodeId, Key160::kBytes);
    if (!id) {
        return fieldError(kNodeId, QStringLiteral("is not 20 bytes"));
    }
    r.nodeId = *Key160::fromBytes(*id);
    const auto net = bytesField(kNetworkId, 32);
    if (!net) {
        return fieldError(kNetworkId, QStringLiteral("is not 32 bytes"));
    }
    r.networkId = *net;
    if (!m.value(kAddresses).isArray()) {
        return fieldError(kAddresses, QStringLiteral("is not a list"));
    }
    const QCborArray addresses = m.value(kAddresses).toArray();
    if (addresses.size() > kMaxAddresses) {
        return fieldError(kAddresses,
                          QStringLiteral("has more than %1 entries").arg(kMaxAddresses));
    }
    for (const QCborValue &address : addresses) {
        if (!address.isString()) {
            return fieldError(kAddresses, QStringLiteral("contains something other than text"));
        }
        r.addresses.append(address.toString());
    }
    const QCborValue port = m.value(kPort);
    if (!port.isInteger() || port.toInteger() < 0 || port.toInteger() > 65535) {
        return fieldError(kPort, QStringLiteral("is not a port number (0-65535)"));
    }
    r.port = quint16(port.toInteger());
    if (!m.value(kAgent).isString()) {
        return fieldError(kAgent, QStringLiteral("is missing or not text"));
    }
    r.agent = m.value(kAgent).toString();
    const QCborValue created = m.value(kCreated);
    if (!created.isInteger() || created.toInteger() < 0) {
        return fieldError(kCreated, QStringLiteral("is not a time in seconds since 1970"));
    }
    r.created = QDateTime::fromSecsSinceEpoch(created.toInteger(), QTimeZone::utc());
    const auto signature = bytesField(kSignature, crypto::Ed25519::kSignatureBytes);
    if (!signature) {
        return fieldError(kSignature, QStringLiteral("is not 64 bytes"));
    }
    r.signature = *signature;
    return r;
}

} // namespace orion::identity
