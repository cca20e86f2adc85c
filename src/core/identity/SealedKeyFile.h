// SPDX-License-Identifier: GPL-3.0-or-later
// SealedKeyFile: the on-disk form shared by the identity and the network key: clear public
// fields, a secret sealed with Argon2id + XChaCha20-Poly1305, and a damage checksum.
// A parsed file is a value; any thread.
#pragma once

#include "crypto/Argon2id.h"
#include "crypto/SecureBuffer.h"
#include "identity/SaveOptions.h"
#include "util/Result.h"

#include <QByteArray>
#include <QJsonObject>
#include <QString>

namespace orion::identity {

class SealedKeyFile {
public:
    static constexpr int kVersion = 1;
    static constexpr const char *kNoProtection = "none";

    // Parses and checks the structure and checksum of a key file of the given format
    // ("orion-identity", "orion-network-key"). Reads no secret and needs no passphrase.
    static Result<SealedKeyFile> read(const QString &path, const QString &format);
    static Result<SealedKeyFile> parse(QByteArrayView bytes, const QString &format,
                                       const QString &label);

    // Encodes a key file. `clearFields` become top-level members (public parts, shown
    // without the passphrase); they are bound to the ciphertext as associated data.
    static Result<QByteArray> encode(const QString &format, const QJsonObject &clearFields,
                                     const crypto::SecureBuffer &secret, QByteArrayView passphrase,
                                     const SaveOptions &options);

    // encode() + atomic owner-only write; refuses to replace an existing file unless
    // options.replaceExisting.
    static Status save(const QString &path, const QString &format, const QJsonObject &clearFields,
                       const crypto::SecureBuffer &secret, QByteArrayView passphrase,
                       const SaveOptions &options);

    const QString &format() const { return m_format; }
    const QJsonObject &clearFields() const { return m_clear; }
    bool isEncrypted() const { return m_encrypted; }
    const crypto::Argon2id::Limits &limits() const { return m_limits; }

    // Decrypts the secret. A passphrase that does not open it gives "wrong passphrase";
    // an unencrypted file ignores the passphrase.
    Result<crypto::SecureBuffer> open(QByteArrayView passphrase) const;

private:
    static QByteArray canonical(const QJsonObject &object);
    static QByteArray associatedData(const QJsonObject &withoutSecret);

    QString m_label;
    QString m_format;
    QJsonObject m_clear;
    bool m_encrypted = false;
    crypto::Argon2id::Limits m_limits;
    QByteArray m_salt;
    QByteArray m_nonce;
    QByteArray m_ciphertext;
    crypto::SecureBuffer m_clearSecret; // only for unencrypted files
    QByteArray m_associatedData;
};

} // namespace orion::identity
