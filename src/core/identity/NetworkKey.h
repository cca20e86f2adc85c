// SPDX-License-Identifier: GPL-3.0-or-later
// NetworkKey: the 32-byte secret that defines a network (the handshake capability), its
// text forms and its public network ID (BLAKE2b-256). Move-only value; any one thread.
#pragma once

#include "crypto/SecureBuffer.h"
#include "identity/SaveOptions.h"
#include "util/Result.h"

#include <QByteArray>
#include <QString>

namespace orion::identity {

class NetworkKey {
public:
    static constexpr int kBytes = 32;
    static constexpr int kChecksumBytes = 4;
    static constexpr const char *kTextPrefix = "orion-net:";
    static constexpr const char *kFileFormat = "orion-network-key";

    NetworkKey() = default;

    static NetworkKey generate();
    static Result<NetworkKey> fromBytes(QByteArrayView bytes);
    // Accepts the text form ("orion-net:" + base64url of key || checksum) or exactly 64
    // hex digits; surrounding whitespace is ignored. Errors say what is wrong.
    static Result<NetworkKey> parse(QStringView text);
    // The public network ID of a raw key.
    static QByteArray networkIdFor(QByteArrayView key);

    bool isNull() const { return m_key.isEmpty(); }
    const crypto::SecureBuffer &bytes() const { return m_key; }
    NetworkKey clone() const;

    // "orion-net:" + unpadded base64url of (key || first 4 bytes of BLAKE2b-256(key)).
    QString toText() const;
    QString toHex() const;
    // BLAKE2b-256 of the key (32 bytes); safe to publish.
    QByteArray networkId() const { return networkIdFor(m_key.view()); }
    QString networkIdHex() const;

    // Stored like the identity: sealed with the passphrase, network ID in clear.
    Status save(const QString &path, QByteArrayView passphrase,
                const SaveOptions &options = {}) const;
    static Result<NetworkKey> load(const QString &path, QByteArrayView passphrase);
    // The clear network ID (32 bytes) of a key file, without the passphrase.
    static Result<QByteArray> readNetworkId(const QString &path);
    static Status
    changePassphrase(const QString &path, QByteArrayView currentPassphrase,
                     QByteArrayView newPassphrase,
                     const crypto::Argon2id::Limits &limits = crypto::Argon2id::Limits::moderate());

private:
    crypto::SecureBuffer m_key;
};

} // namespace orion::identity
