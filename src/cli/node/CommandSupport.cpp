// SPDX-License-Identifier: GPL-3.0-or-later
#include "CommandSupport.h"

#include "identity/KdfCost.h"

#include <QFile>
#include <QRegularExpression>
#include <QTextStream>

#include <cstdio>

namespace orion::cli {

std::optional<int> parseArguments(QCommandLineParser &parser, const QStringList &args,
                                  const QString &description) {
    parser.setApplicationDescription(description);
    const QCommandLineOption help(QStringList{QStringLiteral("h"), QStringLiteral("help")},
                                  QStringLiteral("Show this help."));
    parser.addOption(help);
    if (!parser.parse(args)) {
        QTextStream(stderr) << args.value(0) << ": " << parser.errorText() << '\n'
                            << "Run '" << args.value(0) << " --help' for the options.\n";
        return 2;
    }
    if (parser.isSet(help)) {
        // helpText() names the program from argv[0]; show the command instead.
        QString text = parser.helpText();
        text.replace(QRegularExpression(QStringLiteral("^Usage: \\S+")),
                     QStringLiteral("Usage: ") + args.value(0));
        QTextStream(stdout) << text;
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

} // namespace orion::cli
