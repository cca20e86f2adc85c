// SPDX-License-Identifier: GPL-3.0-or-later
#include "CommandSupport.h"

#include "identity/KdfCost.h"
#include "identity/PassphrasePolicy.h"
#include "identity/PassphraseSource.h"

#include "CommandHelp.h"

#include <QFile>
#include <QTextStream>

#include <cstdio>

namespace orion::cli {

std::optional<int> parseArguments(QCommandLineParser &parser, const QStringList &args,
                                  const QString &description) {
    parser.setApplicationDescription(description);
    const QCommandLineOption help = CommandHelp::option();
    parser.addOption(help);
    if (!parser.parse(args)) {
        QTextStream(stderr) << args.value(0) << ": " << parser.errorText() << '\n'
                            << "Run '" << args.value(0) << " --help' for the options.\n";
        return 2;
    }
    if (parser.isSet(help)) {
        QTextStream(stdout) << CommandHelp::text(parser, args.value(0));
        return 0;
    }
    return std::nullopt;
}

QCommandLineOption profileOption() {
    return QCommandLineOption(
        QStringLiteral("profile"),
        QStringLiteral("Profile directory (default: %1).").arg(node::Profile::defaultDirectory()),
        QStringLiteral("DIR"));
}

QCommandLineOption passphraseFileOption() {
    return QCommandLineOption(
        QStringLiteral("passphrase-file"),
        QStringLiteral("Read the passphrase from the first line of FILE (otherwise from "
                       "ORION_PASSPHRASE, otherwise from the terminal)."),
        QStringLiteral("FILE"));
}

QCommandLineOption kdfOption() {
    return QCommandLineOption(
        QStringLiteral("kdf"),
        QStringLiteral("Argon2id cost for the key files: 'moderate' (256 MiB) or 'interactive' "
                       "(64 MiB, for small machines). init: moderate when absent; passwd: "
                       "each file keeps its cost when absent."),
        QStringLiteral("COST"), QStringLiteral("moderate"));
}

node::Profile profileFrom(const QCommandLineParser &parser) {
    return node::Profile::fromOption(parser.value(QStringLiteral("profile")));
}

Result<crypto::Argon2id::Limits> kdfLimitsFrom(const QCommandLineParser &parser) {
    auto limits = identity::KdfCost::fromName(parser.value(QStringLiteral("kdf")));
    if (!limits) {
        return Result<crypto::Argon2id::Limits>::failure(QStringLiteral("--kdf: ") +
                                                         limits.error());
    }
    return limits;
}

int fail(const QStringList &args, const QString &message) {
    QTextStream(stderr) << args.value(0) << ": " << message << '\n';
    return 1;
}

void warn(const QString &message) {
    QTextStream(stderr) << message << '\n';
}

void print(const QString &line) {
    QTextStream(stdout) << line << '\n';
}

bool confirmOnTerminal(const QString &question) {
    QFile tty(QStringLiteral("/dev/tty"));
    if (!tty.open(QIODevice::ReadWrite)) {
        return false;
    }
    tty.write(question.toLocal8Bit() + " [type 'yes' to confirm] ");
    tty.flush();
    const QByteArray answer = tty.readLine(64).trimmed();
    return answer == "yes";
}

namespace {

using identity::PassphrasePolicy;

// The policy judges characters, so it needs the text; the copy is wiped after use.
PassphrasePolicy::Verdict judge(const crypto::SecureBuffer &passphrase) {
    QString text = QString::fromUtf8(QByteArrayView(passphrase.view()));
    const PassphrasePolicy::Verdict verdict = PassphrasePolicy::verdict(text);
    text.fill(QChar(0));
    return verdict;
}

} // namespace

Result<crypto::SecureBuffer> readNewPassphrase(const QString &file, const char *variable,
                                               const QString &prompt,
                                               const QString &confirmPrompt) {
    using R = Result<crypto::SecureBuffer>;
    const identity::PassphraseSource source(file, variable);
    if (source.kind() != identity::PassphraseSource::Kind::Terminal) {
        auto read = source.read(prompt);
        if (!read) {
            return read;
        }
        const PassphrasePolicy::Verdict verdict = judge(*read);
        if (verdict == PassphrasePolicy::Verdict::TooShort) {
            return R::failure(ErrorCode::InvalidArgument,
                              QStringLiteral("%1 (from %2)")
                                  .arg(PassphrasePolicy::advice(verdict), source.description()));
        }
        if (verdict == PassphrasePolicy::Verdict::Weak) {
            warn(QStringLiteral("warning: ") + PassphrasePolicy::advice(verdict));
        }
        return read;
    }
    for (int attempt = 1; attempt <= kNewPassphraseAttempts; ++attempt) {
        auto first = identity::PassphraseSource::readTerminal(prompt);
        if (!first) {
            return first;
        }
        const PassphrasePolicy::Verdict verdict = judge(*first);
        if (verdict == PassphrasePolicy::Verdict::TooShort) {
            warn(PassphrasePolicy::advice(verdict) + QStringLiteral("; try again."));
            continue;
        }
        if (verdict == PassphrasePolicy::Verdict::Weak) {
            warn(QStringLiteral("warning: ") + PassphrasePolicy::advice(verdict));
        }
        auto second = identity::PassphraseSource::readTerminal(confirmPrompt);
        if (!second) {
            return second;
        }
        if (!first->equals(*second)) {
            warn(QStringLiteral("The passphrases do not match; try again."));
            continue;
        }
        return first;
    }
    return R::failure(ErrorCode::InvalidArgument,
                      QStringLiteral("no usable passphrase after %1 attempts; nothing changed")
                          .arg(kNewPassphraseAttempts));
}

} // namespace orion::cli
