// SPDX-License-Identifier: GPL-3.0-or-later
// soak_network [--duration SECONDS | --quick] [--nodes N]: the network soak (SoakNetwork).
// Prints one JSON object on stdout and exits 0 when it passed, 1 when it failed, 2 when it
// was interrupted. Progress goes to stderr.
#include "SoakNetwork.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QJsonDocument>

#include <atomic>
#include <csignal>
#include <cstdio>
#include <sys/resource.h>

namespace {

std::atomic<bool> g_stop{false};

void onSignal(int) {
    g_stop = true;
}

} // namespace

int main(int argc, char **argv) {
    // The nodes and this process log warnings only: info lines of 50 nodes for ten minutes
    // would be most of what the soak reads.
    qputenv("QT_LOGGING_RULES", "*.info=false\n*.debug=false");
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Orion network soak (docs/performance.md)."));
    parser.addHelpOption();
    const QCommandLineOption duration(QStringLiteral("duration"),
                                      QStringLiteral("Run for SECONDS (default 600)."),
                                      QStringLiteral("SECONDS"), QStringLiteral("600"));
    const QCommandLineOption quick(QStringLiteral("quick"),
                                   QStringLiteral("A short run of 60 seconds, to try it."));
    const QCommandLineOption nodes(QStringLiteral("nodes"),
                                   QStringLiteral("Number of nodes (default 50, at least 12)."),
                                   QStringLiteral("N"), QStringLiteral("50"));
    parser.addOptions({duration, quick, nodes});
    parser.process(app);

    orion::soak::SoakNetwork::Options options;
    options.durationMs = (parser.isSet(quick) ? 60 : parser.value(duration).toLongLong()) * 1000;
    options.nodes = parser.value(nodes).toInt();
    if (options.durationMs < 30000 || options.durationMs > qint64{4} * 3600 * 1000) {
        std::fprintf(stderr, "soak_network: --duration must be 30 to 14400 seconds\n");
        return 2;
    }
    if (options.nodes < 12 || options.nodes > 200) {
        std::fprintf(stderr, "soak_network: --nodes must be 12 to 200\n");
        return 2;
    }
    // The hostile floods hold hundreds of sockets in this process.
    rlimit limit{};
    if (getrlimit(RLIMIT_NOFILE, &limit) == 0) {
        limit.rlim_cur = std::min<rlim_t>(limit.rlim_max, 16384);
        setrlimit(RLIMIT_NOFILE, &limit);
    }
    std::signal(SIGINT, onSignal);
    std::signal(SIGTERM, onSignal);
    std::signal(SIGPIPE, SIG_IGN);

    bool ok = false;
    QJsonObject report;
    {
        orion::soak::SoakNetwork soak(options);
        report = soak.run(g_stop, &ok);
    } // every node and file is gone here
    std::fprintf(stdout, "%s\n", QJsonDocument(report).toJson(QJsonDocument::Indented).constData());
    return g_stop ? 2 : ok ? 0 : 1;
}
