// SPDX-License-Identifier: GPL-3.0-or-later
// CompactNetwork: a population of up to a few million simulated nodes in ~1.6 KiB each, for
// lookups at Internet scale. Keeps a node's ID, place and liveness in flat arrays and its
// routing table as node indexes (k 4-byte slots per bucket) instead of the product's
// RoutingTable of Contacts (~100 bytes each). Bucket layout, fill and closest() follow
// RoutingTable; the XOR metric is the product's Key160. Single-threaded; owns its arrays.
#pragma once

#include "LatencyModel.h"
#include "OverlayView.h"

#include <random>
#include <vector>

namespace orion::sim {

class CompactNetwork : public OverlayView {
public:
    struct Config {
        quint64 seed = 1;
        int k = 20;
        int connectedPerBucket = 20;
    };

    explicit CompactNetwork(const Config &config);

    // A node with a random ID and place, alive, with no table yet. Returns its index.
    int addNode();
    void reserve(int nodes);
    // Every node without a table gets one as SimNetwork::fillTablesFromPopulation builds it:
    // per bucket range up to k random live members. Nodes that already had a table keep it;
    // each new node is also offered to its k closest live nodes that had one, which take it
    // if its bucket has room (what the find-node requests of its bootstrap lead to).
    void fillTables();
    void kill(int node);

    int nodeCount() const override { return int(m_ids.size()); }
    const identity::Key160 &nodeId(int node) const override { return m_ids[size_t(node)]; }
    bool nodeAlive(int node) const override { return m_alive[size_t(node)] != 0; }
    void closestContacts(int node, const identity::Key160 &target, int count,
                         std::vector<int> &out) const override;
    bool connected(int a, int b) const override;
    double rttMs(int a, int b) const override {
        return LatencyModel::rttMs(quint32(a), m_places[size_t(a)], quint32(b),
                                   m_places[size_t(b)]);
    }

    int bucketCount(int node) const { return m_bucketCount[size_t(node)]; }
    // The contacts of bucket `bucket` of `node`.
    std::vector<int> bucket(int node, int bucket) const;
    std::size_t contactCount(int node) const;
    // Bytes held by the arrays (capacity, not size).
    std::size_t bytes() const;
    std::vector<int> aliveNodes() const;
    std::mt19937_64 &rng() { return m_rng; }

private:
    bool hasTable(int node) const { return m_bucketCount[size_t(node)] > 0; }
    // Where a slot of the node's bucket lives.
    std::size_t slot(int node, int bucket) const {
        return m_tableStart[size_t(node)] + std::size_t(bucket) * std::size_t(m_config.k);
    }
    std::size_t group(int node, int bucket) const {
        return m_tableStart[size_t(node)] / std::size_t(m_config.k) + std::size_t(bucket);
    }
    // Position of `contact` in its bucket of `node`'s table, or -1.
    int positionIn(int node, int contact) const;
    void insert(int node, int contact);

    Config m_config;
    std::mt19937_64 m_rng;
    std::vector<identity::Key160> m_ids;
    std::vector<LatencyModel::Place> m_places;
    std::vector<quint8> m_alive;
    std::vector<quint8> m_bucketCount;
    std::vector<quint64> m_tableStart; // first slot of bucket 0
    std::vector<quint8> m_fill;        // contacts per bucket, indexed by group()
    std::vector<quint32> m_slots;
};

} // namespace orion::sim
