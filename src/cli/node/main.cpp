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
    {"export-member", "Write this node's signed member file", &exportMemberCommand},
    {"verify-member", "Check a member file and print its node ID", &verifyMemberCommand},
    {"network-key", "Print the network key (a secret)", &networkKeyCommand},
    {"passwd", "Change the passphrase of the keys", &passwdCommand},
    {"run", "Run the node until SIGINT or SIGTERM", &runCommand},
    {"add-peer", "Add a member file to bootstrap from", &addPeerCommand},
    {"script", "Compile a NET-Script file and run main once", &scriptCommand},
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
    return SubcommandDispatcher("orion-node", "<command> [options]", kCommands)
        .dispatch(QCoreApplication::arguments());
}
