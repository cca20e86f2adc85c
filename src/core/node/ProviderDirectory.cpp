// SPDX-License-Identifier: GPL-3.0-or-later
#include "node/ProviderDirectory.h"

#include "overlay/Messages.h"
#include "routing/RoutingLog.h"

#include <algorithm>

#include <QCborArray>
#include <QDateTime>
#include <QTimer>

namespace orion::node {

using identity::Key160;
using overlay::MessageType;
using routing::ProviderRecord;

namespace {

constexpr qint64 kType = 0;
constexpr qint64 kRequestId = 1;
constexpr qint64 kPayload = 2;
constexpr int kMaxRecordsPerReply = 8;

QCborMap message(MessageType type, quint64 requestId) {
    QCborMap map;
    map.insert(kType, int(type));
    map.insert(kRequestId, qint64(requestId));
    return map;
}

} // namespace

ProviderDirectory::ProviderDirectory(const crypto::Ed25519 &host, Hooks hooks, Config config,
                                     QObject *parent)
    : QObject(parent)
    , m_host(host.clone())
    , m_hooks(std::move(hooks))
    , m_config(config) {
    m_clock.start();
    m_refreshTimer = new QTimer(this);
    connect(m_refreshTimer, &QTimer::timeout, this, &ProviderDirectory::refreshTick);
    m_refreshTimer->start(std::chrono::milliseconds(
        std::clamp<qint64>(m_config.ttlSecs * 1000 / 12, 1000, 5 * 60 * 1000)));
}

ProviderDirectory::~ProviderDirectory() = default;

qint64 ProviderDirectory::nowSecs() {
    return QDateTime::currentSecsSinceEpoch();
}

Status ProviderDirectory::accept(const ProviderRecord &record) {
    return m_store.accept(record, nowSecs());
}

void ProviderDirectory::publish(const crypto::Ed25519 &container) {
    const Key160 key = routing::NodeInfo::idForPublicKey(container.publicKey());
    const auto existing = m_own.find(key);
    const quint64 previous = existing != m_own.end() ? existing->second.record.sequence : 0;
    // Milliseconds since the epoch make a restarted host's records newer than its old ones.
    const quint64 sequence = std::max(previous + 1, quint64(QDateTime::currentMSecsSinceEpoch()));
    Own own{std::make_unique<crypto::Ed25519>(container.clone()),
            ProviderRecord::create(container, m_host, sequence, nowSecs() + m_config.ttlSecs)};
    if (auto ok = m_store.accept(own.record, nowSecs()); !ok) {
        qCWarning(routing::lcRouting) << "own provider record rejected:" << ok.error();
    }
    m_own.insert_or_assign(key, std::move(own));
    announce(key);
}

void ProviderDirectory::withdraw(const Key160 &containerKey) {
    m_own.erase(containerKey);
}

bool ProviderDirectory::isPublished(const Key160 &containerKey) const {
    return m_own.count(containerKey) > 0;
}

void ProviderDirectory::announce(const Key160 &containerKey) {
    m_hooks.lookup(containerKey, [this, containerKey](const std::vector<routing::NodeInfo> &k) {
        auto it = m_own.find(containerKey);
        if (it == m_own.end()) {
            return;
        }
        const quint64 requestId = m_nextRequestId++;
        Announce announce{containerKey, int(k.size()), 0, 0};
        m_announces.insert(requestId, announce);
        QCborMap map = message(MessageType::AddProvider, requestId);
        map.insert(kPayload, it->second.record.toCbor());
        for (const auto &node : k) {
            m_hooks.send(node, map);
        }
        if (k.empty()) {
            finishAnnounce(requestId);
            return;
        }
        QTimer::singleShot(std::chrono::milliseconds(m_config.requestTimeoutMs), this,
                           [this, requestId] { finishAnnounce(requestId); });
    });
}

void ProviderDirectory::finishAnnounce(quint64 requestId) {
    auto it = m_announces.find(requestId);
    if (it == m_announces.end()) {
        return;
    }
    const Announce a = *it;
    m_announces.erase(it);
    qCInfo(routing::lcRouting) << "provider record of" << a.key.shortHex() << "stored at" << a.acks
                               << "of" << a.sent << "nodes";
    Q_EMIT published(a.key, a.acks);
}

std::optional<ProviderRecord> ProviderDirectory::cached(const Key160 &containerKey) const {
    const qint64 now = nowSecs();
    if (auto it = m_own.find(containerKey);
        it != m_own.end() && it->second.record.expiresAt > now) {
        return it->second.record;
    }
    if (auto it = m_cache.find(containerKey);
        it != m_cache.end() && it->second > m_clock.elapsed() && it->first.expiresAt > now) {
        return it->first;
    }
    return m_store.find(containerKey, now);
}

void ProviderDirectory::resolve(const Key160 &containerKey, ResolveCallback done) {
    if (auto record = cached(containerKey)) {
        done(record);
        return;
    }
    // One lookup per key, however many ask.
    for (auto it = m_resolves.begin(); it != m_resolves.end(); ++it) {
        if (it->key == containerKey && !it->done) {
            it->callbacks.push_back(std::move(done));
            return;
        }
    }
    const quint64 requestId = m_nextRequestId++;
    Resolve r;
    r.key = containerKey;
    r.callbacks.push_back(std::move(done));
    m_resolves.insert(requestId, std::move(r));
    m_hooks.lookup(
        containerKey, [this, requestId, containerKey](const std::vector<routing::NodeInfo> &k) {
            auto it = m_resolves.find(requestId);
            if (it == m_resolves.end()) {
                return;
            }
            if (k.empty()) {
                finishResolve(requestId, std::nullopt);
                return;
            }
            it->outstanding = int(k.size());
            QCborMap map = message(MessageType::GetProviders, requestId);
            map.insert(kPayload, containerKey.toBytes());
            for (const auto &node : k) {
                m_hooks.send(node, map);
            }
            QTimer::singleShot(std::chrono::milliseconds(m_config.requestTimeoutMs), this,
                               [this, requestId] { finishResolve(requestId, std::nullopt); });
        });
}

void ProviderDirectory::finishResolve(quint64 requestId, std::optional<ProviderRecord> record) {
    auto it = m_resolves.find(requestId);
    if (it == m_resolves.end()) {
        return;
    }
    auto callbacks = std::move(it->callbacks);
    m_resolves.erase(it);
    for (auto &cb : callbacks) {
        cb(record);
    }
}

Status ProviderDirectory::handle(const routing::NodeInfo &from, int type, const QCborMap &map) {
    if (!map.value(kRequestId).isInteger()) {
        return Status::failure(QStringLiteral("type %1: request ID missing").arg(type));
    }
    const quint64 requestId = quint64(map.value(kRequestId).toInteger());
    switch (MessageType(type)) {
    case MessageType::AddProvider: {
        if (!map.value(kPayload).isMap()) {
            return Status::failure(QStringLiteral("add-provider without a record"));
        }
        auto record = ProviderRecord::fromCbor(map.value(kPayload).toMap());
        Status ok = record ? m_store.accept(*record, nowSecs()) : Status::failure(record.error());
        if (!ok) {
            qCWarning(routing::lcRouting)
                << "provider record from" << from.id.shortHex() << "rejected:" << ok.error();
            QCborMap error;
            error.insert(kType, int(MessageType::Error));
            error.insert(1, int(overlay::ErrorCode::Rejected));
            error.insert(2, type);
            error.insert(3, qint64(requestId));
            error.insert(4, QStringLiteral("provider record rejected: %1").arg(ok.error()));
            m_hooks.send(from, error);
            return {};
        }
        QCborMap reply = message(MessageType::Providers, requestId);
        reply.insert(kPayload, QCborArray{record->toCbor()});
        m_hooks.send(from, reply);
        return {};
    }
    case MessageType::GetProviders: {
        const auto key = Key160::fromBytes(map.value(kPayload).toByteArray());
        if (!key) {
            return Status::failure(QStringLiteral("get-providers without a 20-byte key"));
        }
        QCborArray records;
        if (auto record = m_store.find(*key, nowSecs())) {
            records.append(record->toCbor());
        }
        QCborMap reply = message(MessageType::Providers, requestId);
        reply.insert(kPayload, records);
        m_hooks.send(from, reply);
        return {};
    }
    case MessageType::Providers: {
        if (!map.value(kPayload).isArray()) {
            return Status::failure(QStringLiteral("providers without a record list"));
        }
        const QCborArray list = map.value(kPayload).toArray();
        if (list.size() > kMaxRecordsPerReply) {
            return Status::failure(
                QStringLiteral("providers reply with %1 records").arg(list.size()));
        }
        if (auto a = m_announces.find(requestId); a != m_announces.end()) {
            ++a->answers;
            ++a->acks;
            if (a->answers >= a->sent) {
                finishAnnounce(requestId);
            }
            return {};
        }
        auto r = m_resolves.find(requestId);
        if (r == m_resolves.end()) {
            return {}; // late answer
        }
        for (const auto &entry : list) {
            auto record = ProviderRecord::fromCbor(entry.toMap());
            if (!record || record->containerKey != r->key) {
                qCWarning(routing::lcRouting)
                    << "providers reply from" << from.id.shortHex() << "with an unusable record";
                continue;
            }
            if (auto ok = record->verify(nowSecs()); !ok) {
                qCWarning(routing::lcRouting)
                    << "provider record from" << from.id.shortHex() << "rejected:" << ok.error();
                continue;
            }
            m_cache.insert(record->containerKey, {*record, m_clock.elapsed() + m_config.cacheMs});
            finishResolve(requestId, *record);
            return {};
        }
        if (--r->outstanding <= 0) {
            finishResolve(requestId, std::nullopt);
        }
        return {};
    }
    default:
        return Status::failure(QStringLiteral("type %1 is no provider message").arg(type));
    }
}

void ProviderDirectory::refreshTick() {
    const qint64 now = nowSecs();
    m_store.expire(now);
    for (auto it = m_cache.begin(); it != m_cache.end();) {
        it = it->second <= m_clock.elapsed() ? m_cache.erase(it) : std::next(it);
    }
    std::vector<Key160> due;
    for (const auto &[key, own] : m_own) {
        if (own.record.expiresAt - now <= m_config.ttlSecs / 3) {
            due.push_back(key);
        }
    }
    for (const Key160 &key : due) {
        const crypto::Ed25519 container = m_own.at(key).key->clone();
        publish(container);
    }
}

} // namespace orion::node
