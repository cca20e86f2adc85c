// SPDX-License-Identifier: GPL-3.0-or-later
// PassphraseSource: where a command gets the passphrase: a file, an environment variable,
// or the terminal without echo, in that order of preference. Used by the main thread.
#pragma once

#include "crypto/SecureBuffer.h"
#include "util/Result.h"

#include <QString>

namespace orion::identity {

class PassphraseSource {
public:
    static constexpr const char *kEnvironmentVariable = "ORION_PASSPHRASE";
    static constexpr const char *kNewEnvironmentVariable = "ORION_NEW_PASSPHRASE";
    static constexpr std::size_t kMaxBytes = 1024;

    enum class Kind { File, Environment, Terminal, Unavailable };

    // A file given on the command line wins; then the environment variable (if set and
    // non-empty); then the terminal, when standard input is one.
    explicit PassphraseSource(const QString &file = {},
                              const char *environmentVariable = kEnvironmentVariable);

    Kind kind() const { return m_kind; }
    QString description() const;

    // An existing passphrase (one prompt on a terminal).
    Result<crypto::SecureBuffer> read(const QString &prompt) const;
    // A new passphrase: a terminal asks twice and both must match; never empty.
    Result<crypto::SecureBuffer> readNew(const QString &prompt, const QString &confirmPrompt) const;

    static bool hasTerminal();
    // The first line of the file, without its line ending.
    static Result<crypto::SecureBuffer> readFile(const QString &path);
    // Takes the passphrase out of the environment: wiped and unset once read, so a second
    // read finds nothing.
    static Result<crypto::SecureBuffer> readEnvironment(const char *name);
    // Reads a line from the controlling terminal with echo off; restores the terminal even
    // when interrupted by a signal.
    static Result<crypto::SecureBuffer> readTerminal(const QString &prompt);

private:
    Kind m_kind = Kind::Unavailable;
    QString m_file;
    const char *m_variable;
};

} // namespace orion::identity
