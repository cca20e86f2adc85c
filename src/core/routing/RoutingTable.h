// SPDX-License-Identifier: GPL-3.0-or-later
// RoutingTable: the Kademlia table of one node: buckets split on demand (the bucket that
// covers the node's own ID splits, up to 160), replacement caches, liveness-based eviction
// and per-subnet limits. Never holds the node itself. Owned by the overlay on the node thread.
#pragma once

#include "routing/KBucket.h"
#include "routing/RoutingConfig.h"

#include <QString>

#include <optional>
#include <vector>

namespace orion::routing {

class RoutingTable {
public:
    enum class Update {
        Added,   // now in a bucket
        Updated, // was in a bucket; its observations were refreshed
        Cached,  // its bucket is full of live contacts: kept as a replacement candidate
        Rejected // own ID, an address nobody can dial, or over a per-address limit
    };
    struct UpdateResult {
        Update update = Update::Rejected;
        QString reason;
        // When a newcomer had to wait, the contact that should prove it is still alive:
        // if it fails to answer a ping, recordFailure() gives its place to a candidate.
        std::optional<NodeInfo> pingCandidate;
    };

    explicit RoutingTable(const identity::Key160 &self, RoutingConfig config = {});

    const identity::Key160 &self() const { return m_self; }
    const RoutingConfig &config() const { return m_config; }

    // A message from `node` arrived (rttMs > 0: it answered a request of ours in that time).
    // `observedAt`: the address the node's connection comes from (an inbound peer) or
    // was dialled at; the address-diversity limits count it instead of node.endpoint.
    UpdateResult seen(const NodeInfo &node, qint64 nowMs, quint32 rttMs = 0,
                      const Endpoint *observedAt = nullptr);
    // A request to `id` went unanswered. Returns true when the contact left the table;
    // its place goes to the freshest replacement candidate, if there is one.
    bool recordFailure(const identity::Key160 &id);
    bool remove(const identity::Key160 &id);

    const Contact *find(const identity::Key160 &id) const;
    bool contains(const identity::Key160 &id) const { return find(id) != nullptr; }
    // Up to `count` contacts closest to `target` by XOR distance, closest first.
    std::vector<NodeInfo> closest(const identity::Key160 &target, int count) const;

    int bucketCount() const { return int(m_buckets.size()); }
    const KBucket &bucket(int index) const { return m_buckets[size_t(index)]; }
    int bucketIndexFor(const identity::Key160 &id) const;
    std::size_t size() const { return m_size; }
    std::vector<Contact> contacts() const;
    // Contacts turned away by the per-address limits since the table was made (an eclipse
    // attempt shows here: identities that connect from one network).
    qint64 refusedForNetwork() const { return m_refusedForNetwork; }
    // Whether the per-address limits would turn `id` away now, connecting from `observedAt`
    // (its network already has its share of the bucket or of the table).
    bool refusesNetworkOf(const identity::Key160 &id, const Endpoint &observedAt) const;

    // Bucket activity drives refresh: a bucket nobody looked into for a while is refreshed
    // by a lookup of a random key in its range.
    void touchBucketFor(const identity::Key160 &key, qint64 nowMs);
    std::vector<int> staleBuckets(qint64 nowMs, qint64 maxAgeMs) const;
    // A key in the range of bucket `index`, random bits taken from `random`.
    identity::Key160 keyInBucket(int index, const identity::Key160 &random) const;

private:
    bool splitLastBucket(qint64 nowMs);
    int countInSubnetTable(quint64 subnetKey) const;
    // Why a contact of `subnet` may not join bucket `index` (not counting `replacing`, the
    // contact it would take the place of), or an empty string.
    QString diversityRefusal(quint64 subnet, int index, const Contact *replacing) const;
    // The newest replacement of the bucket that the address limits admit; inadmissible
    // ones are dropped on the way.
    std::optional<Contact> takeAdmissibleReplacement(int index, const Contact *replacing);

    identity::Key160 m_self;
    RoutingConfig m_config;
    std::vector<KBucket> m_buckets;
    std::size_t m_size = 0;
    qint64 m_refusedForNetwork = 0;
};

} // namespace orion::routing
