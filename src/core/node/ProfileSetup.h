// SPDX-License-Identifier: GPL-3.0-or-later
// ProfileSetup: creates a node's profile (identity, network key, first peer, settings,
// member file) in one step under the profile lock, or leaves it as it was; and opens an
// identity file to import. Used by the setup wizard and orion-node init. Stateless; any thread.
#pragma once

#include "crypto/SecureBuffer.h"
#include "identity/MemberRecord.h"
#include "identity/NetworkKey.h"
#include "identity/NodeIdentity.h"
#include "identity/SaveOptions.h"
#include "node/Profile.h"
#include "util/Result.h"

#include <QStringList>

#include <optional>

namespace orion::node {

class ProfileSetup {
public:
    struct Plan {
        identity::NodeIdentity identity;
        identity::NetworkKey networkKey;
        // Seals both key files; empty only with keys.unencrypted.
        crypto::SecureBuffer passphrase;
        // Argon2id limits (identity::KdfCost) and whether the keys stay unencrypted;
        // replaceExisting is ignored here, see replaceExisting below.
        identity::SaveOptions keys;
        // An identity or network key already in the profile is replaced only when the
        // user confirmed that explicitly (orion-node init --force); never by the wizard.
        bool replaceExisting = false;
        quint16 port = 0;
        // Published by the node and in the member file (network/addresses); empty: the
        // member file publishes what MemberAddress::choose picks, the node what it learns.
        QStringList addresses;
        // Where the node listens (network/listenAddress); empty: every address.
        QString listenAddress;
        // Joining: the member file of the node to dial first (stored under peers/).
        std::optional<identity::MemberRecord> firstPeer;
        // A copy of the identity file outside the profile; empty: none.
        QString backupPath;
    };

    // Writes, in this order: network.key, peers/<id>.json, settings.ini, member.json (only
    // when it can name an address and a port to dial), identity.key, the backup. identity.key comes
    // last because its presence is what marks a profile as set up. A failure at any step puts back
    // every file as it was (or removes it) and removes the folders it created (docs/identity.md).
    static Status create(const Profile &profile, const Plan &plan);

    // True when a setup would have to replace something (an identity or a network key).
    static bool isSetUp(const Profile &profile);

    // Opens an existing identity file to import it: its public part first (a file that is
    // not an identity is refused without trying the passphrase), then the secret.
    static Result<identity::NodeIdentity> importIdentity(const QString &keyFile,
                                                         QByteArrayView passphrase);
};

} // namespace orion::node
