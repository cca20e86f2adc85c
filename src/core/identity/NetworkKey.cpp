// SPDX-License-Identifier: GPL-3.0-or-later
#include "identity/NetworkKey.h"

#include "crypto/Blake2b.h"
#include "crypto/Random.h"
#include "identity/SealedKeyFile.h"
#include "util/Hex.h"

#include <QJsonObject>

namespace orion::identity {

using crypto::SecureBuffer;
using util::Hex;

namespace {
const QString kNetworkId = QStringLiteral("network_id");
const QString kAlgorithmKey = QStringLiteral("algorithm");
const QString kAlgorithm = QStringLiteral("orion-network-key-32");
constexpr qsizetype kTextPayloadChars = 48; // base64 of 36 bytes, no padding needed

bool isBase64UrlChar(QChar c) {
    const char16_t u = c.unicode();
    return (u >= u'A' && u <= u'Z') || (u >= u'a' && u <= u'z') || (u >= u'0' && u <= u'9') ||
           u == u'-' || u == u'_';
}
} // namespace

NetworkKey NetworkKey::generate() {
    NetworkKey key;
    key.m_key = SecureBuffer(kBytes);
    crypto::Random::fill(key.m_key.data(), kBytes);
    return key;
}

Result<NetworkKey> NetworkKey::fromBytes(QByteArrayView bytes) {
    if (bytes.size() != kBytes) {
        return Result<NetworkKey>::failure(
            QStringLiteral("a network key has %1 bytes, not %2").arg(kBytes).arg(bytes.size()));
    }
    NetworkKey key;
    key.m_key = SecureBuffer::fromBytes(bytes);
    return key;
}

QByteArray NetworkKey::networkIdFor(QByteArrayView key) {
    return crypto::Blake2b::hash256(key);
}

NetworkKey NetworkKey::clone() const {
    NetworkKey copy;
    copy.m_key = m_key.clone();
    return copy;
}

Result<NetworkKey> NetworkKey::parse(QStringView input) {
    using R = Result<NetworkKey>;
    const QStringView text = input.trimmed();
    const QLatin1String prefix(kTextPrefix);
    if (text.startsWith(prefix)) {
        const QStringView payload = text.mid(prefix.size());
        if (payload.size() != kTextPayloadChars) {
            return R::failure(QStringLiteral("a network key has %1 characters after '%2', not %3: "
                                             "it was cut short or has extra characters")
                                  .arg(kTextPayloadChars)
                                  .arg(prefix)
                                  .arg(payload.size()));
        }
        for (qsizetype i = 0; i < payload.size(); ++i) {
            if (!isBase64UrlChar(payload[i])) {
                return R::failure(QStringLiteral("the network key has an invalid character '%1' "
                                                 "at position %2")
                                      .arg(payload[i])
                                      .arg(prefix.size() + i + 1));
            }
        }
        auto decoded = QByteArray::fromBase64Encoding(
            payload.toLatin1(), QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals |
                                    QByteArray::AbortOnBase64DecodingErrors);
        if (!decoded || decoded.decoded.size() != kBytes + kChecksumBytes) {
            return R::failure(QStringLiteral("the network key is not valid base64"));
        }
        QByteArray &raw = decoded.decoded;
        const QByteArrayView keyBytes = QByteArrayView(raw).first(kBytes);
        const bool checksumOk = networkIdFor(keyBytes).first(kChecksumBytes) ==
                                QByteArrayView(raw).last(kChecksumBytes);
        auto key = fromBytes(keyBytes);
        crypto::wipe(raw.data(), std::size_t(raw.size()));
        if (!checksumOk) {
            return R::failure(QStringLiteral("the network key's checksum does not match: it was "
                                             "mistyped or damaged"));
        }
        return key;
    }
    if (text.size() == 2 * kBytes) {
        auto raw = Hex::decode(text.toString().toLower(), kBytes);
        if (!raw) {
            return R::failure(QStringLiteral("a network key in hex has 64 hex digits (0-9, a-f)"));
        }
        auto key = fromBytes(*raw);
        crypto::wipe(raw->data(), std::size_t(raw->size()));
        return key;
    }
    return R::failure(QStringLiteral("not a network key: expected '%1' followed by %2 characters, "
                                     "or 64 hex digits")
                          .arg(prefix)
                          .arg(kTextPayloadChars));
}

QString NetworkKey::toText() const {
    QByteArray raw = m_key.view().toByteArray() + networkId().first(kChecksumBytes);
    QByteArray encoded =
        raw.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals);
    const QString text = QLatin1String(kTextPrefix) + QString::fromLatin1(encoded);
    crypto::wipe(raw.data(), std::size_t(raw.size()));
    crypto::wipe(encoded.data(), std::size_t(encoded.size()));
    return text;
}

QString NetworkKey::toHex() const {
    QByteArray hex = m_key.view().toByteArray().toHex();
    const QString text = QString::fromLatin1(hex);
    crypto::wipe(hex.data(), std::size_t(hex.size()));
    return text;
}

QString NetworkKey::networkIdHex() const {
    return Hex::encode(networkId());
}

Status NetworkKey::save(const QString &path, QByteArrayView passphrase,
                        const SaveOptions &options) const {
    if (isNull()) {
        return Status::failure(QStringLiteral("there is no network key to save"));
    }
    const QJsonObject clear{{kAlgorithmKey, kAlgorithm}, {kNetworkId, networkIdHex()}};
    return SealedKeyFile::save(path, QLatin1String(kFileFormat), clear, m_key, passphrase, options);
}

Result<QByteArray> NetworkKey::readNetworkId(const QString &path) {
    auto file = SealedKeyFile::read(path, QLatin1String(kFileFormat));
    if (!file) {
        return Result<QByteArray>::failure(file.errorValue());
    }
    if (file->clearFields().value(kAlgorithmKey).toString() != kAlgorithm) {
        return Result<QByteArray>::failure(
            QStringLiteral("%1: unsupported network key algorithm").arg(path));
    }
    auto id = Hex::decode(file->clearFields().value(kNetworkId).toString(), 32);
    if (!id) {
        return Result<QByteArray>::failure(
            QStringLiteral("%1: the field 'network_id' is missing or not 64 hex digits").arg(path));
    }
    return *id;
}

Result<NetworkKey> NetworkKey::load(const QString &path, QByteArrayView passphrase) {
    using R = Result<NetworkKey>;
    auto id = readNetworkId(path);
    if (!id) {
        return R::failure(id.errorValue());
    }
    auto file = SealedKeyFile::read(path, QLatin1String(kFileFormat));
    if (!file) {
        return R::failure(file.errorValue());
    }
    auto secret = file->open(passphrase);
    if (!secret) {
        return R::failure(secret.errorValue());
    }
    auto key = fromBytes(secret->view());
    if (!key) {
        return R::failure(key.errorCode(), QStringLiteral("%1: %2").arg(path, key.error()));
    }
    if (key->networkId() != *id) {
        return R::failure(
            QStringLiteral("%1: the network ID is not the hash of the network key").arg(path));
    }
    return key;
}

Status NetworkKey::changePassphrase(const QString &path, QByteArrayView currentPassphrase,
                                    QByteArrayView newPassphrase,
                                    const crypto::Argon2id::Limits &limits) {
    auto key = load(path, currentPassphrase);
    if (!key) {
        return Status::failure(key.errorValue());
    }
    SaveOptions options;
    options.limits = limits;
    options.replaceExisting = true;
    return key->save(path, newPassphrase, options);
}

} // namespace orion::identity
