// SPDX-License-Identifier: GPL-3.0-or-later
// SubcommandDispatcher: the "<program> <command> [options]" front door shared by
// orion-node and orionctl — usage, --help, --version and handing the rest to a command.
// Used from main() on the main thread.
#pragma once

#include <QStringList>

#include <span>

namespace orion::cli {

struct Subcommand {
    const char *name;
    const char *summary;
    // Receives the arguments after the command name; args[0] is "<program> <name>".
    int (*run)(const QStringList &args);
};

class SubcommandDispatcher {
public:
    // `synopsis` follows "Usage: <program> " in the usage text.
    SubcommandDispatcher(const char *program, const char *synopsis,
                         std::span<const Subcommand> commands);

    // Runs the command named by args[1]; prints usage for none, help, or an unknown name.
    int dispatch(const QStringList &args) const;

private:
    void printUsage(bool toError) const;

    const char *m_program;
    const char *m_synopsis;
    std::span<const Subcommand> m_commands;
};

} // namespace orion::cli
