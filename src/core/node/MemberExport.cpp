// SPDX-License-Identifier: GPL-3.0-or-later
#include "node/MemberExport.h"

#include "identity/NetworkKey.h"
#include "node/MemberAddress.h"
#include "node/Settings.h"
#include "node/SettingsKeys.h"

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
    // The address and port the node will use, so that the file can be dialled; none is
    // refused here rather than written as a file nobody can use.
    const QHostAddress listen(settings.text(keys::kListenAddress).trimmed());
    auto addresses =
        MemberAddress::choose(overrides.addresses.value_or(settings.addresses()),
                              listen.isNull() ? QHostAddress(QHostAddress::Any) : listen);
    if (!addresses) {
        return R::failure(addresses.errorCode(), addresses.error());
    }
    const quint16 port = overrides.port.value_or(settings.port());
    if (port == 0) {
        return R::failure(ErrorCode::InvalidArgument,
                          QStringLiteral("the profile's port is 0 (any free port at each start), "
                                         "which nobody can dial; give --port N"));
    }
    auto networkId = identity::NetworkKey::readNetworkId(profile.networkKeyPath());
    if (!networkId) {
        return R::failure(networkId.error());
    }
    auto identity = identity::NodeIdentity::load(profile.identityPath(), passphrase);
    if (!identity) {
        return R::failure(identity.error());
    }
    return sign(*identity, *networkId, addresses->addresses, port);
}

} // namespace orion::node
