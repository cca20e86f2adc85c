// SPDX-License-Identifier: GPL-3.0-or-later
#include "node/NodeKeys.h"

#include "routing/NodeInfo.h"

namespace orion::node {

using identity::Key160;

NodeKeys::NodeKeys(Known known, Lookup lookup)
    : m_known(std::move(known))
    , m_lookup(std::move(lookup)) {}

std::optional<QByteArray> NodeKeys::known(const Key160 &id) const {
    if (auto it = m_cache.find(id); it != m_cache.end()) {
        return it->second;
    }
    if (m_known) {
        if (auto key = m_known(id); key && routing::NodeInfo::idForPublicKey(*key) == id) {
            return key;
        }
    }
    return std::nullopt;
}

void NodeKeys::resolve(const Key160 &id, Done done) {
    if (auto key = known(id)) {
        done(std::move(key));
        return;
    }
    if (!m_lookup) {
        done(std::nullopt);
        return;
    }
    auto [it, first] = m_pending.try_emplace(id);
    it->second.push_back(std::move(done));
    if (!first) {
        return; // a lookup for this ID is under way
    }
    ++m_lookups;
    m_lookup(id, [this, id](std::optional<QByteArray> key) {
        if (key && routing::NodeInfo::idForPublicKey(*key) != id) {
            key.reset(); // not the key of that ID, whoever said so
        }
        if (key) {
            remember(id, *key);
        }
        auto node = m_pending.extract(id);
        if (node.empty()) {
            return;
        }
        for (auto &callback : node.mapped()) {
            callback(key);
        }
    });
}

void NodeKeys::learn(const QByteArray &publicKey) {
    if (publicKey.size() == 32) {
        remember(routing::NodeInfo::idForPublicKey(publicKey), publicKey);
    }
}

void NodeKeys::remember(const Key160 &id, const QByteArray &publicKey) {
    if (m_cache.size() >= kCacheLimit && !m_cache.contains(id)) {
        m_cache.erase(m_cache.begin());
    }
    m_cache.insert_or_assign(id, publicKey);
}

} // namespace orion::node
