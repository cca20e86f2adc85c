// SPDX-License-Identifier: GPL-3.0-or-later
// The subcommands of orionctl, each a function over its arguments (args[0] is the
// command's own name), returning the exit status.
#pragma once

#include <QJsonValue>
#include <QStringList>

namespace orion::cli {

int statusCommand(const QStringList &args);
int peersCommand(const QStringList &args);
int sendCommand(const QStringList &args);
int listenCommand(const QStringList &args);
int memberCommand(const QStringList &args);
int containerCommand(const QStringList &args);

// BODY as given on the command line: JSON when it parses as JSON, else a string.
QJsonValue parseBody(const QString &text);

} // namespace orion::cli
