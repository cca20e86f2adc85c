// SPDX-License-Identifier: GPL-3.0-or-later
// orionctl send | listen.
#include "CtlCommands.h"
#include "CtlContext.h"
#include "util/Json.h"

#include <QJsonArray>
#include <QJsonDocument>

#include <csignal>

namespace orion::cli {

namespace {

// What a failed send means, in the user's words, from the portal's typed error (its code,
// and the route error's name in "reason"); empty when there is nothing better to say than
// the node's own message.
QString sendFailure(const QString &code, const QString &reason, const QString &target,
                    const QString &service, double timeoutS) {
    const QString shortTarget = target.left(8);
    if (reason == u"no_route" || reason == u"unresolved") {
        return QStringLiteral("no node or container with the key %1… could be found: it is not "
                              "in this network, or no peer of this node leads to it")
            .arg(shortTarget);
    }
    if (reason == u"no_endpoint") {
        return service.isEmpty()
                   ? QStringLiteral("%1… is a node, not a container: say which service on it "
                                    "should get the message with --service NAME (every node "
                                    "answers \"echo\" and \"ping\")")
                         .arg(shortTarget)
                   : QStringLiteral("the node %1… has no service \"%2\" (is the program "
                                    "that listens for it running?)")
                         .arg(shortTarget, service);
    }
    if (reason == u"endpoint_failed") {
        return QStringLiteral("the container %1… took the message but failed while handling "
                              "it; 'orionctl container logs NAME' on its node says why")
            .arg(shortTarget);
    }
    if (reason == u"refused") {
        return QStringLiteral("%1… refused the message: its allow-list does not admit this "
                              "sender or service")
            .arg(shortTarget);
    }
    if (reason == u"busy") {
        return QStringLiteral("%1… or a node on the way is too busy right now; try again in "
                              "a moment")
            .arg(shortTarget);
    }
    if (reason == u"hop_limit" || reason == u"loop") {
        return QStringLiteral("the message went from node to node without reaching %1…")
            .arg(shortTarget);
    }
    if (reason == u"timeout" || code == u"timeout") {
        return QStringLiteral("no answer from %1… within %2 s (--timeout waits longer)")
            .arg(shortTarget)
            .arg(timeoutS);
    }
    return {};
}

} // namespace

QJsonValue parseBody(const QString &text) {
    // Any JSON value (also a bare number, string or literal) counts as JSON; anything
    // else is sent as a string.
    return util::Json::parseValue(text.toUtf8()).value_or(QJsonValue(text));
}

int sendCommand(const QStringList &args) {
    CtlContext ctx;
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Sends BODY to TARGET (a node ID or container key, 40 hex digits). BODY is sent as JSON "
        "when it parses as JSON, otherwise as a string. Waits until the target's node confirms "
        "delivery and prints the message ID; with --wait-reply waits for the reply and prints it "
        "as one JSON line; with --no-wait prints the ID as soon as the local node took the "
        "message. A message that cannot be delivered is an error (exit status 1)."));
    ctx.addCommonOptions(parser);
    const QCommandLineOption serviceOption(
        {QStringLiteral("s"), QStringLiteral("service")},
        QStringLiteral("Service at the target (for nodes; containers need none)."),
        QStringLiteral("NAME"));
    const QCommandLineOption waitOption(QStringLiteral("wait-reply"),
                                        QStringLiteral("Wait for the reply and print it."));
    const QCommandLineOption noWaitOption(
        QStringLiteral("no-wait"),
        QStringLiteral("Do not wait for the delivery receipt; failures are not reported."));
    const QCommandLineOption timeoutOption(
        QStringLiteral("timeout"),
        QStringLiteral("Seconds to wait for the receipt or the reply (default 10)."),
        QStringLiteral("SECONDS"), QStringLiteral("10"));
    parser.addOption(serviceOption);
    parser.addOption(waitOption);
    parser.addOption(noWaitOption);
    parser.addOption(timeoutOption);
    parser.addPositionalArgument(QStringLiteral("target"),
                                 QStringLiteral("Target key (40 hex digits)"));
    parser.addPositionalArgument(QStringLiteral("body"), QStringLiteral("Message body"));
    ctx.parse(parser, args, 2, 2);

    bool ok = false;
    const double timeoutS = parser.value(timeoutOption).toDouble(&ok);
    if (!ok || timeoutS <= 0 || timeoutS > 600) {
        ctx.err << "orionctl send: --timeout must be a number of seconds between 0 and 600\n";
        return 2;
    }
    if (!ctx.connect()) {
        return 1;
    }
    const bool wait = parser.isSet(waitOption);
    if (wait && parser.isSet(noWaitOption)) {
        ctx.err << "orionctl send: --wait-reply and --no-wait exclude each other\n";
        return 2;
    }
    const bool waitDelivery = !wait && !parser.isSet(noWaitOption);
    const int timeoutMs = int(timeoutS * 1000);
    QJsonObject request{{QStringLiteral("target"), parser.positionalArguments().at(0)},
                        {QStringLiteral("body"), parseBody(parser.positionalArguments().at(1))},
                        {QStringLiteral("wait_reply"), wait},
                        {QStringLiteral("wait_delivery"), waitDelivery},
                        {QStringLiteral("timeout_ms"), timeoutMs}};
    if (parser.isSet(serviceOption)) {
        request.insert(QStringLiteral("service"), parser.value(serviceOption));
    }
    // The node answers a waiting send itself when its time-out passes; give it a moment more.
    auto reply = ctx.client().request(QStringLiteral("send"), request,
                                      wait || waitDelivery ? timeoutMs + 5000 : 30000);
    if (!reply) {
        const QString plain =
            sendFailure(ctx.client().lastErrorCode(), ctx.client().lastErrorReason(),
                        parser.positionalArguments().at(0), parser.value(serviceOption), timeoutS);
        return plain.isEmpty() ? ctx.fail(QStringLiteral("send"), reply.error())
                               : ctx.failPlain(QStringLiteral("send"), plain, reply.error());
    }
    if (wait) {
        ctx.printJson(reply->value(QStringLiteral("reply")).toObject());
        return 0;
    }
    if (ctx.json()) {
        ctx.printJson(*reply);
    } else {
        ctx.out << reply->value(QStringLiteral("message_id")).toString() << "\n";
    }
    return 0;
}

