// SPDX-License-Identifier: GPL-3.0-or-later
#include "identity/SealedKeyFile.h"

#include "crypto/Blake2b.h"
#include "crypto/Random.h"
#include "crypto/XChaCha20Poly1305.h"
#include "identity/IdentityLog.h"
#include "util/AtomicFile.h"
#include "util/Hex.h"

#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonParseError>

namespace orion::identity {

using crypto::Argon2id;
using crypto::SecureBuffer;
using crypto::XChaCha20Poly1305;
using util::Hex;

namespace {

const QString kFormat = QStringLiteral("format");
const QString kVersionKey = QStringLiteral("version");
const QString kProtection = QStringLiteral("protection");
const QString kSecret = QStringLiteral("secret");
const QString kChecksum = QStringLiteral("checksum");
const QString kKdf = QStringLiteral("kdf");
const QString kSalt = QStringLiteral("salt");
const QString kOpsLimit = QStringLiteral("opslimit");
const QString kMemLimit = QStringLiteral("memlimit");
const QString kCipher = QStringLiteral("cipher");
const QString kNonce = QStringLiteral("nonce");

// Secrets in these files are a few dozen bytes; anything much larger is damage.
constexpr qsizetype kMaxFileBytes = 64 * 1024;

bool isReserved(const QString &key) {
    return key == kFormat || key == kVersionKey || key == kProtection || key == kSecret ||
           key == kChecksum;
}

std::optional<std::uint64_t> toLimit(const QJsonValue &value) {
    if (!value.isDouble()) {
        return std::nullopt;
    }
    const double d = value.toDouble();
    if (d < 0 || d > 9.0e15 || double(std::uint64_t(d)) != d) {
        return std::nullopt;
    }
    return std::uint64_t(d);
}

} // namespace

QByteArray SealedKeyFile::canonical(const QJsonObject &object) {
    // QJsonObject keeps its keys sorted, and compact output has no whitespace, so this is
    // a deterministic encoding of the object (see docs/identity.md).
    return QJsonDocument(object).toJson(QJsonDocument::Compact);
}

QByteArray SealedKeyFile::associatedData(const QJsonObject &withoutSecret) {
    return QByteArrayLiteral("orion-keyfile-v1\n") + canonical(withoutSecret);
}

Result<QByteArray> SealedKeyFile::encode(const QString &format, const QJsonObject &clearFields,
                                         const SecureBuffer &secret, QByteArrayView passphrase,
                                         const SaveOptions &options) {
    QJsonObject object = clearFields;
    for (auto it = clearFields.begin(); it != clearFields.end(); ++it) {
        Q_ASSERT(!isReserved(it.key()));
    }
    object.insert(kFormat, format);
    object.insert(kVersionKey, kVersion);

    if (options.unencrypted) {
        object.insert(kProtection, QJsonObject{{kKdf, QLatin1String(kNoProtection)},
                                               {kCipher, QLatin1String(kNoProtection)}});
        QByteArray clearHex = secret.view().toByteArray().toHex();
        object.insert(kSecret, QString::fromLatin1(clearHex));
        crypto::wipe(clearHex.data(), std::size_t(clearHex.size()));
    } else {
        if (passphrase.isEmpty()) {
            return Result<QByteArray>::failure(ErrorCode::InvalidArgument,
                                               QStringLiteral("the passphrase is empty"));
        }
        const QByteArray salt = Argon2id::randomSalt();
        auto key =
            Argon2id::deriveKey(passphrase, salt, options.limits, XChaCha20Poly1305::kKeyBytes);
        if (!key) {
            return Result<QByteArray>::failure(key.errorValue());
        }
        const QByteArray nonce = crypto::Random::bytes(XChaCha20Poly1305::kNonceBytes);
        object.insert(kProtection,
                      QJsonObject{{kKdf, QLatin1String(Argon2id::kAlgorithmName)},
                                  {kSalt, Hex::encode(salt)},
                                  {kOpsLimit, qint64(options.limits.opsLimit)},
                                  {kMemLimit, qint64(options.limits.memLimit)},
                                  {kCipher, QLatin1String(XChaCha20Poly1305::kAlgorithmName)},
                                  {kNonce, Hex::encode(nonce)}});
        const auto sealed =
            XChaCha20Poly1305::sealWithNonce(*key, nonce, secret.view(), associatedData(object));
        object.insert(kSecret, Hex::encode(sealed.ciphertext));
    }
    object.insert(kChecksum, Hex::encode(crypto::Blake2b::hash256(canonical(object))));
    return QJsonDocument(object).toJson(QJsonDocument::Indented);
}

Status SealedKeyFile::save(const QString &path, const QString &format,
                           const QJsonObject &clearFields, const SecureBuffer &secret,
                           QByteArrayView passphrase, const SaveOptions &options) {
    if (!options.replaceExisting && QFileInfo::exists(path)) {
        return Status::failure(
            ErrorCode::AlreadyExists,
            QStringLiteral("%1 already exists; refusing to replace it").arg(path));
    }
    auto bytes = encode(format, clearFields, secret, passphrase, options);
    if (!bytes) {
        return Status::failure(bytes.errorValue());
    }
    if (options.unencrypted) {
        qCWarning(lcIdentity).noquote()
            << "WARNING: writing" << path
            << "UNENCRYPTED: anyone who can read this file owns the key";
    }
    util::AtomicFile file(path, util::AtomicFile::Access::OwnerOnly);
    file.setInterruptBeforeCommit(options.interruptBeforeCommit);
    const Status written = file.write(*bytes);
    if (options.unencrypted) {
        crypto::wipe(bytes->data(), std::size_t(bytes->size()));
    }
    return written;
}

Result<SealedKeyFile> SealedKeyFile::read(const QString &path, const QString &format) {
    QFile file(path);
    if (!file.exists()) {
        return Result<SealedKeyFile>::failure(ErrorCode::NotFound,
                                              QStringLiteral("%1 does not exist").arg(path));
    }
    if (!file.open(QIODevice::ReadOnly)) {
        return Result<SealedKeyFile>::failure(
            ErrorCode::Io, QStringLiteral("cannot read %1: %2").arg(path, file.errorString()));
    }
    QByteArray bytes = file.read(kMaxFileBytes + 1);
    auto parsed = parse(bytes, format, path);
    crypto::wipe(bytes.data(), std::size_t(bytes.size()));
    return parsed;
}

Result<SealedKeyFile> SealedKeyFile::parse(QByteArrayView bytes, const QString &format,
                                           const QString &label) {
    using R = Result<SealedKeyFile>;
    // Everything parse() rejects is a damaged (or foreign) file, but for versions.
    const auto fail = [&](const QString &what, ErrorCode code = ErrorCode::Corrupt) {
        return R::failure(code, QStringLiteral("%1: %2").arg(label, what));
    };
    if (bytes.isEmpty()) {
        return fail(QStringLiteral("the key file is empty"));
    }
    if (bytes.size() > kMaxFileBytes) {
        return fail(QStringLiteral("the key file is too large to be a key file"));
    }
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(bytes.toByteArray(), &error);
    if (error.error != QJsonParseError::NoError) {
        return fail(QStringLiteral("the key file is not valid JSON (%1 at byte %2): it is "
                                   "truncated or damaged")
                        .arg(error.errorString())
                        .arg(error.offset));
    }
    if (!doc.isObject()) {
        return fail(QStringLiteral("the key file is not a JSON object"));
    }
    QJsonObject object = doc.object();
    const QString actualFormat = object.value(kFormat).toString();
    if (actualFormat != format) {
        return fail(
            actualFormat.isEmpty()
                ? QStringLiteral("the field 'format' is missing: not an Orion key file")
                : QStringLiteral("the file is a '%1', not a '%2'").arg(actualFormat, format));
    }
    if (object.value(kVersionKey).toInt(-1) != kVersion) {
        return fail(QStringLiteral("unsupported key file version %1 (this program reads %2)")
                        .arg(object.value(kVersionKey).toVariant().toString())
                        .arg(kVersion),
                    ErrorCode::Unsupported);
    }
    const auto checksum = Hex::decode(object.value(kChecksum).toString(), 32);
    if (!checksum) {
        return fail(QStringLiteral("the field 'checksum' is missing or not 64 hex digits"));
    }
    object.remove(kChecksum);
    if (crypto::Blake2b::hash256(canonical(object)) != *checksum) {
        return fail(QStringLiteral("the key file is damaged: its checksum does not match "
                                   "its contents"));
    }

    SealedKeyFile parsed;
    parsed.m_label = label;
    parsed.m_format = format;
    const QJsonObject protection = object.value(kProtection).toObject();
    if (protection.isEmpty()) {
        return fail(QStringLiteral("the field 'protection' is missing or not an object"));
    }
    const QString kdf = protection.value(kKdf).toString();
    const QString cipher = protection.value(kCipher).toString();
    const QString secretHex = object.value(kSecret).toString();
    if (secretHex.isEmpty()) {
        return fail(QStringLiteral("the field 'secret' is missing"));
    }
    if (kdf == QLatin1String(kNoProtection) && cipher == QLatin1String(kNoProtection)) {
        parsed.m_encrypted = false;
    } else if (kdf == QLatin1String(Argon2id::kAlgorithmName) &&
               cipher == QLatin1String(XChaCha20Poly1305::kAlgorithmName)) {
        parsed.m_encrypted = true;
        const auto salt = Hex::decode(protection.value(kSalt).toString(), Argon2id::kSaltBytes);
        if (!salt) {
            return fail(QStringLiteral("the field 'protection.salt' is not %1 hex digits")
                            .arg(2 * Argon2id::kSaltBytes));
        }
        const auto nonce =
            Hex::decode(protection.value(kNonce).toString(), XChaCha20Poly1305::kNonceBytes);
        if (!nonce) {
            return fail(QStringLiteral("the field 'protection.nonce' is not %1 hex digits")
                            .arg(2 * XChaCha20Poly1305::kNonceBytes));
        }
        const auto ops = toLimit(protection.value(kOpsLimit));
        const auto mem = toLimit(protection.value(kMemLimit));
        if (!ops || !mem) {
            return fail(QStringLiteral("the fields 'protection.opslimit' and "
                                       "'protection.memlimit' must be whole numbers"));
        }
        parsed.m_limits = {*ops, *mem};
        if (auto valid = Argon2id::validate(parsed.m_limits); !valid) {
            return fail(valid.error());
        }
        parsed.m_salt = *salt;
        parsed.m_nonce = *nonce;
    } else {
        return fail(QStringLiteral("unknown protection '%1' / '%2'").arg(kdf, cipher),
                    ErrorCode::Unsupported);
    }
    auto secret = Hex::decode(secretHex);
    if (!secret || secret->isEmpty()) {
        return fail(QStringLiteral("the field 'secret' is not hex"));
    }
    if (parsed.m_encrypted) {
        parsed.m_ciphertext = std::move(*secret);
    } else {
        parsed.m_clearSecret = SecureBuffer::fromBytes(*secret);
        crypto::wipe(secret->data(), std::size_t(secret->size()));
    }
    object.remove(kSecret);
    parsed.m_associatedData = associatedData(object);
    object.remove(kFormat);
    object.remove(kVersionKey);
    object.remove(kProtection);
    parsed.m_clear = object;
    return parsed;
}

Result<SecureBuffer> SealedKeyFile::open(QByteArrayView passphrase) const {
    if (!m_encrypted) {
        return m_clearSecret.clone();
    }
    auto key = Argon2id::deriveKey(passphrase, m_salt, m_limits, XChaCha20Poly1305::kKeyBytes);
    if (!key) {
        return Result<SecureBuffer>::failure(key.errorCode(),
                                             QStringLiteral("%1: %2").arg(m_label, key.error()));
    }
    auto secret = XChaCha20Poly1305::open(*key, m_nonce, m_ciphertext, m_associatedData);
    if (!secret) {
        // The checksum already ruled out accidental damage, so the passphrase is wrong.
        return Result<SecureBuffer>::failure(ErrorCode::WrongPassphrase,
                                             QStringLiteral("%1: wrong passphrase").arg(m_label));
    }
    return secret;
}

} // namespace orion::identity
