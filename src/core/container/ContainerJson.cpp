// SPDX-License-Identifier: GPL-3.0-or-later
#include "container/ContainerJson.h"

#include "util/Json.h"

#include <QJsonArray>

#include <cmath>

namespace orion::container {

QJsonObject ContainerJson::info(const ContainerManager::Info &i) {
    // "running" on the wire means the container accepts messages (enabled and loaded),
    // not that an instance is executing.
    QString state;
    if (!i.loaded) {
        state = QStringLiteral("broken");
    } else {
        state = i.enabled ? QStringLiteral("running") : QStringLiteral("stopped");
    }
    QJsonObject o{{QStringLiteral("name"), i.name}, {QStringLiteral("state"), state}};
    if (!i.error.isEmpty()) {
        o.insert(QStringLiteral("error"), i.error);
    }
    if (i.key.isEmpty()) {
        return o; // a rejected definition: nothing else is known
    }
    o.insert(QStringLiteral("key"), i.key);
    o.insert(QStringLiteral("public_key"), i.publicKey);
    o.insert(QStringLiteral("version"), i.version);
    o.insert(QStringLiteral("enabled"), i.enabled);
    o.insert(QStringLiteral("allow"), i.allow.toJson());
    o.insert(QStringLiteral("limits"), i.limits.toJson());
    o.insert(QStringLiteral("queued"), i.queued);
    o.insert(QStringLiteral("queued_bytes"), double(i.queuedBytes));
    o.insert(QStringLiteral("counters"), statistics(i.statistics));
    return o;
}

QJsonObject ContainerJson::statistics(const ContainerLogRing::Statistics &s) {
    const ContainerLogRing::Counters &c = s.counts;
    return {{QStringLiteral("messages_in"), qint64(c.messagesIn)},
            {QStringLiteral("completed"), qint64(c.completed)},
            {QStringLiteral("replies"), qint64(c.replies)},
            {QStringLiteral("routes"), qint64(c.routes)},
            {QStringLiteral("errors"), qint64(c.errors)},
            {QStringLiteral("refused"), qint64(c.refused)},
            {QStringLiteral("busy"), qint64(c.busy)},
            {QStringLiteral("mean_run_us"), std::round(s.meanRunMicros * 10) / 10},
            {QStringLiteral("p99_run_us"), s.p99RunMicros}};
}

QJsonObject ContainerJson::entry(const ContainerLogRing::Entry &e) {
    return {{QStringLiteral("id"), qint64(e.id)},
            {QStringLiteral("time_ms"), e.timeMs},
            {QStringLiteral("level"), QLatin1String(ContainerLogRing::levelName(e.level))},
            {QStringLiteral("text"), e.text}};
}

QJsonObject ContainerJson::logs(const QString &name, const ContainerManager::Logs &logs) {
    QJsonArray entries;
    for (const auto &e : logs.entries) {
        entries.append(entry(e));
    }
    return {{QStringLiteral("name"), name},
            {QStringLiteral("entries"), entries},
            {QStringLiteral("last_id"), qint64(logs.lastId)},
            {QStringLiteral("counters"), statistics(logs.statistics)}};
}

QJsonObject ContainerJson::data(const ContainerManager::Data &data) {
    QJsonObject out;
    for (auto it = data.cbegin(); it != data.cend(); ++it) {
        out.insert(it.key(), storedValue(it.value()));
    }
    return out;
}

QJsonValue ContainerJson::storedValue(const QByteArray &stored) {
    return util::Json::parseValue(stored).value_or(QJsonValue(QString::fromUtf8(stored)));
}

} // namespace orion::container
