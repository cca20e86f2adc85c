// SPDX-License-Identifier: GPL-3.0-or-later
// CtlContext: what every orionctl command shares — the options common to all commands,
// the connection to the node's portal, and output helpers. Main thread of orionctl.
#pragma once

#include "portal/PortalClient.h"

#include <QCommandLineParser>
#include <QJsonObject>
#include <QString>
#include <QTextStream>

namespace orion::cli {

class CtlContext {
public:
    CtlContext();

    // Adds --help, --profile, --socket, --json and --verbose to a command's parser.
    void addCommonOptions(QCommandLineParser &parser);
    // Parses args (exits with usage on error or --help) and reads the common options.
    // args[0] is the command ("orionctl status"); its help names it so.
    void parse(QCommandLineParser &parser, const QStringList &args, int minPositional,
               int maxPositional);

    // Connects to the node of the chosen profile; prints the reason and returns false when
    // it is not reachable.
    bool connect();
    portal::PortalClient &client() { return m_client; }
    bool json() const { return m_json; }
    bool verbose() const { return m_verbose; }
    QString socketPath() const { return m_socketPath; }

    // Prints the reason of a failed request on stderr; returns the exit status to use.
    int fail(const QString &what, const QString &reason);
    // The same for a failure put in the user's words: `sentence` always, the node's own
    // `detail` and the error code only with --verbose.
    int failPlain(const QString &what, const QString &sentence, const QString &detail);
    void printJson(const QJsonObject &object);

    QTextStream out;
    QTextStream err;

private:
    QCommandLineOption m_profileOption;
    QCommandLineOption m_socketOption;
    QCommandLineOption m_jsonOption;
    QCommandLineOption m_verboseOption;
    portal::PortalClient m_client;
    QString m_socketPath;
    bool m_json = false;
    bool m_verbose = false;
};

} // namespace orion::cli
