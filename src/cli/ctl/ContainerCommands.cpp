// SPDX-License-Identifier: GPL-3.0-or-later
// orionctl container create | update | list | start | stop | remove | logs | data.
#include "CtlCommands.h"
#include "CtlContext.h"
#include "util/Json.h"

#include <QDateTime>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QThread>

namespace orion::cli {

namespace {

struct Action {
    const char *name;
    int positional; // arguments after the action: NAME, or NAME FILE
};

constexpr Action kActions[] = {
    {"create", 2}, {"update", 2}, {"list", 0}, {"start", 1},
    {"stop", 1},   {"remove", 1}, {"logs", 1}, {"data", 1},
};

constexpr int kFollowIntervalMs = 500;

QString compactJson(const QJsonValue &value) {
    return util::Json::compact(value);
}

bool readSource(CtlContext &ctx, const QString &path, QString *source) {
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly)) {
        ctx.err << "orionctl container: cannot read " << path << ": " << f.errorString() << "\n";
        return false;
    }
    *source = QString::fromUtf8(f.readAll());
    return true;
}

void printLogEntry(CtlContext &ctx, const QJsonObject &e) {
    if (ctx.json()) {
        ctx.printJson(e);
        return;
    }
    const QDateTime time =
        QDateTime::fromMSecsSinceEpoch(e.value(QStringLiteral("time_ms")).toInteger());
    ctx.out << e.value(QStringLiteral("id")).toInteger() << "  "
            << time.toString(QStringLiteral("yyyy-MM-dd HH:mm:ss.zzz")) << "  "
            << e.value(QStringLiteral("level")).toString().leftJustified(7) << " "
            << e.value(QStringLiteral("text")).toString() << "\n";
}

int list(CtlContext &ctx) {
    auto reply = ctx.client().request(QStringLiteral("container.list"));
    if (!reply) {
        return ctx.fail(QStringLiteral("container list"), reply.error());
    }
    if (ctx.json()) {
        ctx.printJson(*reply);
        return 0;
    }
    const QJsonArray containers = reply->value(QStringLiteral("containers")).toArray();
    if (containers.isEmpty()) {
        ctx.out << "no containers\n";
        return 0;
    }
    ctx.out << QStringLiteral("NAME").leftJustified(20) << QStringLiteral("STATE").leftJustified(9)
            << QStringLiteral("VER").leftJustified(5) << QStringLiteral("KEY").leftJustified(42)
            << QStringLiteral("IN").leftJustified(9) << QStringLiteral("ERRORS").leftJustified(8)
            << "REFUSED\n";
    for (const auto &v : containers) {
        const QJsonObject c = v.toObject();
        const QJsonObject counters = c.value(QStringLiteral("counters")).toObject();
        ctx.out << c.value(QStringLiteral("name")).toString().leftJustified(19) << ' '
                << c.value(QStringLiteral("state")).toString().leftJustified(9)
                << QString::number(c.value(QStringLiteral("version")).toInteger()).leftJustified(5)
                << c.value(QStringLiteral("key")).toString().leftJustified(42)
                << QString::number(counters.value(QStringLiteral("messages_in")).toInteger())
                       .leftJustified(9)
                << QString::number(counters.value(QStringLiteral("errors")).toInteger())
                       .leftJustified(8)
                << counters.value(QStringLiteral("refused")).toInteger() << "\n";
        if (c.contains(QStringLiteral("error"))) {
            ctx.out << "    " << c.value(QStringLiteral("error")).toString() << "\n";
        }
    }
    return 0;
}

int logs(CtlContext &ctx, const QString &name, qint64 since, bool follow) {
    for (;;) {
        auto reply = ctx.client().request(
            QStringLiteral("container.logs"),
            {{QStringLiteral("name"), name}, {QStringLiteral("since"), since}});
        if (!reply) {
            return ctx.fail(QStringLiteral("container logs"), reply.error());
        }
        for (const auto &e : reply->value(QStringLiteral("entries")).toArray()) {
            printLogEntry(ctx, e.toObject());
        }
        ctx.out.flush();
        since = std::max(since, reply->value(QStringLiteral("last_id")).toInteger());
        if (!follow) {
            return 0;
        }
        QThread::msleep(kFollowIntervalMs);
    }
}

int data(CtlContext &ctx, const QString &name) {
    auto reply =
        ctx.client().request(QStringLiteral("container.data"), {{QStringLiteral("name"), name}});
    if (!reply) {
        return ctx.fail(QStringLiteral("container data"), reply.error());
    }
    const QJsonObject values = reply->value(QStringLiteral("data")).toObject();
    if (ctx.json()) {
        ctx.printJson(values);
        return 0;
    }
    for (auto it = values.begin(); it != values.end(); ++it) {
        ctx.out << it.key() << " = " << compactJson(it.value()) << "\n";
    }
    return 0;
}

} // namespace

