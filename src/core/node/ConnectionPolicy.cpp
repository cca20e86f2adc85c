// SPDX-License-Identifier: GPL-3.0-or-later
#include "node/ConnectionPolicy.h"

#include <QSet>

#include <algorithm>

namespace orion::node {

using identity::Key160;
using routing::NodeInfo;

std::vector<NodeInfo> ConnectionPolicy::chosen(const routing::RoutingTable &table, int neighbours,
                                               int perBucket, qint64 nowMs,
                                               const QSet<Key160> &connected) {
    std::vector<NodeInfo> result = table.closest(table.self(), neighbours);
    QSet<Key160> taken;
    for (const auto &n : result) {
        taken.insert(n.id);
    }
    for (int b = 0; b < table.bucketCount(); ++b) {
        std::vector<const routing::Contact *> contacts;
        for (const auto &c : table.bucket(b).contacts()) {
            contacts.push_back(&c);
        }
        std::sort(contacts.begin(), contacts.end(), [&](const auto *x, const auto *y) {
            const bool xLive = connected.contains(x->info.id);
            const bool yLive = connected.contains(y->info.id);
            if (xLive != yLive) {
                return xLive;
            }
            return x->score(nowMs) > y->score(nowMs);
        });
        int added = 0;
        for (const auto *c : contacts) {
            if (added >= perBucket) {
                break;
            }
            if (!taken.contains(c->info.id)) {
                taken.insert(c->info.id);
                result.push_back(c->info);
            }
            ++added;
        }
    }
    return result;
}

std::vector<Key160> ConnectionPolicy::surplus(std::vector<Connection> connections,
                                              const std::vector<NodeInfo> &chosen,
                                              int maxConnections, qint64 nowMs, qint64 idleMs) {
    const int excess = int(connections.size()) - maxConnections;
    if (excess <= 0) {
        return {};
    }
    QSet<Key160> keep;
    for (const auto &n : chosen) {
        keep.insert(n.id);
    }
    std::vector<Connection> closable;
    for (const auto &c : connections) {
        if ((c.outbound || c.strayInbound) && !c.awaited && !keep.contains(c.peer) &&
            nowMs - c.lastUsedMs >= idleMs) {
            closable.push_back(c);
        }
    }
    std::sort(closable.begin(), closable.end(),
              [](const Connection &a, const Connection &b) { return a.lastUsedMs < b.lastUsedMs; });
    std::vector<Key160> result;
    for (int i = 0; i < excess && i < int(closable.size()); ++i) {
        result.push_back(closable[size_t(i)].peer);
    }
    return result;
}

} // namespace orion::node
