// SPDX-License-Identifier: GPL-3.0-or-later
#include "CommandSupport.h"
#include "Commands.h"

#include "identity/MemberFile.h"
#include "identity/NodeIdentity.h"
#include "identity/PassphraseSource.h"
#include "node/MemberExport.h"

namespace orion::cli {

using namespace orion::identity;

int exportMemberCommand(const QStringList &args) {
    QCommandLineParser parser;
    const QCommandLineOption out(QStringLiteral("out"),
                                 QStringLiteral("Write the member file to FILE (or give FILE "
                                                "as the argument)."),
                                 QStringLiteral("FILE"));
    const QCommandLineOption address(QStringLiteral("address"),
                                     QStringLiteral("Address others reach this node at "
                                                    "(repeatable; default: from the settings)."),
                                     QStringLiteral("HOST"));
    const QCommandLineOption port(QStringLiteral("port"),
                                  QStringLiteral("Listening port (default: from the settings)."),
                                  QStringLiteral("N"));
    parser.addOptions({profileOption(), passphraseFileOption(), out, address, port});
    parser.addPositionalArgument(QStringLiteral("FILE"),
                                 QStringLiteral("Where to write the member file."),
                                 QStringLiteral("[FILE]"));
    if (auto exit = parseArguments(parser, args,
                                   QStringLiteral("Write this node's signed member file, which "
                                                  "other nodes import to reach it."))) {
        return *exit;
    }
    const QStringList positional = parser.positionalArguments();
    if (positional.size() > 1 || (positional.size() == 1 && parser.isSet(out))) {
        return fail(args, QStringLiteral("give the member file once: FILE or --out FILE"));
    }
    const QString outFile = positional.isEmpty() ? parser.value(out) : positional.front();
    if (outFile.isEmpty()) {
        return fail(args, QStringLiteral("where to? give FILE (or --out FILE)"));
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
        if (!ok || listenPort > 65535) {
            return fail(args, QStringLiteral("--port needs a number from 0 to 65535"));
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
    if (auto written = MemberFile::write(outFile, *record); !written) {
        return fail(args, written.error());
    }
    print(QStringLiteral("Wrote the member file of %1 to %2 (%3 port %4)")
              .arg(record->nodeId.toHex(), outFile, record->addresses.join(QStringLiteral(", ")))
              .arg(record->port));
    return 0;
}

} // namespace orion::cli
