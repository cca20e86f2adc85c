// SPDX-License-Identifier: GPL-3.0-or-later
#include "MessageLedger.h"

#include <QJsonArray>

#include <algorithm>

namespace orion::soak {

QString MessageLedger::sent(Kind kind, int from, int to) {
    QMutexLocker lock(&m_mutex);
    QString token = QStringLiteral("%1%2").arg(kind == Kind::Service ? u's' : u'c').arg(++m_next);
    Entry e;
    e.kind = kind;
    e.from = from;
    e.to = to;
    m_entries.insert(token, e);
    return token;
}

void MessageLedger::acknowledged(const QString &token, const QString &messageId, qint64 latencyMs) {
    QMutexLocker lock(&m_mutex);
    if (auto it = m_entries.find(token); it != m_entries.end()) {
        it->state = Entry::State::Acknowledged;
        it->latencyMs = latencyMs;
        it->messageId = messageId;
    }
}

void MessageLedger::failed(const QString &token, const QString &code) {
    QMutexLocker lock(&m_mutex);
    if (auto it = m_entries.find(token); it != m_entries.end()) {
        it->state = Entry::State::Failed;
        it->failure = code.isEmpty() ? QStringLiteral("unknown") : code;
    }
}

void MessageLedger::arrived(const QString &token, int at, int count, const QString &messageId) {
    QMutexLocker lock(&m_mutex);
    auto it = m_entries.find(token);
    if (it == m_entries.end()) {
        ++m_stray;
        return;
    }
    it->arrivals += count;
    it->misdelivered = it->misdelivered || at != it->to;
    if (!messageId.isEmpty()) {
        it->arrivedId = messageId;
    }
}

qint64 MessageLedger::lost() const {
    QMutexLocker lock(&m_mutex);
    qint64 n = 0;
    for (const Entry &e : m_entries) {
        n += e.state == Entry::State::Acknowledged && e.arrivals == 0 ? 1 : 0;
    }
    return n;
}

QJsonObject MessageLedger::summary() const {
    QMutexLocker lock(&m_mutex);
    struct Counts {
        qint64 sent = 0, acknowledged = 0, failed = 0, pending = 0, lost = 0, duplicated = 0,
               arrivedUnacknowledged = 0, misdelivered = 0, otherId = 0;
        QJsonObject json() const {
            return {{QStringLiteral("sent"), double(sent)},
                    {QStringLiteral("acknowledged"), double(acknowledged)},
                    {QStringLiteral("failed"), double(failed)},
                    {QStringLiteral("unanswered"), double(pending)},
                    {QStringLiteral("lost"), double(lost)},
                    {QStringLiteral("duplicated"), double(duplicated)},
                    {QStringLiteral("arrived_unacknowledged"), double(arrivedUnacknowledged)},
                    {QStringLiteral("misdelivered"), double(misdelivered)},
                    {QStringLiteral("arrived_under_another_id"), double(otherId)}};
        }
    };
    Counts all, services, containers;
    QHash<QString, qint64> failures;
    std::vector<qint64> latencies;
    QJsonArray lostSample;
    for (auto it = m_entries.constBegin(); it != m_entries.constEnd(); ++it) {
        const Entry &e = it.value();
        for (Counts *c : {&all, e.kind == Kind::Service ? &services : &containers}) {
            ++c->sent;
            c->acknowledged += e.state == Entry::State::Acknowledged ? 1 : 0;
            c->failed += e.state == Entry::State::Failed ? 1 : 0;
            c->pending += e.state == Entry::State::Pending ? 1 : 0;
            c->lost += e.state == Entry::State::Acknowledged && e.arrivals == 0 ? 1 : 0;
            c->duplicated += e.arrivals > 1 ? 1 : 0;
            c->arrivedUnacknowledged +=
                e.state != Entry::State::Acknowledged && e.arrivals > 0 ? 1 : 0;
            c->misdelivered += e.misdelivered ? 1 : 0;
            c->otherId +=
                !e.messageId.isEmpty() && !e.arrivedId.isEmpty() && e.messageId != e.arrivedId ? 1
                                                                                               : 0;
        }
        if (e.state == Entry::State::Failed) {
            ++failures[e.failure];
        }
        if (e.latencyMs >= 0) {
            latencies.push_back(e.latencyMs);
        }
        if (e.state == Entry::State::Acknowledged && e.arrivals == 0 && lostSample.size() < 20) {
            lostSample.append(QJsonObject{{QStringLiteral("token"), it.key()},
                                          {QStringLiteral("from"), e.from},
                                          {QStringLiteral("to"), e.to}});
        }
    }
    std::sort(latencies.begin(), latencies.end());
    auto percentile = [&](double p) {
        return latencies.empty() ? -1.0
                                 : double(latencies[size_t(p * double(latencies.size() - 1))]);
    };
    QJsonObject byCode;
    for (auto it = failures.constBegin(); it != failures.constEnd(); ++it) {
        byCode.insert(it.key(), double(it.value()));
    }
    QJsonObject out = all.json();
    out.insert(QStringLiteral("failed_by_code"), byCode);
    out.insert(QStringLiteral("stray_arrivals"), double(m_stray));
    out.insert(QStringLiteral("ack_latency_ms"),
               QJsonObject{{QStringLiteral("p50"), percentile(0.5)},
                           {QStringLiteral("p99"), percentile(0.99)},
                           {QStringLiteral("max"), percentile(1.0)}});
    out.insert(QStringLiteral("to_services"), services.json());
    out.insert(QStringLiteral("to_containers"), containers.json());
    out.insert(QStringLiteral("lost_sample"), lostSample);
    return out;
}

} // namespace orion::soak
