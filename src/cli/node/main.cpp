// SPDX-License-Identifier: GPL-3.0-or-later
// orion-node: the headless node and its maintenance commands.
#include "Commands.h"

#include <QCoreApplication>
#include <QTextStream>

#include <cstring>

using namespace orion::cli;

namespace {

// Every subcommand: {"name", "one-line summary", &function}.
const CommandInfo kCommands[] = {
    {"init", "Create the node identity and join or create a network", &initCommand},
    {"id", "Print the node ID (--json: ID, public key, network ID)", &idCommand},
    {"export-member", "Write this node's signed member file", &exportMemberCommand},
    {"verify-member", "Check a member file and print its node ID", &verifyMemberCommand},
    {"network-key", "Print the network key (a secret)", &networkKeyCommand},
    {"passwd", "Change the passphrase of the keys", &passwdCommand},
    {"run", "Run the node until SIGINT or SIGTERM", &runCommand},
    {"add-peer", "Add a member file to bootstrap from", &addPeerCommand},
    {"script", "Compile a NET-Script file and run main once", &scriptCommand},
};

void printUsage(QTextStream &out) {
    out << "Usage: orion-node <command> [options]\n\nCommands:\n";
    for (const auto &c : kCommands) {
        out << "  " << QString::fromLatin1(c.name).leftJustified(16) << c.summary << '\n';
    }
    out << "\nRun 'orion-node <command> --help' for the options of a command.\n";
}

} // namespace

int main(int argc, char **argv) {
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("orion-node"));
    QCoreApplication::setOrganizationName(QStringLiteral("Orion"));
    QCoreApplication::setApplicationVersion(QStringLiteral(ORION_VERSION));

    QTextStream out(stdout);
    QTextStream err(stderr);
    const QStringList args = QCoreApplication::arguments();
    if (args.size() < 2 || args[1] == u"--help" || args[1] == u"-h" || args[1] == u"help") {
        printUsage(args.size() < 2 ? err : out);
        return args.size() < 2 ? 2 : 0;
    }
    if (args[1] == u"--version") {
        out << "orion-node " << ORION_VERSION << '\n';
        return 0;
    }
    for (const auto &c : kCommands) {
        if (args[1] == QLatin1String(c.name)) {
            QStringList rest = args.mid(2);
            rest.prepend(QStringLiteral("orion-node ") + args[1]);
            return c.run(rest);
        }
    }
    err << "orion-node: unknown command '" << args[1] << "'\n";
    printUsage(err);
    return 2;
}
