// SPDX-License-Identifier: GPL-3.0-or-later
// MemberRecord: a node's signed statement of membership (the member file, and the overlay's
// activation/HELLO record): its key, ID, network ID, addresses, port, agent and creation
// time, signed by the node. A plain value; any thread.
#pragma once

#include "identity/Key160.h"
#include "util/Result.h"

#include <QByteArray>
#include <QCborMap>
#include <QDateTime>
#include <QJsonObject>
#include <QStringList>

namespace orion::identity {

class NodeIdentity;

struct MemberRecord {
    static constexpr int kVersion = 1;
    static constexpr const char *kFormat = "orion-member";
    static constexpr int kMaxAddresses = 16;
    static constexpr int kMaxAddressChars = 253;
    static constexpr int kMaxAgentChars = 64;

    int version = kVersion;
    QByteArray publicKey; // Ed25519, 32 bytes
    Key160 nodeId;        // BLAKE2b-160 of publicKey
    QByteArray networkId; // BLAKE2b-256 of the network key, 32 bytes
    QStringList addresses;
    quint16 port = 0; // 0: the node accepts no connections
    QString agent;
    QDateTime created;    // UTC, whole seconds
    QByteArray signature; // Ed25519 over signingBytes(), 64 bytes

    // A record for `identity` created now, with this program's agent string; unsigned.
    static MemberRecord create(const NodeIdentity &identity, const QByteArray &networkId,
                               const QStringList &addresses, quint16 port);
    static QString defaultAgent();

    // Sets publicKey and nodeId from the identity, then signs every other field.
    void sign(const NodeIdentity &identity);
    // The canonical encoding that is signed (deterministic CBOR; docs/identity.md).
    QByteArray signingBytes() const;
    // Checks every field, that the node ID is the hash of the key, and the signature.
    Status verify() const;
    // verify() plus membership of the given network.
    Status verifyForNetwork(const QByteArray &expectedNetworkId) const;

    QJsonObject toJsonObject() const;
    QByteArray toJson() const; // indented, as written to member files
    // Structural parse only (types, sizes); call verify() before trusting the record.
    static Result<MemberRecord> fromJson(QByteArrayView json);
    static Result<MemberRecord> fromJsonObject(const QJsonObject &object);

    QCborMap toCborMap() const;
    QByteArray toCbor() const;
    static Result<MemberRecord> fromCbor(QByteArrayView cbor);
    static Result<MemberRecord> fromCborMap(const QCborMap &map);

    friend bool operator==(const MemberRecord &, const MemberRecord &) = default;
};

} // namespace orion::identity
