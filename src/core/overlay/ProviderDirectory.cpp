// SPDX-License-Identifier: GPL-3.0-or-later
#include "overlay/ProviderDirectory.h"

#include "overlay/OverlayEngine.h"
#include "overlay/OverlayLog.h"

#include <algorithm>

namespace orion::overlay {

using identity::Key160;
using routing::NodeInfo;

namespace {

constexpr qint64 kRefusalLogIntervalMs = 60 * 1000;
// Peers whose last logged refusal is remembered; past it the memory starts over.
constexpr qsizetype kRefusalLogPeers = 1024;

// Removes `id` from `waiting`; false when it was not there (not asked, or answered already).
bool takeWaiting(std::vector<Key160> &waiting, const Key160 &id) {
    const auto it = std::find(waiting.begin(), waiting.end(), id);
    if (it == waiting.end()) {
        return false;
    }
    waiting.erase(it);
    return true;
}

std::vector<Key160> idsOf(const std::vector<NodeInfo> &nodes) {
    std::vector<Key160> ids;
    ids.reserve(nodes.size());
    for (const auto &node : nodes) {
        ids.push_back(node.id);
    }
    return ids;
}

} // namespace

ProviderDirectory::ProviderDirectory(const crypto::Ed25519 &hostKey, OverlayHost &host,
                                     Lookup lookup, Config config)
    : m_hostKey(hostKey.clone())
    , m_host(host)
    , m_lookup(std::move(lookup))
    , m_config(config)
    , m_store(config.store, NodeInfo::idForPublicKey(m_hostKey.publicKey())) {
    refreshTick();
}

ProviderDirectory::~ProviderDirectory() = default;

ProviderDirectory::Lookup ProviderDirectory::lookupThrough(OverlayEngine &engine) {
    return [&engine](const Key160 &key, std::function<void(const std::vector<NodeInfo> &)> done) {
        if (engine.isStopped()) {
            done({}); // a stopped engine never calls back
            return;
        }
        engine.lookup(key, [done = std::move(done)](const LookupResult &r) { done(r.closest); });
    };
}

std::function<void()> ProviderDirectory::guarded(std::function<void()> fn) {
    return [alive = std::weak_ptr<bool>(m_alive), this, fn = std::move(fn)] {
        if (alive.lock() && !m_stopped) {
            fn();
        }
    };
}

quint64 ProviderDirectory::newRequestId() {
    quint64 id = 0;
    while (id == 0 || m_resolves.count(id) > 0 || m_announces.count(id) > 0) {
        id = m_host.randomU64();
    }
    return id;
}

Status ProviderDirectory::accept(const ProviderRecord &record, const Key160 &sender) {
    return m_store.accept(record, nowSecs(), sender);
}

std::optional<ProviderRecord> ProviderDirectory::stored(const Key160 &containerKey) const {
    return m_store.find(containerKey, nowSecs());
}

// --- Publishing ----------------------------------------------------------------------

void ProviderDirectory::publish(const crypto::Ed25519 &container) {
    if (m_stopped) {
        return;
    }
    const Key160 key = NodeInfo::idForPublicKey(container.publicKey());
    const auto existing = m_own.find(key);
    const quint64 previous = existing != m_own.end() ? existing->second.record.sequence : 0;
    // Milliseconds since the epoch make a restarted host's records newer than its old ones.
    const quint64 sequence = std::max(previous + 1, quint64(m_host.wallClockMs()));
    Own own{std::make_unique<crypto::Ed25519>(container.clone()),
            ProviderRecord::create(container, m_hostKey, sequence, nowSecs() + m_config.ttlSecs)};
    if (existing != m_own.end()) {
        // A new record of the same container: what became of the old one still counts.
        own.stored = existing->second.stored;
        own.announcing = existing->second.announcing;
        own.retries = existing->second.retries;
    }
    if (auto ok = m_store.accept(own.record, nowSecs()); !ok) {
        qCWarning(lcOverlay).noquote() << "own provider record rejected:" << ok.error();
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

const crypto::Ed25519 *ProviderDirectory::ownKey(const Key160 &containerKey) const {
    const auto it = m_own.find(containerKey);
    return it == m_own.end() ? nullptr : it->second.key.get();
}

std::vector<Key160> ProviderDirectory::ownKeys() const {
    std::vector<Key160> keys;
    keys.reserve(m_own.size());
    for (const auto &entry : m_own) {
        keys.push_back(entry.first);
    }
    return keys;
}

std::optional<ProviderRecord> ProviderDirectory::ownRecord(const Key160 &containerKey) const {
    const auto it = m_own.find(containerKey);
    return it == m_own.end() ? std::nullopt : std::optional(it->second.record);
}

int ProviderDirectory::storedCount(const Key160 &containerKey) const {
    const auto it = m_own.find(containerKey);
    return it == m_own.end() ? -1 : it->second.stored;
}

void ProviderDirectory::retryUnstored() {
    if (m_stopped) {
        return;
    }
    std::vector<Key160> due;
    for (const auto &[key, own] : m_own) {
        if (own.stored == 0 && own.announcing == 0) {
            due.push_back(key);
        }
    }
    for (const Key160 &key : due) {
        m_own.at(key).retries = 0;
        announce(key);
    }
}

void ProviderDirectory::announce(const Key160 &containerKey) {
    auto own = m_own.find(containerKey);
    if (own == m_own.end()) {
        return;
    }
    ++own->second.announcing;
    own->second.retryTimer = 0; // a retry still waiting is not needed any more
    m_lookup(containerKey, [alive = std::weak_ptr<bool>(m_alive), this,
                            containerKey](const std::vector<NodeInfo> &closest) {
        if (!alive.lock() || m_stopped) {
            return;
        }
        auto it = m_own.find(containerKey);
        if (it == m_own.end()) {
            return; // withdrawn meanwhile
        }
        const quint64 requestId = newRequestId();
        m_announces.emplace(requestId,
                            Announce{containerKey, idsOf(closest), int(closest.size()), 0});
        const AddProviderMessage add{requestId, it->second.record, {}};
        for (const auto &node : closest) {
            m_host.send(node, add);
        }
        if (closest.empty()) {
            finishAnnounce(requestId);
            return;
        }
        m_host.schedule(m_config.requestTimeoutMs,
                        guarded([this, requestId] { finishAnnounce(requestId); }));
    });
}

void ProviderDirectory::finishAnnounce(quint64 requestId) {
    auto it = m_announces.find(requestId);
    if (it == m_announces.end()) {
        return;
    }
    const Announce a = std::move(it->second);
    m_announces.erase(it);
    qCInfo(lcOverlay).noquote() << "provider record of" << a.key.shortHex() << "stored at" << a.acks
                                << "of" << a.sent << "nodes";
    if (auto own = m_own.find(a.key); own != m_own.end()) {
        own->second.announcing = std::max(0, own->second.announcing - 1);
        own->second.stored = a.acks;
        if (a.acks > 0) {
            own->second.retries = 0;
        } else if (own->second.announcing == 0) {
            // Nobody has it: senders elsewhere could not find the container. Waiting for
            // the refresh (a third of the lifetime) would leave it unreachable that long.
            scheduleRetry(a.key);
        }
    }
    if (m_published) {
        m_published(a.key, a.acks);
    }
}

void ProviderDirectory::scheduleRetry(const Key160 &containerKey) {
    Own &own = m_own.at(containerKey);
    const int doublings = std::min(own.retries, 30);
    const qint64 delayMs = std::min(m_config.retryMaxMs, m_config.retryMs << doublings);
    ++own.retries;
    own.retryTimer = ++m_nextRetryTimer;
    qCInfo(lcOverlay).noquote() << "provider record of" << containerKey.shortHex()
                                << "reached no node; trying again in" << delayMs / 1000 << "s";
    m_host.schedule(delayMs, guarded([this, containerKey, timer = own.retryTimer] {
                        const auto it = m_own.find(containerKey);
                        if (it != m_own.end() && it->second.retryTimer == timer &&
                            it->second.announcing == 0) {
                            announce(containerKey);
                        }
                    }));
}

void ProviderDirectory::refreshTick() {
    if (m_stopped) {
        return;
    }
    const qint64 now = nowSecs();
    m_store.expire(now);
    const qint64 nowMs = m_host.nowMs();
    for (auto it = m_cache.begin(); it != m_cache.end();) {
        it = it->second <= nowMs ? m_cache.erase(it) : std::next(it);
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
    const qint64 intervalMs =
        std::clamp<qint64>(m_config.ttlSecs * 1000 / 12, 1000, qint64{5} * 60 * 1000);
    m_host.schedule(intervalMs, guarded([this] { refreshTick(); }));
}

// --- Resolving -----------------------------------------------------------------------

std::optional<ProviderRecord> ProviderDirectory::cached(const Key160 &containerKey) const {
    const qint64 now = nowSecs();
    if (auto it = m_own.find(containerKey);
        it != m_own.end() && it->second.record.expiresAt > now) {
        return it->second.record;
    }
    std::optional<ProviderRecord> best = m_store.find(containerKey, now);
    if (auto it = m_cache.find(containerKey);
        it != m_cache.end() && it->second > m_host.nowMs() && it->first.expiresAt > now) {
        if (!best || it->first.sequence > best->sequence) {
            best = it->first;
        }
    }
    return best;
}

ProviderRecord ProviderDirectory::remember(const ProviderRecord &record) {
    const qint64 until = m_host.nowMs() + m_config.cacheMs;
    auto it = m_cache.find(record.containerKey);
    if (it != m_cache.end() && it->second > m_host.nowMs() && it->first.expiresAt > nowSecs() &&
        it->first.sequence > record.sequence) {
        return it->first; // an answer with an older record changes nothing
    }
    m_cache.insert(record.containerKey, {record, until});
    return record;
}

void ProviderDirectory::resolve(const Key160 &containerKey, ResolveCallback done) {
    if (auto record = cached(containerKey)) {
        done(record);
        return;
    }
    if (m_stopped) {
        done(std::nullopt);
        return;
    }
    // One lookup per key, however many ask.
    for (auto &[id, r] : m_resolves) {
        if (r.key == containerKey && !r.done) {
            r.callbacks.push_back(std::move(done));
            return;
        }
    }
    const quint64 requestId = newRequestId();
    Resolve r;
    r.key = containerKey;
    r.callbacks.push_back(std::move(done));
    m_resolves.emplace(requestId, std::move(r));
    m_lookup(containerKey, [alive = std::weak_ptr<bool>(m_alive), this, requestId,
                            containerKey](const std::vector<NodeInfo> &closest) {
        if (!alive.lock() || m_stopped) {
            return;
        }
        auto it = m_resolves.find(requestId);
        if (it == m_resolves.end()) {
            return;
        }
        if (closest.empty()) {
            finishResolve(requestId);
            return;
        }
        it->second.waiting = idsOf(closest);
        const GetProvidersMessage get{requestId, containerKey};
        for (const auto &node : closest) {
            m_host.send(node, get);
        }
        m_host.schedule(m_config.requestTimeoutMs,
                        guarded([this, requestId] { finishResolve(requestId); }));
    });
}

void ProviderDirectory::finishResolve(quint64 requestId) {
    auto it = m_resolves.find(requestId);
    if (it == m_resolves.end()) {
        return;
    }
    Resolve r = std::move(it->second);
    m_resolves.erase(it);
    if (r.done) {
        return;
    }
    // Nothing valid came back: the newest record we learnt meanwhile, if any.
    const auto record = cached(r.key);
    for (auto &cb : r.callbacks) {
        cb(record);
    }
}

// --- What peers send -----------------------------------------------------------------

bool ProviderDirectory::handleMessage(const NodeInfo &from, const OverlayMessage &message) {
    if (const auto *add = std::get_if<AddProviderMessage>(&message)) {
        if (!m_stopped) {
            handleAdd(from, *add);
        }
        return true;
    }
    if (const auto *get = std::get_if<GetProvidersMessage>(&message)) {
        if (!m_stopped) {
            ProvidersMessage reply{get->requestId, {}};
            if (auto record = m_store.find(get->key, nowSecs())) {
                reply.records.push_back(std::move(*record));
            }
            m_host.send(from, std::move(reply));
        }
        return true;
    }
    if (const auto *providers = std::get_if<ProvidersMessage>(&message)) {
        if (!m_stopped) {
            handleProviders(from, *providers);
        }
        return true;
    }
    if (const auto *error = std::get_if<ErrorMessage>(&message);
        error && (error->refType == int(MessageType::AddProvider) ||
                  error->refType == int(MessageType::GetProviders))) {
        if (!m_stopped) {
            handleError(from, *error);
        }
        return true;
    }
    return false;
}

void ProviderDirectory::handleAdd(const NodeInfo &from, const AddProviderMessage &add) {
    Status ok =
        !add.record ? Status::failure(add.invalid)
        : m_responsible && !m_responsible(add.record->containerKey)
            ? Status::failure(QStringLiteral("this node is not among the closest to the key"))
            : m_store.accept(*add.record, nowSecs(), from.id);
    if (!ok) {
        ++m_refusedAdds;
        const qint64 now = m_host.nowMs();
        if (auto last = m_refusalLoggedMs.constFind(from.id);
            last == m_refusalLoggedMs.cend() || now - *last >= kRefusalLogIntervalMs) {
            if (m_refusalLoggedMs.size() >= kRefusalLogPeers) {
                m_refusalLoggedMs.clear();
            }
            m_refusalLoggedMs.insert(from.id, now);
            qCWarning(lcOverlay).noquote()
                << "provider record from" << from.id.shortHex() << "rejected:" << ok.error()
                << "(further refusals from this peer are counted, logged once a minute)";
        }
        ErrorMessage error;
        error.code = ErrorCode::Rejected;
        error.refType = int(MessageType::AddProvider);
        error.requestId = add.requestId;
        error.message = QStringLiteral("provider record rejected: %1").arg(ok.error());
        m_host.send(from, std::move(error));
        return;
    }
    m_host.send(from, ProvidersMessage{add.requestId, {*add.record}});
}

void ProviderDirectory::handleProviders(const NodeInfo &from, const ProvidersMessage &reply) {
    if (auto a = m_announces.find(reply.requestId); a != m_announces.end()) {
        if (takeWaiting(a->second.waiting, from.id)) {
            ++a->second.acks;
            if (a->second.waiting.empty()) {
                finishAnnounce(reply.requestId);
            }
        }
        return;
    }
    auto it = m_resolves.find(reply.requestId);
    if (it == m_resolves.end() || !takeWaiting(it->second.waiting, from.id)) {
        qCDebug(lcOverlay).noquote()
            << "providers reply from" << from.id.shortHex() << "that answers nothing we asked it";
        return; // late, or not asked
    }
    Resolve &r = it->second;
    const qint64 now = nowSecs();
    std::optional<ProviderRecord> best;
    for (const auto &record : reply.records) {
        if (record.containerKey != r.key) {
            qCWarning(lcOverlay).noquote()
                << "providers reply from" << from.id.shortHex() << "with an unusable record";
            continue;
        }
        if (auto ok = record.verify(now); !ok) {
            qCWarning(lcOverlay).noquote()
                << "provider record from" << from.id.shortHex() << "rejected:" << ok.error();
            continue;
        }
        if (!best || record.sequence > best->sequence) {
            best = record;
        }
    }
    if (best) {
        remember(*best);
        if (!r.done && !r.settling) {
            // The highest sequence number among the answers wins, not the first answer.
            r.settling = true;
            if (m_config.settleMs > 0 && !r.waiting.empty()) {
                m_host.schedule(m_config.settleMs,
                                guarded([this, id = reply.requestId] { settleResolve(id); }));
            } else {
                settleResolve(reply.requestId);
            }
        }
    }
    if (auto again = m_resolves.find(reply.requestId);
        again != m_resolves.end() && again->second.waiting.empty()) {
        finishResolve(reply.requestId);
    }
}

void ProviderDirectory::settleResolve(quint64 requestId) {
    auto it = m_resolves.find(requestId);
    if (it == m_resolves.end() || it->second.done) {
        return;
    }
    it->second.done = true;
    const std::vector<ResolveCallback> callbacks = std::move(it->second.callbacks);
    const std::optional<ProviderRecord> record = cached(it->second.key);
    for (const auto &cb : callbacks) {
        cb(record);
    }
}

void ProviderDirectory::handleError(const NodeInfo &from, const ErrorMessage &error) {
    qCInfo(lcOverlay).noquote() << "error" << int(error.code) << "from" << from.id.shortHex() << ":"
                                << error.message;
    if (auto a = m_announces.find(error.requestId);
        a != m_announces.end() && takeWaiting(a->second.waiting, from.id)) {
        if (a->second.waiting.empty()) {
            finishAnnounce(error.requestId);
        }
        return;
    }
    if (auto r = m_resolves.find(error.requestId); r != m_resolves.end() &&
                                                   takeWaiting(r->second.waiting, from.id) &&
                                                   r->second.waiting.empty()) {
        finishResolve(error.requestId);
    }
}

void ProviderDirectory::stop() {
    if (m_stopped) {
        return;
    }
    m_stopped = true;
    m_announces.clear();
    std::vector<ResolveCallback> callbacks;
    for (auto &[id, r] : m_resolves) {
        if (!r.done) {
            for (auto &cb : r.callbacks) {
                callbacks.push_back(std::move(cb));
            }
        }
    }
    m_resolves.clear();
    for (auto &cb : callbacks) {
        cb(std::nullopt);
    }
}

} // namespace orion::overlay
