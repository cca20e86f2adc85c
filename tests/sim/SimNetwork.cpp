// SPDX-License-Identifier: GPL-3.0-or-later
#include "SimNetwork.h"

#include "SimAddress.h"

#include <algorithm>
#include <cmath>
#include <cstring>

namespace orion::sim {

using identity::Key160;
using routing::NodeInfo;

SimNetwork::SimNetwork(const SimConfig &config)
    : m_config(config)
    , m_rng(config.seed) {}

SimNetwork::~SimNetwork() {
    // Timers refer to engines: drop them before the nodes go.
    m_events = {};
}

int SimNetwork::addNode() {
    const auto index = quint32(m_nodes.size());
    // 32 random bytes: the public key, or with providers the seed of a real key pair.
    QByteArray bytes(32, Qt::Uninitialized);
    for (int i = 0; i < 32; i += 8) {
        const quint64 r = m_rng();
        std::memcpy(bytes.data() + i, &r, 8);
    }
    crypto::Ed25519 key;
    if (m_config.providers) {
        key = crypto::Ed25519::fromSeed(bytes).value();
        bytes = key.publicKey();
    }
    const auto self = *NodeInfo::fromPublicKey(bytes, endpointForNode(index));
    m_nodes.push_back(std::make_unique<Node>(*this, index, self, m_config.overlay));
    Node &node = *m_nodes.back();
    node.position = quint16(m_rng());
    if (m_config.regionLatency) {
        node.place = LatencyModel::place(m_rng);
    }
    node.engine.start();
    if (m_config.providers) {
        node.key = std::move(key);
        node.providers = std::make_unique<overlay::ProviderDirectory>(
            node.key, node.host, overlay::ProviderDirectory::lookupThrough(node.engine),
            m_config.providerConfig);
    }
    return int(index);
}

void SimNetwork::kill(int index) {
    Node &node = *m_nodes[size_t(index)];
    node.alive = false;
    node.engine.stop();
    if (node.providers) {
        node.providers->stop();
    }
}

std::vector<int> SimNetwork::aliveNodes() const {
    std::vector<int> out;
    for (int i = 0; i < int(m_nodes.size()); ++i) {
        if (m_nodes[size_t(i)]->alive) {
            out.push_back(i);
        }
    }
    return out;
}

qint64 SimNetwork::latency(quint32 a, quint32 b) const {
    if (m_config.regionLatency) {
        return std::max<qint64>(1, std::llround(rttMs(int(a), int(b)) / 2));
    }
    const int pa = m_nodes[a]->position;
    const int pb = m_nodes[b]->position;
    return m_config.minLatencyMs +
           (m_config.maxLatencyMs - m_config.minLatencyMs) * std::abs(pa - pb) / 65535;
}

void SimNetwork::send(quint32 from, const NodeInfo &to, overlay::OverlayMessage message) {
    ++m_messagesSent;
    const int target = nodeForEndpoint(to.endpoint);
    if (target < 0 || target >= int(m_nodes.size()) || !m_nodes[size_t(target)]->alive ||
        m_nodes[size_t(target)]->engine.self().id != to.id) {
        return; // lost: the sender's timeout takes care of it
    }
    const auto t = quint32(target);
    qint64 delay = latency(from, t);
    const bool request = std::holds_alternative<overlay::FindNodeMessage>(message) ||
                         std::holds_alternative<overlay::PingMessage>(message);
    if (m_config.dialRtts > 0 && request && !connected(int(from), target)) {
        delay += std::llround(m_config.dialRtts * 2 * double(latency(from, t)));
    }
    m_events.push(Event{m_now + delay, ++m_seq, t, [this, from, t, message = std::move(message)] {
                            const NodeInfo &sender = m_nodes[from]->engine.self();
                            Node &receiver = *m_nodes[t];
                            if (!receiver.providers ||
                                !receiver.providers->handleMessage(sender, message)) {
                                receiver.engine.handleMessage(sender, message, sender.endpoint);
                            }
                        }});
}

void SimNetwork::schedule(quint32 node, qint64 delayMs, std::function<void()> fn) {
    m_events.push(Event{m_now + std::max<qint64>(0, delayMs), ++m_seq, node, std::move(fn)});
}

bool SimNetwork::step() {
    if (m_events.empty()) {
        return false;
    }
    // priority_queue::top is const; the handler is moved out through a copy of the event.
    Event ev = std::move(const_cast<Event &>(m_events.top()));
    m_events.pop();
    m_now = std::max(m_now, ev.time);
    if (m_nodes[ev.node]->alive) {
        ev.fn();
    }
    return true;
}

void SimNetwork::runUntilIdle() {
    while (step()) {
    }
}

void SimNetwork::runFor(qint64 ms) {
    const qint64 end = m_now + ms;
    while (!m_events.empty() && m_events.top().time <= end) {
        step();
    }
    m_now = std::max(m_now, end);
}

void SimNetwork::fillTablesFromPopulation() {
    std::vector<std::pair<Key160, quint32>> sorted;
    sorted.reserve(m_nodes.size());
    for (quint32 i = 0; i < m_nodes.size(); ++i) {
        if (m_nodes[i]->alive) {
            sorted.emplace_back(m_nodes[i]->engine.self().id, i);
        }
    }
    std::sort(sorted.begin(), sorted.end());
    const int k = m_config.overlay.routing.k;
    auto rangeOf = [&](const Key160 &key, int prefixBits) {
        auto lo = key.bytes();
        auto hi = key.bytes();
        for (int bit = prefixBits; bit < Key160::kBits; ++bit) {
            const quint8 mask = quint8(0x80 >> (bit % 8));
            lo[size_t(bit / 8)] &= quint8(~mask);
            hi[size_t(bit / 8)] |= mask;
        }
        auto first = std::lower_bound(sorted.begin(), sorted.end(), std::make_pair(Key160(lo), 0u));
        auto last = std::upper_bound(sorted.begin(), sorted.end(),
                                     std::make_pair(Key160(hi), quint32(0xffffffff)));
        return std::make_pair(first, last);
    };
    std::vector<size_t> picks;
    for (auto &node : m_nodes) {
        if (!node->alive) {
            continue;
        }
        auto &engine = node->engine;
        const Key160 self = engine.self().id;
        for (int depth = 0; depth < Key160::kBits; ++depth) {
            // Our own prefix of length depth+1 with its last bit flipped: bucket `depth`.
            auto flipped = self.bytes();
            flipped[size_t(depth / 8)] ^= quint8(0x80 >> (depth % 8));
            const auto [first, last] = rangeOf(Key160(flipped), depth + 1);
            const size_t count = size_t(last - first);
            picks.clear();
            if (count <= size_t(k)) {
                for (size_t i = 0; i < count; ++i) {
                    picks.push_back(i);
                }
            } else {
                while (picks.size() < size_t(k)) {
                    const size_t p = size_t(m_rng() % count);
                    if (std::find(picks.begin(), picks.end(), p) == picks.end()) {
                        picks.push_back(p);
                    }
                }
            }
            for (size_t p : picks) {
                engine.table().seen(m_nodes[(first + qsizetype(p))->second]->engine.self(), m_now);
            }
            // Nobody else shares our prefix this deep: deeper buckets stay empty.
            const auto [ownFirst, ownLast] = rangeOf(self, depth + 1);
            if (ownLast - ownFirst <= 1) {
                break;
            }
        }
    }
}

bool SimNetwork::join(int index, int via) {
    bool done = false;
    bool ok = false;
    engine(index).bootstrap({info(via)}, [&](bool success) {
        done = true;
        ok = success;
    });
    while (!done && step()) {
    }
    return ok;
}

int SimNetwork::joinAll(const std::vector<std::pair<int, int>> &joins) {
    size_t remaining = joins.size();
    int succeeded = 0;
    for (const auto &[index, via] : joins) {
        engine(index).bootstrap({info(via)}, [&](bool success) {
            --remaining;
            succeeded += success ? 1 : 0;
        });
    }
    while (remaining > 0 && step()) {
    }
    return succeeded;
}

overlay::LookupResult SimNetwork::lookup(int from, const Key160 &target) {
    return lookups({{from, target}}).front();
}

std::vector<overlay::LookupResult>
SimNetwork::lookups(const std::vector<std::pair<int, Key160>> &queries) {
    std::vector<overlay::LookupResult> results(queries.size());
    size_t remaining = queries.size();
    for (size_t i = 0; i < queries.size(); ++i) {
        engine(queries[i].first).lookup(queries[i].second, [&, i](const overlay::LookupResult &r) {
            results[i] = r;
            --remaining;
        });
    }
    while (remaining > 0 && step()) {
    }
    return results;
}

int SimNetwork::publish(int index, const crypto::Ed25519 &container) {
    auto &directory = providers(index);
    std::optional<int> stored;
    directory.setPublishedCallback([&](const Key160 &, int count) { stored = count; });
    directory.publish(container);
    while (!stored && step()) {
    }
    directory.setPublishedCallback({});
    return stored.value_or(-1);
}

std::optional<overlay::ProviderRecord> SimNetwork::resolve(int from, const Key160 &key) {
    bool done = false;
    std::optional<overlay::ProviderRecord> result;
    providers(from).resolve(key, [&](std::optional<overlay::ProviderRecord> record) {
        done = true;
        result = std::move(record);
    });
    while (!done && step()) {
    }
    return result;
}

std::vector<Key160> SimNetwork::trueClosest(const Key160 &target, int count) const {
    std::vector<Key160> ids;
    for (const auto &node : m_nodes) {
        if (node->alive) {
            ids.push_back(node->engine.self().id);
        }
    }
    const auto n = std::min<size_t>(size_t(count), ids.size());
    std::partial_sort(ids.begin(), ids.begin() + qsizetype(n), ids.end(),
                      [&](const Key160 &a, const Key160 &b) { return target.isCloser(a, b); });
    ids.resize(n);
    return ids;
}

void SimNetwork::closestContacts(int node, const Key160 &target, int count,
                                 std::vector<int> &out) const {
    out.clear();
    for (const NodeInfo &n : m_nodes[size_t(node)]->engine.table().closest(target, count)) {
        out.push_back(nodeForEndpoint(n.endpoint));
    }
}

int SimNetwork::positionIn(int node, int contact) const {
    const auto &table = m_nodes[size_t(node)]->engine.table();
    const Key160 &id = info(contact).id;
    const auto &contacts = table.bucket(table.bucketIndexFor(id)).contacts();
    for (size_t i = 0; i < contacts.size(); ++i) {
        if (contacts[i].info.id == id) {
            return int(i);
        }
    }
    return -1;
}

bool SimNetwork::connected(int a, int b) const {
    if (a == b) {
        return true;
    }
    const int c = m_config.connectedPerBucket;
    const int ab = positionIn(a, b);
    if (ab >= 0 && ab < c) {
        return true;
    }
    const int ba = positionIn(b, a);
    return ba >= 0 && ba < c;
}

double SimNetwork::rttMs(int a, int b) const {
    if (!m_config.regionLatency) {
        return 2.0 * double(latency(quint32(a), quint32(b)));
    }
    return LatencyModel::rttMs(quint32(a), m_nodes[size_t(a)]->place, quint32(b),
                               m_nodes[size_t(b)]->place);
}

} // namespace orion::sim
