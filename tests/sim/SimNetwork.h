// SPDX-License-Identifier: GPL-3.0-or-later
// SimNetwork: an in-memory network of overlay nodes with virtual time, a latency model and
// churn. Every node runs the product's OverlayEngine and RoutingTable (and, when asked for,
// its ProviderDirectory); only the transport and the clocks are simulated. Single-threaded;
// owns all its nodes.
#pragma once

#include "LatencyModel.h"
#include "OverlayView.h"
#include "SimHost.h"

#include "crypto/Ed25519.h"
#include "overlay/OverlayEngine.h"
#include "overlay/ProviderDirectory.h"

#include <array>
#include <memory>
#include <optional>
#include <queue>
#include <random>
#include <vector>

namespace orion::sim {

struct SimConfig {
    quint64 seed = 1;
    // One-way latency between two nodes: min + (max - min) * |position difference|, each
    // node placed at random on a line (a crude stand-in for geography).
    qint64 minLatencyMs = 5;
    qint64 maxLatencyMs = 150;
    // Instead: each node placed in a world region with an access delay (LatencyModel), a
    // message taking half the pair's round trip.
    bool regionLatency = false;
    // Round trips a request (find-node, ping) to a node without a connection waits for its
    // dial first (IterativeConfig::dialRtts); 0: no dial cost. Replies travel on the
    // connection the request came in on.
    double dialRtts = 0;
    // Connections a node holds: the first this-many contacts of each bucket (OverlayView).
    int connectedPerBucket = 20;
    overlay::OverlayConfig overlay;
    // Every node also runs the provider protocol (and gets a real Ed25519 key pair, derived
    // from the seed, so its records can be signed and checked).
    bool providers = false;
    overlay::ProviderDirectory::Config providerConfig;
};

class SimNetwork : public OverlayView {
public:
    explicit SimNetwork(const SimConfig &config);
    ~SimNetwork() override;
    SimNetwork(const SimNetwork &) = delete;
    SimNetwork &operator=(const SimNetwork &) = delete;

    // A node with a fresh random identity, not yet part of any table. Returns its index.
    int addNode();
    int size() const { return int(m_nodes.size()); }
    overlay::OverlayEngine &engine(int index) { return m_nodes[size_t(index)]->engine; }
    const routing::NodeInfo &info(int index) const { return m_nodes[size_t(index)]->engine.self(); }
    bool isAlive(int index) const { return m_nodes[size_t(index)]->alive; }
    // Only with SimConfig::providers.
    overlay::ProviderDirectory &providers(int index) { return *m_nodes[size_t(index)]->providers; }
    // The node disappears without a word: messages to it are lost, its timers stop.
    void kill(int index);
    std::vector<int> aliveNodes() const;

    // Fills every node's table the way a long-running network would have: for each bucket,
    // up to k random members of that bucket's key range, inserted through the table's
    // normal insert path. Used to build large populations fast (see docs/architecture.md).
    void fillTablesFromPopulation();
    // Joins `index` through `via` with the product's bootstrap (own-ID lookup, then bucket
    // refresh); runs the network until the join completes.
    bool join(int index, int via);
    // Several joins at once (index, via); returns how many succeeded.
    int joinAll(const std::vector<std::pair<int, int>> &joins);

    // Runs a lookup from `from` and returns its result once finished.
    overlay::LookupResult lookup(int from, const identity::Key160 &target);
    // Runs several lookups at once (in virtual time), results in the order given.
    std::vector<overlay::LookupResult>
    lookups(const std::vector<std::pair<int, identity::Key160>> &queries);
    // Publishes a provider record for `container` from node `index` and runs the network
    // until the publish has its answers; returns at how many nodes it was stored.
    int publish(int index, const crypto::Ed25519 &container);
    // Resolves a container key from node `from`; runs the network until it is done.
    std::optional<overlay::ProviderRecord> resolve(int from, const identity::Key160 &key);
    // The `count` live nodes closest to `target`, by exhaustive search.
    std::vector<identity::Key160> trueClosest(const identity::Key160 &target, int count) const;

    qint64 now() const { return m_now; }
    // Virtual time since the Unix epoch: the simulation starts on 14 November 2023.
    qint64 wallClockMs() const { return kEpochMs + m_now; }
    bool step();
    // Until no event is left; with providers the refresh timers never run out: use runFor.
    void runUntilIdle();
    void runFor(qint64 ms);

    quint64 messagesSent() const { return m_messagesSent; }
    quint64 randomU64() { return m_rng(); }
    std::mt19937_64 &rng() { return m_rng; }

    // OverlayView, over the nodes' RoutingTables.
    int nodeCount() const override { return size(); }
    const identity::Key160 &nodeId(int node) const override { return info(node).id; }
    bool nodeAlive(int node) const override { return isAlive(node); }
    void closestContacts(int node, const identity::Key160 &target, int count,
                         std::vector<int> &out) const override;
    bool connected(int a, int b) const override;
    double rttMs(int a, int b) const override;

    // Called by SimHost.
    void send(quint32 from, const routing::NodeInfo &to, overlay::OverlayMessage message);
    void schedule(quint32 node, qint64 delayMs, std::function<void()> fn);

private:
    struct Node {
        Node(SimNetwork &network, quint32 index, const routing::NodeInfo &self,
             const overlay::OverlayConfig &config)
            : host(network, index)
            , engine(self, config, host) {}
        SimHost host;
        overlay::OverlayEngine engine;
        crypto::Ed25519 key; // with SimConfig::providers only
        std::unique_ptr<overlay::ProviderDirectory> providers;
        quint16 position = 0;
        LatencyModel::Place place;
        bool alive = true;
    };
    struct Event {
        qint64 time;
        quint64 seq;
        quint32 node;
        std::function<void()> fn;
        bool operator>(const Event &o) const {
            return time != o.time ? time > o.time : seq > o.seq;
        }
    };

    static constexpr qint64 kEpochMs = 1'700'000'000'000;

    qint64 latency(quint32 a, quint32 b) const;
    // Position of `contact` in its bucket of `node`'s table, or -1.
    int positionIn(int node, int contact) const;

    SimConfig m_config;
    std::mt19937_64 m_rng;
    std::vector<std::unique_ptr<Node>> m_nodes;
    std::priority_queue<Event, std::vector<Event>, std::greater<>> m_events;
    qint64 m_now = 0;
    quint64 m_seq = 0;
    quint64 m_messagesSent = 0;
};

} // namespace orion::sim
