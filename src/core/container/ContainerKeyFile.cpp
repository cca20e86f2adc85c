// SPDX-License-Identifier: GPL-3.0-or-later
#include "container/ContainerKeyFile.h"

#include "container/ContainerLog.h"
#include "crypto/SecureBuffer.h"
#include "crypto/XChaCha20Poly1305.h"
#include "util/AtomicFile.h"
#include "util/Hex.h"

#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QJsonParseError>

#include <span>

namespace orion::container {

using crypto::SecureBuffer;
using crypto::XChaCha20Poly1305;
using identity::Key160;
using identity::NodeIdentity;
using util::Hex;

namespace {
const QString kFormatKey = QStringLiteral("format");
const QString kVersionKey = QStringLiteral("version");
const QString kAlgorithm = QStringLiteral("algorithm");
const QString kPublicKey = QStringLiteral("public_key");
const QString kKey = QStringLiteral("key");
const QString kSeed = QStringLiteral("seed"); // version 1 only
const QString kHost = QStringLiteral("host");
const QString kWrap = QStringLiteral("wrap");
const QString kKdf = QStringLiteral("kdf");
const QString kLabel = QStringLiteral("label");
const QString kCipher = QStringLiteral("cipher");
const QString kNonce = QStringLiteral("nonce");
const QString kSealedSeed = QStringLiteral("sealed_seed");

constexpr qint64 kMaxFileBytes = 64 * 1024;
constexpr int kSeedBytes = crypto::Ed25519::kSeedBytes;

// What a key file says, before anything is decrypted.
struct Parsed {
    int version = 0;
    QByteArray publicKey;
    SecureBuffer clearSeed; // version 1
    Key160 host;            // version 2
    QByteArray nonce;
    QByteArray sealedSeed;
};

Result<Parsed> parse(const QString &path) {
    using R = Result<Parsed>;
    const auto fail = [&](const QString &what, ErrorCode code = ErrorCode::Corrupt) {
        return R::failure(code, QStringLiteral("%1: %2").arg(path, what));
    };
    QFile f(path);
    if (!f.exists()) {
        return fail(QStringLiteral("cannot read: the file does not exist"), ErrorCode::NotFound);
    }
    if (!f.open(QIODevice::ReadOnly)) {
        return fail(QStringLiteral("cannot read: %1").arg(f.errorString()), ErrorCode::Io);
    }
    QByteArray bytes = f.read(kMaxFileBytes + 1);
    if (bytes.size() > kMaxFileBytes) {
        crypto::wipe(bytes.data(), size_t(bytes.size()));
        return fail(QStringLiteral("too large to be a container key file"));
    }
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(bytes, &error);
    crypto::wipe(bytes.data(), size_t(bytes.size()));
    if (error.error != QJsonParseError::NoError) {
        return fail(QStringLiteral("not valid JSON (%1 at byte %2): the file is truncated or "
                                   "damaged")
                        .arg(error.errorString())
                        .arg(error.offset));
    }
    const QJsonObject o = doc.object();
    if (o.value(kFormatKey).toString() != QLatin1String(ContainerKeyFile::kFormat)) {
        return fail(QStringLiteral("not a container key file (the field 'format' is not '%1')")
                        .arg(QLatin1String(ContainerKeyFile::kFormat)));
    }
    if (o.value(kAlgorithm).toString() != QLatin1String(NodeIdentity::kAlgorithm)) {
        return fail(
            QStringLiteral("unsupported key algorithm '%1'").arg(o.value(kAlgorithm).toString()),
            ErrorCode::Unsupported);
    }
    Parsed p;
    const auto publicKey =
        Hex::decode(o.value(kPublicKey).toString(), crypto::Ed25519::kPublicKeyBytes);
    if (!publicKey) {
        return fail(QStringLiteral("the field 'public_key' is missing or not 64 hex digits"));
    }
    p.publicKey = *publicKey;
    const auto key = Key160::fromHex(o.value(kKey).toString());
    if (!key || *key != NodeIdentity::nodeIdFor(p.publicKey)) {
        return fail(QStringLiteral("the field 'key' is not the hash of the public key"));
    }

    const QJsonValue version = o.value(kVersionKey);
    if (version.isUndefined()) {
        p.version = ContainerKeyFile::kLegacyVersion;
        SecureBuffer seed{size_t(kSeedBytes)};
        if (!Hex::decodeInto(o.value(kSeed).toString(), std::span(seed.data(), seed.size()),
                             Hex::Letters::AnyCase)) {
            return fail(QStringLiteral("the field 'seed' is missing or not 64 hex digits"));
        }
        p.clearSeed = std::move(seed);
        return p;
    }
    if (version.toInt(-1) != ContainerKeyFile::kVersion) {
        return fail(QStringLiteral("unsupported container key file version %1 (this program "
                                   "reads %2 and %3)")
                        .arg(version.toVariant().toString())
                        .arg(ContainerKeyFile::kLegacyVersion)
                        .arg(ContainerKeyFile::kVersion),
                    ErrorCode::Unsupported);
    }
    p.version = ContainerKeyFile::kVersion;
    if (o.contains(kSeed)) {
        return fail(QStringLiteral("a sealed key file holds a clear 'seed' as well"));
    }
    const QJsonObject wrap = o.value(kWrap).toObject();
    if (wrap.value(kKdf).toString() != QLatin1String(ContainerKeyFile::kWrapKdf) ||
        wrap.value(kLabel).toString() != QLatin1String(ContainerKeyWrap::kLabel) ||
        wrap.value(kCipher).toString() != QLatin1String(XChaCha20Poly1305::kAlgorithmName)) {
        return fail(QStringLiteral("unknown wrap '%1' / '%2' / '%3'")
                        .arg(wrap.value(kKdf).toString(), wrap.value(kLabel).toString(),
                             wrap.value(kCipher).toString()),
                    ErrorCode::Unsupported);
    }
    const auto host = Key160::fromHex(o.value(kHost).toString());
    if (!host) {
        return fail(QStringLiteral("the field 'host' is missing or not 40 hex digits"));
    }
    p.host = *host;
    const auto nonce = Hex::decode(wrap.value(kNonce).toString(), XChaCha20Poly1305::kNonceBytes);
    if (!nonce) {
        return fail(QStringLiteral("the field 'wrap.nonce' is missing or not %1 hex digits")
                        .arg(2 * XChaCha20Poly1305::kNonceBytes));
    }
    p.nonce = *nonce;
    const auto sealed =
        Hex::decode(o.value(kSealedSeed).toString(), kSeedBytes + XChaCha20Poly1305::kTagBytes);
    if (!sealed) {
        return fail(QStringLiteral("the field 'sealed_seed' is missing or not %1 hex digits")
                        .arg(2 * (kSeedBytes + XChaCha20Poly1305::kTagBytes)));
    }
    p.sealedSeed = *sealed;
    return p;
}

QByteArray encodeSealed(const NodeIdentity &key, const ContainerKeyWrap &wrap) {
    const SecureBuffer seed = key.keyPair().seed();
    const auto sealed = XChaCha20Poly1305::seal(
        wrap.key(), seed.view(), ContainerKeyFile::associatedData(key.publicKey(), wrap.hostId()));
    const QJsonObject o{
        {kFormatKey, QLatin1String(ContainerKeyFile::kFormat)},
        {kVersionKey, ContainerKeyFile::kVersion},
        {kAlgorithm, QLatin1String(NodeIdentity::kAlgorithm)},
        {kPublicKey, Hex::encode(key.publicKey())},
        {kKey, key.nodeId().toHex()},
        {kHost, wrap.hostId().toHex()},
        {kWrap, QJsonObject{{kKdf, QLatin1String(ContainerKeyFile::kWrapKdf)},
                            {kLabel, QLatin1String(ContainerKeyWrap::kLabel)},
                            {kCipher, QLatin1String(XChaCha20Poly1305::kAlgorithmName)},
                            {kNonce, Hex::encode(sealed.nonce)}}},
        {kSealedSeed, Hex::encode(sealed.ciphertext)}};
    return QJsonDocument(o).toJson(QJsonDocument::Indented);
}

Result<NodeIdentity> identityFor(const QString &path, const SecureBuffer &seed,
                                 const QByteArray &publicKey) {
    auto identity = NodeIdentity::fromSeed(seed.view());
    if (!identity) {
        return Result<NodeIdentity>::failure(
            ErrorCode::Corrupt, QStringLiteral("%1: bad seed: %2").arg(path, identity.error()));
    }
    if (identity->publicKey() != publicKey) {
        return Result<NodeIdentity>::failure(
            ErrorCode::Corrupt,
            QStringLiteral("%1: the seed does not give the public key in the file").arg(path));
    }
    return identity;
}
} // namespace

QByteArray ContainerKeyFile::associatedData(QByteArrayView publicKey, const Key160 &hostId) {
    return QByteArrayLiteral("orion-container-key-v2\n") + publicKey.toByteArray() +
           hostId.toBytes();
}

Status ContainerKeyFile::write(const QString &path, const NodeIdentity &key,
                               const ContainerKeyWrap &wrap) {
    if (key.isNull()) {
        return Status::failure(QStringLiteral("there is no key to write"));
    }
    if (QFileInfo::exists(path)) {
        return Status::failure(ErrorCode::AlreadyExists,
                               QStringLiteral("%1 exists already").arg(path));
    }
    return util::AtomicFile::write(path, encodeSealed(key, wrap),
                                   util::AtomicFile::Access::OwnerOnly);
}

Result<NodeIdentity> ContainerKeyFile::read(const QString &path, const ContainerKeyWrap &wrap) {
    using R = Result<NodeIdentity>;
    auto parsed = parse(path);
    if (!parsed) {
        return R::failure(parsed.errorValue());
    }
    if (parsed->version == kLegacyVersion) {
        auto identity = identityFor(path, parsed->clearSeed, parsed->publicKey);
        if (!identity) {
            return identity;
        }
        // The seed leaves the file now; the blocks the old file used are not scrubbed (the
        // file system decides where a rename leaves them).
        if (auto s = util::AtomicFile::write(path, encodeSealed(*identity, wrap),
                                             util::AtomicFile::Access::OwnerOnly);
            !s) {
            qCWarning(lcContainer).noquote()
                << "cannot seal" << path << "(its seed stays in clear):" << s.error();
        } else {
            qCInfo(lcContainer).noquote() << "sealed" << path << "(it held its seed in clear)";
        }
        return identity;
    }
    if (parsed->host != wrap.hostId()) {
        return R::failure(ErrorCode::WrongPassphrase,
                          QStringLiteral("%1: sealed by the identity of node %2, not by this "
                                         "node's (%3): the file comes from another profile, or "
                                         "this profile's identity was replaced")
                              .arg(path, parsed->host.toHex(), wrap.hostId().toHex()));
    }
    auto seed = XChaCha20Poly1305::open(wrap.key(), parsed->nonce, parsed->sealedSeed,
                                        associatedData(parsed->publicKey, parsed->host));
    if (!seed) {
        // The host matches, so the key is the right one: what it sealed was altered.
        return R::failure(ErrorCode::Corrupt,
                          QStringLiteral("%1: the sealed seed does not open with this node's "
                                         "key: the file is damaged")
                              .arg(path));
    }
    return identityFor(path, *seed, parsed->publicKey);
}

Result<QByteArray> ContainerKeyFile::readPublicKey(const QString &path) {
    auto parsed = parse(path);
    if (!parsed) {
        return Result<QByteArray>::failure(parsed.errorValue());
    }
    if (parsed->version == kLegacyVersion) {
        if (auto identity = identityFor(path, parsed->clearSeed, parsed->publicKey); !identity) {
            return Result<QByteArray>::failure(identity.errorValue());
        }
    }
    return parsed->publicKey;
}

Result<int> ContainerKeyFile::version(const QString &path) {
    auto parsed = parse(path);
    if (!parsed) {
        return Result<int>::failure(parsed.errorValue());
    }
    return parsed->version;
}

} // namespace orion::container