int listenCommand(const QStringList &args) {
    CtlContext ctx;
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Registers SERVICE on the node and prints every message that arrives for it as one JSON "
        "line (source, target, service, body, message_id), until interrupted."));
    ctx.addCommonOptions(parser);
    const QCommandLineOption countOption(
        QStringLiteral("count"), QStringLiteral("Exit after N messages."), QStringLiteral("N"));
    parser.addOption(countOption);
    parser.addPositionalArgument(QStringLiteral("service"), QStringLiteral("Service name"));
    ctx.parse(parser, args, 1, 1);
    const int limit = parser.isSet(countOption) ? parser.value(countOption).toInt() : -1;
    if (!ctx.connect()) {
        return 1;
    }
    const QString service = parser.positionalArguments().at(0);
    auto reg =
        ctx.client().request(QStringLiteral("register"), {{QStringLiteral("service"), service}});
    if (!reg) {
        return ctx.fail(QStringLiteral("listen"), reg.error());
    }
    ctx.err << "listening for '" << service << "' on node "
            << reg->value(QStringLiteral("node_id")).toString() << "\n";
    ctx.err.flush();
    int received = 0;
    while (limit < 0 || received < limit) {
        const auto event = ctx.client().waitForEvent(-1);
        if (!event) {
            ctx.err << "orionctl listen: the node closed the connection\n";
            return 1;
        }
        if (event->value(QStringLiteral("event")).toString() != u"message") {
            continue;
        }
        QJsonObject line = *event;
        line.remove(QStringLiteral("event"));
        ctx.printJson(line);
        ++received;
    }
    return 0;
}

} // namespace orion::cli