int containerCommand(const QStringList &args) {
    CtlContext ctx;
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Manages the node's containers:\n"
        "  create NAME FILE.ns [--allow KEY|SERVICE ...]  deploy a new container, print its key\n"
        "  update NAME FILE.ns   deploy a new version (running instances finish on the old one)\n"
        "  list                  every container with its state, version, key and counters\n"
        "  start NAME | stop NAME\n"
        "  remove NAME           delete the container, its key and its stored data\n"
        "  logs NAME [--follow]  the container's log (script logs, errors, refusals)\n"
        "  data NAME             the container's stored keys and values"));
    ctx.addCommonOptions(parser);
    const QCommandLineOption allowOption(
        QStringLiteral("allow"),
        QStringLiteral("create: admit this sender key (40 hex) or service; repeatable. Without "
                       "it anyone in the network may send."),
        QStringLiteral("KEY|SERVICE"));
    const QCommandLineOption followOption(QStringLiteral("follow"),
                                          QStringLiteral("logs: keep printing new entries."));
    const QCommandLineOption sinceOption(QStringLiteral("since"),
                                         QStringLiteral("logs: only entries after this id."),
                                         QStringLiteral("ID"), QStringLiteral("0"));
    parser.addOption(allowOption);
    parser.addOption(followOption);
    parser.addOption(sinceOption);
    parser.addPositionalArgument(QStringLiteral("action"),
                                 QStringLiteral("create, update, list, start, stop, remove, logs "
                                                "or data"));
    parser.addPositionalArgument(QStringLiteral("name"), QStringLiteral("Container name"),
                                 QStringLiteral("[NAME]"));
    parser.addPositionalArgument(QStringLiteral("file"), QStringLiteral("NET-Script program"),
                                 QStringLiteral("[FILE.ns]"));
    ctx.parse(parser, args, 1, 3);
    const QStringList pos = parser.positionalArguments();
    const QString action = pos.at(0);
    const Action *chosen = nullptr;
    for (const auto &a : kActions) {
        if (action == QLatin1String(a.name)) {
            chosen = &a;
        }
    }
    if (!chosen) {
        ctx.err << "orionctl container: unknown action '" << action
                << "' (create, update, list, start, stop, remove, logs, data)\n";
        return 2;
    }
    if (pos.size() - 1 != chosen->positional) {
        ctx.err << "orionctl container " << action << ": expects "
                << (chosen->positional == 2   ? "NAME FILE.ns"
                    : chosen->positional == 1 ? "NAME"
                                              : "no arguments")
                << "\n";
        return 2;
    }
    bool sinceOk = false;
    const qint64 since = parser.value(sinceOption).toLongLong(&sinceOk);
    if (!sinceOk || since < 0) {
        ctx.err << "orionctl container: --since must be a log entry id\n";
        return 2;
    }
    QString source;
    if (chosen->positional == 2 && !readSource(ctx, pos.at(2), &source)) {
        return 1;
    }
    if (!ctx.connect()) {
        return 1;
    }
    if (action == u"list") {
        return list(ctx);
    }
    const QString name = pos.at(1);
    if (action == u"logs") {
        return logs(ctx, name, since, parser.isSet(followOption));
    }
    if (action == u"data") {
        return data(ctx, name);
    }
    QJsonObject request{{QStringLiteral("name"), name}};
    if (chosen->positional == 2) {
        request.insert(QStringLiteral("source"), source);
    }
    if (action == u"create" && parser.isSet(allowOption)) {
        request.insert(QStringLiteral("allow"),
                       QJsonArray::fromStringList(parser.values(allowOption)));
    }
    const QString what = QStringLiteral("container ") + action;
    auto reply = ctx.client().request(QStringLiteral("container.") + action, request);
    if (!reply) {
        return ctx.fail(what, reply.error());
    }
    if (ctx.json()) {
        ctx.printJson(*reply);
    } else if (action == u"create") {
        ctx.out << reply->value(QStringLiteral("key")).toString() << "\n";
    } else if (action == u"update") {
        ctx.out << name << ": version " << reply->value(QStringLiteral("version")).toInteger()
                << "\n";
    } else if (action == u"remove") {
        ctx.out << "removed " << name << "\n";
    } else {
        ctx.out << name << ": " << reply->value(QStringLiteral("state")).toString() << "\n";
    }
    return 0;
}

} // namespace orion::cli
