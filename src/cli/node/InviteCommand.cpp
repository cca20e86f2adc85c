// SPDX-License-Identifier: GPL-3.0-or-later
// orion-node invite: one line (an orion: URI) with the network key and this node's member
// file; `orion-node init --invite URI` or `orionctl member import URI` on the other side.
#include "CommandSupport.h"
#include "Commands.h"

#include "identity/NetworkKey.h"
#include "identity/NodeIdentity.h"
#include "identity/PassphraseSource.h"
#include "node/Invite.h"
#include "node/MemberExport.h"

namespace orion::cli {

using namespace orion::identity;

int inviteCommand(const QStringList &args) {
    QCommandLineParser parser;
    const QCommandLineOption address(QStringLiteral("address"),
                                     QStringLiteral("Address the invited node dials (repeatable; "
                                                    "default: as for 'member export')."),
                                     QStringLiteral("HOST"));
    const QCommandLineOption port(QStringLiteral("port"),
                                  QStringLiteral("Port it dials (default: from the settings)."),
                                  QStringLiteral("N"));
    parser.addOptions({profileOption(), passphraseFileOption(), address, port});
    if (auto exit = parseArguments(
            parser, args,
            QStringLiteral("Print an invite: one line holding the network key and this node's "
                           "member file. Whoever has it can join the network (it is as secret "
                           "as the key): 'orion-node init --invite URI' or 'orionctl member "
                           "import URI'."))) {
        return *exit;
    }
    const node::Profile profile = profileFrom(parser);
    if (!profile.hasIdentity()) {
        return fail(args, QStringLiteral("there is no identity in %1").arg(profile.directory()));
    }
    node::MemberExport::Overrides overrides;
    if (parser.isSet(address)) {
        overrides.addresses = parser.values(address);
    }
    if (parser.isSet(port)) {
        bool ok = false;
        const uint listenPort = parser.value(port).toUInt(&ok);
        if (!ok || listenPort == 0 || listenPort > 65535) {
            return fail(args, QStringLiteral("--port needs a number from 1 to 65535"));
        }
        overrides.port = quint16(listenPort);
    }
    auto pub = NodeIdentity::readPublic(profile.identityPath());
    if (!pub) {
        return fail(args, pub.error());
    }
    crypto::SecureBuffer passphrase;
    if (pub->encrypted) {
        auto read = PassphraseSource(parser.value(QStringLiteral("passphrase-file")))
                        .read(QStringLiteral("Passphrase: "));
        if (!read) {
            return fail(args, read.error());
        }
        passphrase = std::move(*read);
    }
    auto record = node::MemberExport::fromProfile(profile, passphrase.view(), overrides);
    if (!record) {
        return fail(args, record.error());
    }
    auto key = NetworkKey::load(profile.networkKeyPath(), passphrase.view());
    if (!key) {
        return fail(args, key.error());
    }
    node::Invite invite;
    invite.networkKey = std::move(*key);
    invite.member = std::move(*record);
    print(invite.toUri());
    warn(QStringLiteral("This invite holds the network key: give it only to nodes that may join "
                        "(it dials %1 port %2).")
             .arg(invite.member.addresses.join(QStringLiteral(", ")))
             .arg(invite.member.port));
    return 0;
}

} // namespace orion::cli
