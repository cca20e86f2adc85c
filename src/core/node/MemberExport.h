// SPDX-License-Identifier: GPL-3.0-or-later
// MemberExport: this node's signed member record, made from its profile (identity, network
// ID, published addresses and port) for orion-node export-member and profile setup.
// Stateless; any thread.
#pragma once

#include "identity/MemberRecord.h"
#include "identity/NodeIdentity.h"
#include "node/Profile.h"
#include "util/Result.h"

#include <QByteArrayView>
#include <QStringList>

#include <optional>

namespace orion::node {

class MemberExport {
public:
    // What to publish instead of the profile's settings (network/addresses, network/port).
    struct Overrides {
        std::optional<QStringList> addresses;
        std::optional<quint16> port;
    };

    static identity::MemberRecord sign(const identity::NodeIdentity &identity,
                                       const QByteArray &networkId, const QStringList &addresses,
                                       quint16 port);
    // Unlocks the identity with `passphrase` (ignored for an unencrypted one) and signs a
    // record for the profile's network.
    static Result<identity::MemberRecord>
    fromProfile(const Profile &profile, QByteArrayView passphrase, const Overrides &overrides = {});
};

} // namespace orion::node
