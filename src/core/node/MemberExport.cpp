// SPDX-License-Identifier: GPL-3.0-or-later
#include "node/MemberExport.h"

#include "identity/NetworkKey.h"
#include "node/Settings.h"

namespace orion::node {

identity::MemberRecord MemberExport::sign(const identity::NodeIdentity &identity,
                                          const QByteArray &networkId, const QStringList &addresses,
                                          quint16 port) {
    identity::MemberRecord record =
        identity::MemberRecord::create(identity, networkId, addresses, port);
    record.sign(identity);
    return record;
}

Result<identity::MemberRecord> MemberExport::fromProfile(const Profile &profile,
                                                         QByteArrayView passphrase,
                                                         const Overrides &overrides) {
    using R = Result<identity::MemberRecord>;
    if (!profile.hasIdentity()) {
        return R::failure(QStringLiteral("there is no identity in %1").arg(profile.directory()));
    }
    const Settings settings(profile);
    const QStringList addresses = overrides.addresses.value_or(settings.addresses());
    const quint16 port = overrides.port.value_or(settings.port());
    auto networkId = identity::NetworkKey::readNetworkId(profile.networkKeyPath());
    if (!networkId) {
        return R::failure(networkId.error());
    }
    auto identity = identity::NodeIdentity::load(profile.identityPath(), passphrase);
    if (!identity) {
        return R::failure(identity.error());
    }
    return sign(*identity, *networkId, addresses, port);
}

} // namespace orion::node
