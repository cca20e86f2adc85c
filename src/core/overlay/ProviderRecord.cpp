// SPDX-License-Identifier: GPL-3.0-or-later
#include "overlay/ProviderRecord.h"

#include "crypto/Blake2b.h"

#include <QtEndian>

namespace orion::overlay {

using identity::Key160;

namespace {

enum Field : int {
    kContainerKey = 1,
    kContainerPublicKey = 2,
    kHostId = 3,
    kHostPublicKey = 4,
    kSequence = 5,
    kExpiresAt = 6,
    kContainerSignature = 7,
    kHostSignature = 8,
};

Key160 keyOf(const QByteArray &publicKey) {
    return *Key160::fromBytes(crypto::Blake2b::hash160(publicKey));
}

} // namespace

ProviderRecord ProviderRecord::create(const crypto::Ed25519 &container, const crypto::Ed25519 &host,
                                      quint64 sequence, qint64 expiresAt) {
    ProviderRecord r;
    r.containerPublicKey = container.publicKey();
    r.containerKey = keyOf(r.containerPublicKey);
    r.hostPublicKey = host.publicKey();
    r.hostId = keyOf(r.hostPublicKey);
    r.sequence = sequence;
    r.expiresAt = expiresAt;
    const QByteArray message = r.signedBytes();
    r.containerSignature = container.sign(message);
    r.hostSignature = host.sign(message);
    return r;
}

QByteArray ProviderRecord::signedBytes() const {
    QByteArray out("orion-provider-v1");
    out += containerKey.toBytes();
    out += containerPublicKey;
    out += hostId.toBytes();
    out += hostPublicKey;
    char number[8];
    qToBigEndian(sequence, number);
    out += QByteArray(number, 8);
    qToBigEndian(expiresAt, number);
    out += QByteArray(number, 8);
    return out;
}

Status ProviderRecord::verify(qint64 nowSecs) const {
    if (containerPublicKey.size() != crypto::Ed25519::kPublicKeyBytes ||
        hostPublicKey.size() != crypto::Ed25519::kPublicKeyBytes) {
        return Status::failure(QStringLiteral("a public key is not 32 bytes"));
    }
    if (keyOf(containerPublicKey) != containerKey) {
        return Status::failure(
            QStringLiteral("the container key is not the hash of the container public key"));
    }
    if (keyOf(hostPublicKey) != hostId) {
        return Status::failure(
            QStringLiteral("the host ID is not the hash of the host public key"));
    }
    const QByteArray message = signedBytes();
    if (!crypto::Ed25519::verify(containerPublicKey, message, containerSignature)) {
        return Status::failure(QStringLiteral("bad container signature"));
    }
    if (!crypto::Ed25519::verify(hostPublicKey, message, hostSignature)) {
        return Status::failure(QStringLiteral("bad host signature"));
    }
    if (expiresAt <= nowSecs) {
        return Status::failure(QStringLiteral("expired"));
    }
    if (expiresAt > nowSecs + kMaxLifetimeSecs + kClockSkewSecs) {
        return Status::failure(QStringLiteral("expiry too far in the future"));
    }
    return {};
}

QCborMap ProviderRecord::toCbor() const {
    QCborMap map;
    map.insert(kContainerKey, containerKey.toBytes());
    map.insert(kContainerPublicKey, containerPublicKey);
    map.insert(kHostId, hostId.toBytes());
    map.insert(kHostPublicKey, hostPublicKey);
    map.insert(kSequence, qint64(sequence));
    map.insert(kExpiresAt, expiresAt);
    map.insert(kContainerSignature, containerSignature);
    map.insert(kHostSignature, hostSignature);
    return map;
}

Result<ProviderRecord> ProviderRecord::fromCbor(const QCborMap &map) {
    using R = Result<ProviderRecord>;
    ProviderRecord r;
    const auto container = Key160::fromBytes(map.value(kContainerKey).toByteArray());
    const auto host = Key160::fromBytes(map.value(kHostId).toByteArray());
    if (!container || !host) {
        return R::failure(QStringLiteral("provider record: container key or host ID malformed"));
    }
    r.containerKey = *container;
    r.hostId = *host;
    r.containerPublicKey = map.value(kContainerPublicKey).toByteArray();
    r.hostPublicKey = map.value(kHostPublicKey).toByteArray();
    if (!map.value(kSequence).isInteger() || !map.value(kExpiresAt).isInteger()) {
        return R::failure(QStringLiteral("provider record: sequence or expiry missing"));
    }
    r.sequence = quint64(map.value(kSequence).toInteger());
    r.expiresAt = map.value(kExpiresAt).toInteger();
    r.containerSignature = map.value(kContainerSignature).toByteArray();
    r.hostSignature = map.value(kHostSignature).toByteArray();
    if (r.containerSignature.size() != crypto::Ed25519::kSignatureBytes ||
        r.hostSignature.size() != crypto::Ed25519::kSignatureBytes) {
        return R::failure(QStringLiteral("provider record: signatures must be 64 bytes"));
    }
    return r;
}

} // namespace orion::overlay
