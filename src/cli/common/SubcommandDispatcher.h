// SPDX-License-Identifier: GPL-3.0-or-later
// SubcommandDispatcher: the "<program> [global options] <command> [options]" front door
// shared by orion-node and orionctl — usage, --help, --version, global options given before
// the command, and handing the rest to a command. Used from main() on the main thread.
#pragma once

#include <QStringList>

#include <span>

namespace orion::cli {

struct Subcommand {
    const char *name;
    const char *summary;
    // Receives the arguments after the command name; args[0] is "<program> <name>".
    int (*run)(const QStringList &args);
    // Set for an older name kept working; usage lists it apart.
    const char *aliasOf = nullptr;
};

// An option every command takes, which may therefore also come before the command name
// ("orionctl --profile P status" is "orionctl status --profile P").
struct GlobalOption {
    const char *name; // without the dashes
    bool takesValue;
};

class SubcommandDispatcher {
public:
    // `synopsis` follows "Usage: <program> " in the usage text.
    SubcommandDispatcher(const char *program, const char *synopsis,
                         std::span<const Subcommand> commands,
                         std::span<const GlobalOption> globals = {});

    // Runs the command named by the first argument that is not a global option; prints
    // usage for none, help, or an unknown name.
    int dispatch(const QStringList &args) const;

private:
    void printUsage(bool toError) const;
    const GlobalOption *global(const QString &argument) const;

    const char *m_program;
    const char *m_synopsis;
    std::span<const Subcommand> m_commands;
    std::span<const GlobalOption> m_globals;
};

} // namespace orion::cli
