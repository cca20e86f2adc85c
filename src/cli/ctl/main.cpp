// SPDX-License-Identifier: GPL-3.0-or-later
// orionctl: drives a running node through its portal.
#include "CtlCommands.h"
#include "SubcommandDispatcher.h"

#include <QCoreApplication>

using namespace orion::cli;

namespace {

const Subcommand kCommands[] = {
    {"status", "node ID, addresses, uptime, peers, traffic", &statusCommand},
    {"peers", "the routing table's contacts", &peersCommand},
    {"send", "send a message to a key (node or container)", &sendCommand},
    {"listen", "register a service and print what arrives", &listenCommand},
    {"member", "export or import member files (import: is the member reachable? see status)",
     &memberCommand},
    {"container", "create, update, list, start, stop, remove containers; logs, data",
     &containerCommand},
};

// Options every command takes, so they may also come before the command.
const GlobalOption kGlobals[] = {
    {"profile", true},
    {"socket", true},
    {"json", false},
    {"verbose", false},
};

} // namespace

int main(int argc, char **argv) {
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("orion"));
    QCoreApplication::setOrganizationName(QStringLiteral("Orion"));
    QCoreApplication::setApplicationVersion(QStringLiteral(ORION_VERSION));
    return SubcommandDispatcher("orionctl", "[--profile DIR] [--json] <command> [options]",
                                kCommands, kGlobals)
        .dispatch(QCoreApplication::arguments());
}
