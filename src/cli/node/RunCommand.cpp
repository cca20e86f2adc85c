// SPDX-License-Identifier: GPL-3.0-or-later
// orion-node run: the node in the foreground until SIGINT or SIGTERM.
#include "CommandSupport.h"
#include "Commands.h"

#include "identity/NetworkKey.h"
#include "identity/NodeIdentity.h"
#include "identity/PassphraseSource.h"
#include "node/NodeRunner.h"
#include "node/ProfileLock.h"
#include "routing/Endpoint.h"

#include <QCoreApplication>
#include <QSettings>
#include <QSocketNotifier>

#include <csignal>
#include <sys/socket.h>
#include <unistd.h>

namespace orion::cli {

namespace {

int g_signalPipe[2] = {-1, -1};

// Signal handlers may only write to a pipe; the event loop reads the other end.
void onSignal(int) {
    const char c = 1;
    [[maybe_unused]] const auto n = ::write(g_signalPipe[1], &c, 1);
}

} // namespace

int runCommand(const QStringList &args) {
    QCommandLineParser parser;
    const QCommandLineOption listen(QStringLiteral("listen"),
                                    QStringLiteral("Listen on HOST:PORT (port 0 picks a free one; "
                                                   "default: the profile's settings)."),
                                    QStringLiteral("HOST:PORT"));
    const QCommandLineOption noListen(QStringLiteral("no-listen"),
                                      QStringLiteral("Accept no connections (outbound only)."));
    parser.addOptions({profileOption(), passphraseFileOption(), listen, noListen});
    if (auto code = parseArguments(parser, args,
                                   QStringLiteral("Run the node until SIGINT or SIGTERM. Prints "
                                                  "'listening on HOST:PORT' once it listens."))) {
        return *code;
    }
    const node::Profile profile = profileFrom(parser);
    if (!profile.hasIdentity()) {
        return fail(args, QStringLiteral("no identity in %1; run 'orion-node init' first")
                              .arg(profile.directory()));
    }
    auto lock = node::ProfileLock::acquire(profile);
    if (!lock) {
        return fail(args, lock.error());
    }
    auto publicIdentity = identity::NodeIdentity::readPublic(profile.identityPath());
    if (!publicIdentity) {
        return fail(args, publicIdentity.error());
    }
    crypto::SecureBuffer passphrase;
    if (publicIdentity->encrypted) {
        auto read = identity::PassphraseSource(parser.value(QStringLiteral("passphrase-file")))
                        .read(QStringLiteral("Passphrase: "));
        if (!read) {
            return fail(args, read.error());
        }
        passphrase = std::move(*read);
    }
    auto nodeIdentity = identity::NodeIdentity::load(profile.identityPath(), passphrase.view());
    if (!nodeIdentity) {
        return fail(args, nodeIdentity.error());
    }
    auto networkKey = identity::NetworkKey::load(profile.networkKeyPath(), passphrase.view());
    if (!networkKey) {
        return fail(args, networkKey.error());
    }

    auto settingsConfig = node::NodeConfig::fromSettings(*profile.settings());
    if (!settingsConfig) {
        return fail(args,
                    QStringLiteral("%1: %2").arg(profile.settingsPath(), settingsConfig.error()));
    }
    node::NodeConfig config = std::move(settingsConfig).value();
    if (parser.isSet(noListen)) {
        config.listen = false;
    } else if (parser.isSet(listen)) {
        const auto endpoint = routing::Endpoint::parse(parser.value(listen));
        if (!endpoint) {
            return fail(args, QStringLiteral("--listen needs HOST:PORT, e.g. 0.0.0.0:7400"));
        }
        config.listen = true;
        config.listenAddress = endpoint->address();
        config.listenPort = endpoint->port();
    }

    if (::socketpair(AF_UNIX, SOCK_STREAM, 0, g_signalPipe) != 0) {
        return fail(args, QStringLiteral("cannot set up signal handling"));
    }
    struct sigaction action {};
    action.sa_handler = onSignal;
    sigemptyset(&action.sa_mask);
    action.sa_flags = SA_RESTART;
    ::sigaction(SIGINT, &action, nullptr);
    ::sigaction(SIGTERM, &action, nullptr);
    QSocketNotifier notifier(g_signalPipe[0], QSocketNotifier::Read);
    QObject::connect(&notifier, &QSocketNotifier::activated, qApp, [] {
        char c = 0;
        [[maybe_unused]] const auto n = ::read(g_signalPipe[0], &c, 1);
        QCoreApplication::quit();
    });

    node::NodeRunner runner(std::make_unique<node::Node>(profile, std::move(*nodeIdentity),
                                                         std::move(*networkKey), config));
    auto started = runner.start();
    if (!started) {
        return fail(args, started.error());
    }
    if (config.listen) {
        print(QStringLiteral("listening on %1").arg(*started));
    }
    QCoreApplication::exec();
    runner.stop(); // saves the contacts and says goodbye to every peer
    return 0;
}

} // namespace orion::cli
