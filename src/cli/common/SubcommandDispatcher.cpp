// SPDX-License-Identifier: GPL-3.0-or-later
#include "SubcommandDispatcher.h"

#include <QTextStream>

#include <algorithm>
#include <cstring>

namespace orion::cli {

SubcommandDispatcher::SubcommandDispatcher(const char *program, const char *synopsis,
                                           std::span<const Subcommand> commands)
    : m_program(program)
    , m_synopsis(synopsis)
    , m_commands(commands) {}

void SubcommandDispatcher::printUsage(bool toError) const {
    QTextStream out(toError ? stderr : stdout);
    int width = 0;
    for (const auto &c : m_commands) {
        width = std::max(width, int(std::strlen(c.name)));
    }
    out << "Usage: " << m_program << ' ' << m_synopsis << "\n\nCommands:\n";
    for (const auto &c : m_commands) {
        out << "  " << QString::fromLatin1(c.name).leftJustified(width + 4) << c.summary << '\n';
    }
    out << "\nRun '" << m_program << " <command> --help' for the options of a command.\n";
}

int SubcommandDispatcher::dispatch(const QStringList &args) const {
    if (args.size() < 2 || args[1] == u"--help" || args[1] == u"-h" || args[1] == u"help") {
        printUsage(args.size() < 2);
        return args.size() < 2 ? 2 : 0;
    }
    if (args[1] == u"--version") {
        QTextStream(stdout) << m_program << ' ' << ORION_VERSION << '\n';
        return 0;
    }
    for (const auto &c : m_commands) {
        if (args[1] == QLatin1String(c.name)) {
            QStringList rest = args.mid(2);
            rest.prepend(QLatin1String(m_program) + u' ' + args[1]);
            return c.run(rest);
        }
    }
    QTextStream(stderr) << m_program << ": unknown command '" << args[1] << "'\n";
    printUsage(true);
    return 2;
}

} // namespace orion::cli
