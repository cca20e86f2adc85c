// SPDX-License-Identifier: GPL-3.0-or-later
// CommandHelp: the --help of one subcommand, the same in orion-node and orionctl: "Usage:"
// names the program and the command ("orionctl status"), not the binary's path, and there
// is no --help-all (Qt's options mean nothing to a user of these tools). Main thread.
#pragma once

#include <QCommandLineOption>
#include <QCommandLineParser>
#include <QString>

namespace orion::cli {

class CommandHelp {
public:
    // -h, --help.
    static QCommandLineOption option();
    // The parser's help with "Usage: <command>", where `command` is "<program> <name>".
    static QString text(const QCommandLineParser &parser, const QString &command);
};

} // namespace orion::cli
