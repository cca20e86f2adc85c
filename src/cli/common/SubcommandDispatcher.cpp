// SPDX-License-Identifier: GPL-3.0-or-later
#include "SubcommandDispatcher.h"

#include <QTextStream>

#include <algorithm>
#include <cstring>

namespace orion::cli {

SubcommandDispatcher::SubcommandDispatcher(const char *program, const char *synopsis,
                                           std::span<const Subcommand> commands,
                                           std::span<const GlobalOption> globals)
    : m_program(program)
    , m_synopsis(synopsis)
    , m_commands(commands)
    , m_globals(globals) {}

void SubcommandDispatcher::printUsage(bool toError) const {
    QTextStream out(toError ? stderr : stdout);
    int width = 0;
    for (const auto &c : m_commands) {
        width = std::max(width, int(std::strlen(c.name)));
    }
    out << "Usage: " << m_program << ' ' << m_synopsis << "\n\nCommands:\n";
    for (const auto &c : m_commands) {
        if (!c.aliasOf) {
            out << "  " << QString::fromLatin1(c.name).leftJustified(width + 4) << c.summary
                << '\n';
        }
    }
    bool aliases = false;
    for (const auto &c : m_commands) {
        if (c.aliasOf) {
            if (!aliases) {
                out << "\nOlder names, still accepted:\n";
                aliases = true;
            }
            out << "  " << QString::fromLatin1(c.name).leftJustified(width + 4) << "same as '"
                << c.aliasOf << "'\n";
        }
    }
    if (!m_globals.empty()) {
        QStringList names;
        for (const auto &g : m_globals) {
            names << QStringLiteral("--") + QLatin1String(g.name);
        }
        out << "\nGlobal options (" << names.join(QStringLiteral(", "))
            << ") may come before or after the command.\n";
    }
    out << "\nRun '" << m_program << " <command> --help' for the options of a command.\n";
}

const GlobalOption *SubcommandDispatcher::global(const QString &argument) const {
    if (!argument.startsWith(u"--")) {
        return nullptr;
    }
    const QString name = argument.mid(2).section(u'=', 0, 0);
    for (const auto &g : m_globals) {
        if (name == QLatin1String(g.name)) {
            return &g;
        }
    }
    return nullptr;
}

int SubcommandDispatcher::dispatch(const QStringList &args) const {
    // Global options before the command move to the end of its arguments, where the
    // command's parser reads them like its own (and an action word such as "member export"
    // stays first).
    QStringList globals;
    qsizetype i = 1;
    while (i < args.size()) {
        const GlobalOption *g = global(args[i]);
        if (!g) {
            break;
        }
        globals << args[i];
        if (g->takesValue && !args[i].contains(u'=')) {
            if (i + 1 >= args.size()) {
                QTextStream(stderr) << m_program << ": " << args[i] << " needs a value\n";
                return 2;
            }
            globals << args[i + 1];
            ++i;
        }
        ++i;
    }
    if (i >= args.size() || args[i] == u"--help" || args[i] == u"-h" || args[i] == u"help") {
        const bool missing = i >= args.size();
        printUsage(missing);
        return missing ? 2 : 0;
    }
    if (args[i] == u"--version") {
        QTextStream(stdout) << m_program << ' ' << ORION_VERSION << '\n';
        return 0;
    }
    for (const auto &c : m_commands) {
        if (args[i] == QLatin1String(c.name)) {
            QStringList rest = args.mid(i + 1);
            const qsizetype end = rest.indexOf(QStringLiteral("--")); // positionals follow
            for (qsizetype g = 0; g < globals.size(); ++g) {
                rest.insert(end < 0 ? rest.size() : end + g, globals[g]);
            }
            rest.prepend(QLatin1String(m_program) + u' ' + args[i]);
            return c.run(rest);
        }
    }
    QTextStream(stderr) << m_program << ": unknown command '" << args[i] << "'\n";
    printUsage(true);
    return 2;
}

} // namespace orion::cli
