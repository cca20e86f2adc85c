// SPDX-License-Identifier: GPL-3.0-or-later
// Helpers shared by the orion-node commands: option parsing with --help, the --profile
// and passphrase options, error reporting and terminal confirmation. Main thread only.
#pragma once

#include "crypto/Argon2id.h"
#include "crypto/SecureBuffer.h"
#include "node/Profile.h"
#include "util/Result.h"

#include <QCommandLineParser>
#include <QString>
#include <QStringList>

#include <optional>

namespace orion::cli {

// Adds --help. Returns the exit code when the command must stop now (help printed: 0,
// bad options: 2), nothing when it should run.
std::optional<int> parseArguments(QCommandLineParser &parser, const QStringList &args,
                                  const QString &description);

QCommandLineOption profileOption();
QCommandLineOption passphraseFileOption();
QCommandLineOption kdfOption();
node::Profile profileFrom(const QCommandLineParser &parser);
// --kdf moderate|interactive (moderate when absent).
Result<crypto::Argon2id::Limits> kdfLimitsFrom(const QCommandLineParser &parser);

// Prints "<command>: <message>" on stderr and returns the exit code 1.
int fail(const QStringList &args, const QString &message);
void warn(const QString &message);
void print(const QString &line);

// Asks a yes/no question on the terminal; true only for an explicit "yes".
bool confirmOnTerminal(const QString &question);

// A new passphrase under identity::PassphrasePolicy, the rule the setup wizard applies: too
// short is refused, weak is said. On a terminal it asks again (at most kNewPassphraseAttempts
// times) after one that is too short or a repeat that does not match; from a file or the
// environment variable `variable` it refuses.
inline constexpr int kNewPassphraseAttempts = 3;
Result<crypto::SecureBuffer> readNewPassphrase(const QString &file, const char *variable,
                                               const QString &prompt, const QString &confirmPrompt);

} // namespace orion::cli
