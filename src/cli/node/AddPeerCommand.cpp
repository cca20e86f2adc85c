// SPDX-License-Identifier: GPL-3.0-or-later
// orion-node member import (add-peer): adds a member file to the profile's bootstrap list
// (peers/). A running node picks it up at once (it watches the folder) or at its next
// bootstrap tick, and checks whether the member answers (orionctl status).
#include "CommandSupport.h"
#include "Commands.h"

#include "identity/MemberFile.h"
#include "identity/NetworkKey.h"
#include "identity/NodeIdentity.h"
#include "node/BootstrapList.h"
#include "node/Invite.h"

namespace orion::cli {

int addPeerCommand(const QStringList &args) {
    QCommandLineParser parser;
    parser.addOptions({profileOption()});
    parser.addPositionalArgument(QStringLiteral("MEMBER_FILE"),
                                 QStringLiteral("The peer's member file, or an invite (orion:…) "
                                                "to this profile's network."));
    if (auto code = parseArguments(parser, args,
                                   QStringLiteral("Add a peer to bootstrap from. Works whether the "
                                                  "node runs or not."))) {
        return *code;
    }
    if (parser.positionalArguments().size() != 1) {
        return fail(args, QStringLiteral("exactly one MEMBER_FILE expected"));
    }
    const node::Profile profile = profileFrom(parser);
    auto networkId = identity::NetworkKey::readNetworkId(profile.networkKeyPath());
    if (!networkId) {
        return fail(args, networkId.error());
    }
    const QString given = parser.positionalArguments().front();
    Result<identity::MemberRecord> record = Result<identity::MemberRecord>::failure(QString());
    if (node::Invite::isInvite(given)) {
        auto invite = node::Invite::parse(given);
        if (!invite) {
            return fail(args, invite.error());
        }
        if (invite->networkKey.networkId() != *networkId) {
            return fail(args, QStringLiteral("the invite is for another network than this "
                                             "profile's"));
        }
        record = std::move(invite->member);
    } else {
        record = identity::MemberFile::read(given);
    }
    if (!record) {
        return fail(args, record.error());
    }
    if (auto own = identity::NodeIdentity::readPublic(profile.identityPath());
        own && own->nodeId == record->nodeId) {
        return fail(args, QStringLiteral("that is this node's own member file"));
    }
    if (auto added = node::BootstrapList::add(profile, *record, *networkId); !added) {
        return fail(args, added.error());
    }
    print(QStringLiteral("added peer %1 (%2 port %3); the node dials it when it runs, and "
                         "'orionctl status' shows whether it answered")
              .arg(record->nodeId.toHex(), record->addresses.join(u','))
              .arg(record->port));
    return 0;
}

} // namespace orion::cli
