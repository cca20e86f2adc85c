// SPDX-License-Identifier: GPL-3.0-or-later
// orionctl status | peers | member export | member import.
#include "CtlCommands.h"
#include "CtlContext.h"

#include "node/Invite.h"
#include "util/AtomicFile.h"
#include "util/Hex.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>

#include <algorithm>
#include <utility>
#include <vector>

namespace orion::cli {

namespace {

QString humanBytes(double bytes) {
    static const char *const units[] = {"B", "KiB", "MiB", "GiB", "TiB"};
    int unit = 0;
    while (bytes >= 1024 && unit < 4) {
        bytes /= 1024;
        ++unit;
    }
    return unit == 0
               ? QStringLiteral("%1 B").arg(qint64(bytes))
               : QStringLiteral("%1 %2").arg(bytes, 0, 'f', 1).arg(QLatin1String(units[unit]));
}

QString humanDuration(qint64 seconds) {
    const qint64 d = seconds / 86400, h = seconds / 3600 % 24, m = seconds / 60 % 60,
                 s = seconds % 60;
    if (d) {
        return QStringLiteral("%1d %2h %3m").arg(d).arg(h).arg(m);
    }
    if (h) {
        return QStringLiteral("%1h %2m %3s").arg(h).arg(m).arg(s);
    }
    return m ? QStringLiteral("%1m %2s").arg(m).arg(s) : QStringLiteral("%1s").arg(s);
}

QString joinStrings(const QJsonArray &array) {
    QStringList parts;
    for (const auto &v : array) {
        parts << v.toString();
    }
    return parts.join(QStringLiteral(", "));
}

// "mapped (UPnP) at 198.18.0.101:7400", "behind NAT (reached through its connections)", ...
QString reachabilityText(const QJsonObject &s) {
    const QString state = s.value(QStringLiteral("reachability")).toString();
    const QString at = joinStrings(s.value(QStringLiteral("external_addresses")).toArray());
    const QJsonObject m = s.value(QStringLiteral("port_mapping")).toObject();
    QString text;
    if (state == u"public") {
        text = QStringLiteral("public at %1").arg(at);
    } else if (state == u"mapped") {
        text = QStringLiteral("mapped (%1) at %2")
                   .arg(m.value(QStringLiteral("protocol")).toString() == u"natpmp"
                            ? QStringLiteral("NAT-PMP")
                            : QStringLiteral("UPnP"),
                        at);
    } else if (state == u"behind_nat") {
        text = QStringLiteral("behind NAT (reached through the connections it makes)");
    } else {
        text = QStringLiteral("unknown (no peer outside this network has dialled it back yet)");
    }
    if (!m.value(QStringLiteral("enabled")).toBool()) {
        return text + QStringLiteral("; port mapping off");
    }
    const QString mapState = m.value(QStringLiteral("state")).toString();
    if (mapState == u"mapped" && state != u"mapped") {
        text += QStringLiteral("; the router maps %1:%2, which no peer reached")
                    .arg(m.value(QStringLiteral("external_address")).toString())
                    .arg(m.value(QStringLiteral("external_port")).toInt());
    } else if (mapState == u"failed") {
        text += QStringLiteral("; no port mapping: %1")
                    .arg(m.value(QStringLiteral("error")).toString());
    } else if (mapState == u"requesting") {
        text += QStringLiteral("; asking the router for a port mapping…");
    }
    return text;
}

} // namespace

int statusCommand(const QStringList &args) {
    CtlContext ctx;
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Shows the node's state (the same words as the desktop app), its ID, listen addresses, "
        "uptime, peers, imported members and whether they were reached, and traffic."));
    ctx.addCommonOptions(parser);
    ctx.parse(parser, args, 0, 0);
    if (!ctx.connect()) {
        return 1;
    }
    auto status = ctx.client().request(QStringLiteral("status"));
    if (!status) {
        return ctx.fail(QStringLiteral("status"), status.error());
    }
    if (ctx.json()) {
        ctx.printJson(*status);
        return 0;
    }
    const QJsonObject &s = *status;
    // Label, value: printed in one aligned column, the state first (NodeStateWords).
    std::vector<std::pair<QString, QString>> rows;
    auto row = [&](const char *label, const QString &value) {
        rows.emplace_back(QString::fromLatin1(label), value);
    };
    row("state", s.value(QStringLiteral("state")).toString());
    row("node", s.value(QStringLiteral("node_id")).toString());
    row("network", s.value(QStringLiteral("network_id")).toString());
    row("listen", s.value(QStringLiteral("listen")).toArray().isEmpty()
                      ? QStringLiteral("(not listening)")
                      : joinStrings(s.value(QStringLiteral("listen")).toArray()));
    row("reachable", reachabilityText(s));
    row("uptime", humanDuration(qint64(s.value(QStringLiteral("uptime_s")).toDouble())));
    row("peers", QStringLiteral("%1 connected, %2 known%3")
                     .arg(s.value(QStringLiteral("connections")).toInt())
                     .arg(s.value(QStringLiteral("contacts")).toInt())
                     .arg(s.value(QStringLiteral("bootstrapped")).toBool()
                              ? QStringLiteral(" (bootstrapped)")
                              : QString()));
    for (const auto &v : s.value(QStringLiteral("member_checks")).toArray()) {
        const QJsonObject m = v.toObject();
        const QString result = m.value(QStringLiteral("result")).toString();
        QString text = QStringLiteral("%1 at %2: ")
                           .arg(m.value(QStringLiteral("node_id")).toString().left(8),
                                m.value(QStringLiteral("address")).toString());
        text += result == u"reached"    ? QStringLiteral("reached")
                : result == u"checking" ? QStringLiteral("checking…")
                                        : QStringLiteral("not reached: ") +
                                              m.value(QStringLiteral("reason")).toString();
        row("imported", text);
    }
    row("messages", QStringLiteral("%1 in, %2 out")
                        .arg(qint64(s.value(QStringLiteral("messages_in")).toDouble()))
                        .arg(qint64(s.value(QStringLiteral("messages_out")).toDouble())));
    row("traffic", QStringLiteral("%1 in, %2 out")
                       .arg(humanBytes(s.value(QStringLiteral("bytes_in")).toDouble()),
                            humanBytes(s.value(QStringLiteral("bytes_out")).toDouble())));
    row("stored", QStringLiteral("%1 provider record(s) for others")
                      .arg(s.value(QStringLiteral("provider_records")).toInt()));
    row("agent", s.value(QStringLiteral("agent")).toString());
    int width = 0;
    for (const auto &[label, value] : rows) {
        width = std::max(width, int(label.size()));
    }
    for (const auto &[label, value] : rows) {
        ctx.out << label.leftJustified(width + 2) << value << "\n";
    }
    ctx.out.flush();
    return 0;
}

