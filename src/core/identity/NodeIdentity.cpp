// SPDX-License-Identifier: GPL-3.0-or-later
#include "identity/NodeIdentity.h"

#include "crypto/Blake2b.h"
#include "identity/SealedKeyFile.h"
#include "util/Hex.h"

#include <QJsonObject>

namespace orion::identity {

using util::Hex;

namespace {
const QString kPublicKey = QStringLiteral("public_key");
const QString kNodeId = QStringLiteral("node_id");
const QString kAlgorithmKey = QStringLiteral("algorithm");
} // namespace

NodeIdentity NodeIdentity::generate() {
    return fromKeyPair(crypto::Ed25519::generate());
}

NodeIdentity NodeIdentity::fromKeyPair(crypto::Ed25519 keyPair) {
    NodeIdentity identity;
    identity.m_nodeId = nodeIdFor(keyPair.publicKey());
    identity.m_keyPair = std::move(keyPair);
    return identity;
}

Result<NodeIdentity> NodeIdentity::fromSeed(QByteArrayView seed) {
    auto keyPair = crypto::Ed25519::fromSeed(seed);
    if (!keyPair) {
        return Result<NodeIdentity>::failure(keyPair.error());
    }
    return fromKeyPair(std::move(*keyPair));
}

Key160 NodeIdentity::nodeIdFor(QByteArrayView publicKey) {
    return *Key160::fromBytes(crypto::Blake2b::hash160(publicKey));
}

NodeIdentity NodeIdentity::clone() const {
    NodeIdentity copy;
    copy.m_keyPair = m_keyPair.clone();
    copy.m_nodeId = m_nodeId;
    return copy;
}

Status NodeIdentity::save(const QString &path, QByteArrayView passphrase,
                          const SaveOptions &options) const {
    if (isNull()) {
        return Status::failure(QStringLiteral("there is no identity to save"));
    }
    const QJsonObject clear{{kAlgorithmKey, QLatin1String(kAlgorithm)},
                            {kPublicKey, Hex::encode(publicKey())},
                            {kNodeId, m_nodeId.toHex()}};
    // The 32-byte seed is the whole secret: libsodium derives the rest from it.
    const crypto::SecureBuffer seed = m_keyPair.seed();
    return SealedKeyFile::save(path, QLatin1String(kFileFormat), clear, seed, passphrase, options);
}

Result<PublicIdentity> NodeIdentity::readPublic(const QString &path) {
    using R = Result<PublicIdentity>;
    auto file = SealedKeyFile::read(path, QLatin1String(kFileFormat));
    if (!file) {
        return R::failure(file.errorValue());
    }
    const QJsonObject &clear = file->clearFields();
    if (clear.value(kAlgorithmKey).toString() != QLatin1String(kAlgorithm)) {
        return R::failure(QStringLiteral("%1: unsupported key algorithm '%2'")
                              .arg(path, clear.value(kAlgorithmKey).toString()));
    }
    const auto publicKey =
        Hex::decode(clear.value(kPublicKey).toString(), crypto::Ed25519::kPublicKeyBytes);
    if (!publicKey) {
        return R::failure(
            QStringLiteral("%1: the field 'public_key' is missing or not 64 hex digits").arg(path));
    }
    const auto nodeId = Key160::fromHex(clear.value(kNodeId).toString());
    if (!nodeId) {
        return R::failure(
            QStringLiteral("%1: the field 'node_id' is missing or not 40 hex digits").arg(path));
    }
    if (*nodeId != nodeIdFor(*publicKey)) {
        return R::failure(
            QStringLiteral("%1: the node ID is not the hash of the public key").arg(path));
    }
    return PublicIdentity{*publicKey, *nodeId, file->isEncrypted()};
}

Result<NodeIdentity> NodeIdentity::load(const QString &path, QByteArrayView passphrase) {
    using R = Result<NodeIdentity>;
    auto pub = readPublic(path);
    if (!pub) {
        return R::failure(pub.errorValue());
    }
    auto file = SealedKeyFile::read(path, QLatin1String(kFileFormat));
    if (!file) {
        return R::failure(file.errorValue());
    }
    auto seed = file->open(passphrase);
    if (!seed) {
        return R::failure(seed.errorValue());
    }
    auto identity = fromSeed(seed->view());
    if (!identity) {
        return R::failure(identity.errorCode(),
                          QStringLiteral("%1: %2").arg(path, identity.error()));
    }
    if (identity->publicKey() != pub->publicKey) {
        return R::failure(
            QStringLiteral("%1: the secret key does not belong to the public key").arg(path));
    }
    return identity;
}

Status NodeIdentity::changePassphrase(const QString &path, QByteArrayView currentPassphrase,
                                      QByteArrayView newPassphrase,
                                      const crypto::Argon2id::Limits &limits) {
    // Unlock fully first: a file whose secret does not match its public key is not
    // re-sealed, and a wrong passphrase writes nothing.
    auto identity = load(path, currentPassphrase);
    if (!identity) {
        return Status::failure(identity.errorValue());
    }
    SaveOptions options;
    options.limits = limits;
    options.replaceExisting = true;
    return identity->save(path, newPassphrase, options);
}

} // namespace orion::identity
