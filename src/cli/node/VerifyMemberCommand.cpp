// SPDX-License-Identifier: GPL-3.0-or-later
#include "CommandSupport.h"
#include "Commands.h"

#include "identity/MemberFile.h"
#include "identity/NetworkKey.h"
#include "util/Hex.h"

#include <QFileInfo>

namespace orion::cli {

using namespace orion::identity;

int verifyMemberCommand(const QStringList &args) {
    QCommandLineParser parser;
    const QCommandLineOption network(
        QStringLiteral("network-id"),
        QStringLiteral("Also require membership of the network with this ID (64 hex digits)."),
        QStringLiteral("HEX"));
    const QCommandLineOption profile(
        QStringLiteral("profile"),
        QStringLiteral("Also require membership of this profile's network."),
        QStringLiteral("DIR"));
    parser.addOptions({network, profile});
    parser.addPositionalArgument(QStringLiteral("FILE"), QStringLiteral("The member file."));
    if (auto exit = parseArguments(parser, args,
                                   QStringLiteral("Check a member file: its signature, and that "
                                                  "its node ID is the hash of its key. Prints the "
                                                  "node ID when valid."))) {
        return *exit;
    }
    if (parser.positionalArguments().size() != 1) {
        return fail(args, QStringLiteral("give exactly one member file"));
    }
    auto record = MemberFile::read(parser.positionalArguments().constFirst());
    if (!record) {
        return fail(args, record.error());
    }
    std::optional<QByteArray> expected;
    if (parser.isSet(network)) {
        expected = util::Hex::decode(parser.value(network).toLower(), 32);
        if (!expected) {
            return fail(args, QStringLiteral("--network-id needs 64 hex digits"));
        }
    } else if (parser.isSet(profile)) {
        auto id = NetworkKey::readNetworkId(node::Profile(parser.value(profile)).networkKeyPath());
        if (!id) {
            return fail(args, id.error());
        }
        expected = *id;
    }
    if (expected) {
        if (auto member = record->verifyForNetwork(*expected); !member) {
            return fail(args, member.error());
        }
    }
    print(record->nodeId.toHex());
    return 0;
}

} // namespace orion::cli
