// SPDX-License-Identifier: GPL-3.0-or-later
#include "CtlContext.h"

#include "CommandHelp.h"
#include "node/Profile.h"
#include "portal/PortalServer.h"

#include <QJsonDocument>
#include <cstdio>
#include <cstdlib>

namespace orion::cli {

CtlContext::CtlContext()
    : out(stdout)
    , err(stderr)
    , m_profileOption(QStringLiteral("profile"), QStringLiteral("Profile directory of the node."),
                      QStringLiteral("DIR"))
    , m_socketOption(
          QStringLiteral("socket"),
          QStringLiteral("Portal socket path (overrides the one derived from the profile)."),
          QStringLiteral("PATH"))
    , m_jsonOption(QStringLiteral("json"),
                   QStringLiteral("Machine-readable output (one JSON object)."))
    , m_verboseOption(QStringLiteral("verbose"),
                      QStringLiteral("Add the technical detail (error codes, the node's own "
                                     "words) to what goes wrong.")) {}

void CtlContext::addCommonOptions(QCommandLineParser &parser) {
    parser.addOption(CommandHelp::option());
    parser.addOption(m_profileOption);
    parser.addOption(m_socketOption);
    parser.addOption(m_jsonOption);
    parser.addOption(m_verboseOption);
}

void CtlContext::parse(QCommandLineParser &parser, const QStringList &args, int minPositional,
                       int maxPositional) {
    const QString command = args.value(0);
    if (!parser.parse(args)) {
        err << command << ": " << parser.errorText() << "\n"
            << "Run '" << command << " --help' for the options.\n";
        err.flush();
        std::exit(2);
    }
    if (parser.isSet(QStringLiteral("help"))) {
        out << CommandHelp::text(parser, command);
        out.flush();
        std::exit(0);
    }
    const int count = int(parser.positionalArguments().size());
    if (count < minPositional || (maxPositional >= 0 && count > maxPositional)) {
        err << command << ": wrong number of arguments\n\n" << CommandHelp::text(parser, command);
        err.flush();
        std::exit(2);
    }
    m_json = parser.isSet(m_jsonOption);
    m_verbose = parser.isSet(m_verboseOption);
    if (parser.isSet(m_socketOption)) {
        m_socketPath = parser.value(m_socketOption);
    } else {
        const QString profile = parser.isSet(m_profileOption) ? parser.value(m_profileOption)
                                                              : node::Profile::defaultDirectory();
        m_socketPath = portal::PortalServer::socketPathFor(profile);
    }
}

bool CtlContext::connect() {
    const auto status = m_client.connectToNode(m_socketPath);
    if (!status) {
        err << "orionctl: " << status.error() << "\n";
        err.flush();
        return false;
    }
    auto hello = m_client.request(
        QStringLiteral("hello"),
        {{QStringLiteral("version"), 1}, {QStringLiteral("client"), QStringLiteral("orionctl")}});
    if (!hello) {
        err << "orionctl: the node refused the handshake: " << hello.error() << "\n";
        err.flush();
        return false;
    }
    return true;
}

int CtlContext::fail(const QString &what, const QString &reason) {
    err << "orionctl: " << what << ": " << reason;
    if (!m_client.lastErrorCode().isEmpty()) {
        err << " (" << m_client.lastErrorCode() << ")";
    }
    err << "\n";
    err.flush();
    return 1;
}

int CtlContext::failPlain(const QString &what, const QString &sentence, const QString &detail) {
    err << "orionctl " << what << ": " << sentence << "\n";
    if (m_verbose) {
        err << "  detail: " << detail;
        if (!m_client.lastErrorCode().isEmpty()) {
            err << " (" << m_client.lastErrorCode();
            if (!m_client.lastErrorReason().isEmpty()) {
                err << ", " << m_client.lastErrorReason();
            }
            err << ")";
        }
        err << "\n";
    }
    err.flush();
    return 1;
}

void CtlContext::printJson(const QJsonObject &object) {
    out << QJsonDocument(object).toJson(QJsonDocument::Compact) << "\n";
    out.flush();
}

} // namespace orion::cli