int peersCommand(const QStringList &args) {
    CtlContext ctx;
    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral("Lists the contacts of the node's routing table: ID, PREFIX (how many "
                       "leading bits of its ID equal this node's; more is closer), address, "
                       "score, round-trip time and state."));
    ctx.addCommonOptions(parser);
    ctx.parse(parser, args, 0, 0);
    if (!ctx.connect()) {
        return 1;
    }
    auto peers = ctx.client().request(QStringLiteral("peers"));
    if (!peers) {
        return ctx.fail(QStringLiteral("peers"), peers.error());
    }
    if (ctx.json()) {
        ctx.printJson(*peers);
        return 0;
    }
    const QJsonArray list = peers->value(QStringLiteral("peers")).toArray();
    ctx.out << QStringLiteral("%1 %2 %3 %4 %5 %6\n")
                   .arg(QStringLiteral("NODE"), -40)
                   .arg(QStringLiteral("PREFIX"), 6)
                   .arg(QStringLiteral("ADDRESS"), -22)
                   .arg(QStringLiteral("SCORE"), 6)
                   .arg(QStringLiteral("RTT ms"), 7)
                   .arg(QStringLiteral("STATE"));
    for (const auto &value : list) {
        const QJsonObject p = value.toObject();
        const double rtt = p.value(QStringLiteral("rtt_ms")).toDouble(-1);
        ctx.out << QStringLiteral("%1 %2 %3 %4 %5 %6\n")
                       .arg(p.value(QStringLiteral("node_id")).toString(), -40)
                       .arg(p.value(QStringLiteral("distance_bits")).toInt(), 6)
                       .arg(p.value(QStringLiteral("address")).toString(), -22)
                       .arg(p.value(QStringLiteral("score")).toDouble(), 6, 'f', 2)
                       .arg(rtt < 0 ? QStringLiteral("-") : QString::number(rtt, 'f', 1), 7)
                       .arg(p.value(QStringLiteral("state")).toString());
    }
    ctx.out << list.size() << " contacts\n";
    if (!list.isEmpty()) {
        ctx.out << "PREFIX: leading bits of the contact's ID equal to this node's (more is "
                   "closer in the key space)\n";
    }
    ctx.out.flush();
    return 0;
}

