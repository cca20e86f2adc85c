// SPDX-License-Identifier: GPL-3.0-or-later
// NodeIdentity: a node's Ed25519 key pair and its node ID (BLAKE2b-160 of the public key),
// and the encrypted key file that stores it. Move-only value; use from one thread at a time.
#pragma once

#include "crypto/Ed25519.h"
#include "identity/Key160.h"
#include "identity/PublicIdentity.h"
#include "identity/SaveOptions.h"
#include "util/Result.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QString>

namespace orion::identity {

class NodeIdentity {
public:
    static constexpr const char *kFileFormat = "orion-identity";
    static constexpr const char *kAlgorithm = "ed25519";

    NodeIdentity() = default;

    static NodeIdentity generate();
    static NodeIdentity fromKeyPair(crypto::Ed25519 keyPair);
    static Result<NodeIdentity> fromSeed(QByteArrayView seed);
    // The node ID of any Ed25519 public key.
    static Key160 nodeIdFor(QByteArrayView publicKey);

    bool isNull() const { return m_keyPair.isNull(); }
    const Key160 &nodeId() const { return m_nodeId; }
    const QByteArray &publicKey() const { return m_keyPair.publicKey(); }
    const crypto::Ed25519 &keyPair() const { return m_keyPair; }
    QByteArray sign(QByteArrayView message) const { return m_keyPair.sign(message); }
    NodeIdentity clone() const;

    // Writes the key file (see docs/identity.md). Refuses to replace an existing file
    // unless options.replaceExisting.
    Status save(const QString &path, QByteArrayView passphrase,
                const SaveOptions &options = {}) const;
    // Unlocks a key file. Reading never modifies the file.
    static Result<NodeIdentity> load(const QString &path, QByteArrayView passphrase);
    // The clear public parts, without the passphrase; checks they agree with each other.
    static Result<PublicIdentity> readPublic(const QString &path);
    // Re-encrypts the key file under a new passphrase (atomic replace).
    static Status
    changePassphrase(const QString &path, QByteArrayView currentPassphrase,
                     QByteArrayView newPassphrase,
                     const crypto::Argon2id::Limits &limits = crypto::Argon2id::Limits::moderate());

private:
    crypto::Ed25519 m_keyPair;
    Key160 m_nodeId;
};

} // namespace orion::identity
