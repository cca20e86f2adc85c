// SPDX-License-Identifier: GPL-3.0-or-later
// orion-node: the headless node and its maintenance commands.
#include "Commands.h"
#include "SubcommandDispatcher.h"

#include <QCoreApplication>

using namespace orion::cli;

namespace {

const Subcommand kCommands[] = {
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

} // namespace

int main(int argc, char **argv) {
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("orion-node"));
    QCoreApplication::setOrganizationName(QStringLiteral("Orion"));
    QCoreApplication::setApplicationVersion(QStringLiteral(ORION_VERSION));
    return SubcommandDispatcher("orion-node", "<command> [options]", kCommands)
        .dispatch(QCoreApplication::arguments());
}