int memberCommand(const QStringList &args) {
    CtlContext ctx;
    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral("export FILE: writes the running node's signed member file.\n"
                       "import FILE: verifies a member file and adds it as a bootstrap peer of the "
                       "running node, which then checks that the member answers (see status).\n"
                       "import URI: the same with the member file of an invite (orion:join?…)."));
    ctx.addCommonOptions(parser);
    const QCommandLineOption addressOption(QStringLiteral("address"),
                                           QStringLiteral("Address to publish (export)."),
                                           QStringLiteral("HOST"));
    const QCommandLineOption portOption(
        QStringLiteral("port"), QStringLiteral("Port to publish (export)."), QStringLiteral("N"));
    parser.addOption(addressOption);
    parser.addOption(portOption);
    parser.addPositionalArgument(QStringLiteral("action"), QStringLiteral("export or import"));
    parser.addPositionalArgument(QStringLiteral("file"), QStringLiteral("Member file"));
    ctx.parse(parser, args, 2, 2);
    const QString action = parser.positionalArguments().at(0);
    const QString file = parser.positionalArguments().at(1);
    if (action != u"export" && action != u"import") {
        ctx.err << "orionctl member: unknown action '" << action << "' (export or import)\n";
        return 2;
    }
    if (!ctx.connect()) {
        return 1;
    }
    if (action == u"export") {
        QJsonObject request;
        if (parser.isSet(addressOption)) {
            request.insert(QStringLiteral("address"), parser.value(addressOption));
        }
        if (parser.isSet(portOption)) {
            request.insert(QStringLiteral("port"), parser.value(portOption).toInt());
        }
        auto reply = ctx.client().request(QStringLiteral("member.export"), request);
        if (!reply) {
            return ctx.fail(QStringLiteral("member export"), reply.error());
        }
        const QByteArray bytes = QJsonDocument(reply->value(QStringLiteral("member")).toObject())
                                     .toJson(QJsonDocument::Indented);
        const auto written =
            util::AtomicFile::write(file, bytes, util::AtomicFile::Access::Readable);
        if (!written) {
            return ctx.fail(QStringLiteral("member export"), written.error());
        }
        ctx.out << "wrote " << file << "\n";
        return 0;
    }
    QJsonObject member;
    if (node::Invite::isInvite(file)) {
        // An invite: the member file inside, if the invite is for this node's network.
        auto invite = node::Invite::parse(file);
        if (!invite) {
            return ctx.fail(QStringLiteral("member import"), invite.error());
        }
        auto status = ctx.client().request(QStringLiteral("status"));
        if (!status) {
            return ctx.fail(QStringLiteral("member import"), status.error());
        }
        if (status->value(QStringLiteral("network_id")).toString() !=
            util::Hex::encode(invite->networkKey.networkId())) {
            return ctx.fail(QStringLiteral("member import"),
                            QStringLiteral("the invite is for another network than this node's "
                                           "(join it with 'orion-node init --invite URI' on a "
                                           "new profile)"));
        }
        member = invite->member.toJsonObject();
    }
    QFile in(file);
    if (member.isEmpty() && !in.open(QIODevice::ReadOnly)) {
        return ctx.fail(QStringLiteral("member import"),
                        QStringLiteral("cannot read %1: %2").arg(file, in.errorString()));
    }
    if (member.isEmpty()) {
        QJsonParseError parseError{};
        const QJsonDocument doc = QJsonDocument::fromJson(in.readAll(), &parseError);
        if (!doc.isObject()) {
            return ctx.fail(QStringLiteral("member import"),
                            QStringLiteral("%1 is not a member file (JSON: %2)")
                                .arg(file, parseError.errorString()));
        }
        member = doc.object();
    }
    auto reply =
        ctx.client().request(QStringLiteral("member.import"), {{QStringLiteral("member"), member}});
    if (!reply) {
        return ctx.fail(QStringLiteral("member import"), reply.error());
    }
    ctx.out << "imported " << reply->value(QStringLiteral("node_id")).toString()
            << "; checking whether it answers ('orionctl status' shows the result)\n";
    return 0;
}

} // namespace orion::cli
