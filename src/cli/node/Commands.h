// SPDX-License-Identifier: GPL-3.0-or-later
// The subcommands of orion-node. Each lives in its own file (src/cli/node/<Name>Command.cpp)
// and receives the arguments after the subcommand name (args[0] is "orion-node <name>").
#pragma once

#include <QStringList>

namespace orion::cli {

// One line per command; the table in main.cpp lists them in this order.
int initCommand(const QStringList &args);
int idCommand(const QStringList &args);
int exportMemberCommand(const QStringList &args);
int verifyMemberCommand(const QStringList &args);
int networkKeyCommand(const QStringList &args);
int passwdCommand(const QStringList &args);
int scriptCommand(const QStringList &args);
int runCommand(const QStringList &args);
int addPeerCommand(const QStringList &args);
// member export | member import: the two above under orionctl's verbs.
int memberCommand(const QStringList &args);
int inviteCommand(const QStringList &args);

} // namespace orion::cli
