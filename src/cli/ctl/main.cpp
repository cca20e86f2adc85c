// SPDX-License-Identifier: GPL-3.0-or-later
// orionctl: drives a running node through its portal.
#include "CtlCommands.h"

#include <QCoreApplication>
#include <QTextStream>

#include <array>

using namespace orion::cli;

namespace {

struct CtlCommand {
    const char *name;
    const char *summary;
    int (*run)(const QStringList &args);
};

const std::array<CtlCommand, 6> kCommands{{
    {"status", "node ID, addresses, uptime, peers, traffic", &statusCommand},
    {"peers", "the routing table's contacts", &peersCommand},
    {"send", "send a message to a key (node or container)", &sendCommand},
    {"listen", "register a service and print what arrives", &listenCommand},
    {"member", "export or import member files", &memberCommand},
    {"container", "create, update, list, start, stop, remove containers; logs, data",
     &containerCommand},
}};

void printUsage(QTextStream &out) {
    out << "Usage: orionctl <command> [--profile DIR] [--json] [options]\n\nCommands:\n";
    for (const auto &c : kCommands) {
        out << "  " << QString::fromLatin1(c.name).leftJustified(12) << c.summary << '\n';
    }
    out << "\nRun 'orionctl <command> --help' for the options of a command.\n";
}

} // namespace

int main(int argc, char **argv) {
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("orion"));
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
        out << "orionctl " << ORION_VERSION << '\n';
        return 0;
    }
    for (const auto &c : kCommands) {
        if (args[1] == QLatin1String(c.name)) {
            QStringList rest = args.mid(2);
            rest.prepend(QStringLiteral("orionctl ") + args[1]);
            return c.run(rest);
        }
    }
    err << "orionctl: unknown command '" << args[1] << "'\n";
    printUsage(err);
    return 2;
}
