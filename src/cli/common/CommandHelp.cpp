// SPDX-License-Identifier: GPL-3.0-or-later
#include "CommandHelp.h"

#include <QRegularExpression>

namespace orion::cli {

QCommandLineOption CommandHelp::option() {
    return QCommandLineOption(QStringList{QStringLiteral("h"), QStringLiteral("help")},
                              QStringLiteral("Show this help."));
}

QString CommandHelp::text(const QCommandLineParser &parser, const QString &command) {
    // helpText() names the program by argv[0], which is often a full path.
    QString help = parser.helpText();
    static const QRegularExpression usage(QStringLiteral("^Usage: \\S+"));
    help.replace(usage, QStringLiteral("Usage: ") + command);
    return help;
}

} // namespace orion::cli
