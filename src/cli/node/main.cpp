// SPDX-License-Identifier: GPL-3.0-or-later
// orion-node: the headless node and its maintenance commands.
#include "Commands.h"
#include "SubcommandDispatcher.h"

#include <QCoreApplication>

#include <sys/resource.h>

#include <algorithm>

using namespace orion::cli;

namespace {

const Subcommand kCommands[] = {
    {"init", "Create the node identity and join or create a network", &initCommand},
    {"id", "Print the node ID (--json: ID, public key, network ID)", &idCommand},
    {"member", "export: write this node's signed member file; import: add a peer's",
     &memberCommand},
    {"invite", "Print an invite: the network key and this node's member file in one line",
     &inviteCommand},
    {"verify-member", "Check a member file and print its node ID", &verifyMemberCommand},
    {"network-key", "Print the network key (a secret)", &networkKeyCommand},
    {"passwd", "Change the passphrase of the keys", &passwdCommand},
    {"run", "Run the node until SIGINT or SIGTERM", &runCommand},
    {"script", "Compile a NET-Script file and run main once", &scriptCommand},
    {"export-member", "", &exportMemberCommand, "member export"},
    {"add-peer", "", &addPeerCommand, "member import"},
};

// Options that every profile command takes, so they may also come before the command.
const GlobalOption kGlobals[] = {
    {"profile", true},
    {"passphrase-file", true},
};

} // namespace

namespace {

// A node holds a descriptor per connection, per SQLite file and per portal client; the
// usual soft limit of 1,024 is reached by an ordinary flood long before the hard limit.
void raiseDescriptorLimit() {
    rlimit limit{};
    if (getrlimit(RLIMIT_NOFILE, &limit) == 0 && limit.rlim_cur < limit.rlim_max) {
        limit.rlim_cur = std::min<rlim_t>(limit.rlim_max, 65536);
        setrlimit(RLIMIT_NOFILE, &limit);
    }
}

} // namespace

int main(int argc, char **argv) {
    raiseDescriptorLimit();
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("orion-node"));
    QCoreApplication::setOrganizationName(QStringLiteral("Orion"));
    QCoreApplication::setApplicationVersion(QStringLiteral(ORION_VERSION));
    return SubcommandDispatcher("orion-node", "[--profile DIR] <command> [options]", kCommands,
                                kGlobals)
        .dispatch(QCoreApplication::arguments());
}
