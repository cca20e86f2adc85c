// SPDX-License-Identifier: GPL-3.0-or-later
// Cluster: N nodes of one network for integration tests, each with its own profile and
// identity in a temporary directory and its own thread (NodeRunner). A node keeps its
// profile and identity across stop() and start(), so tests can restart it. Helpers return
// what went wrong instead of asserting, so a test fails where it calls them. Owned by the
// test thread.
#pragma once

#include "identity/NetworkKey.h"
#include "identity/NodeIdentity.h"
#include "node/NodeRunner.h"

#include <QTemporaryDir>

#include <functional>
#include <memory>
#include <vector>

namespace orion::test {

class Cluster {
public:
    using ConfigFor = std::function<node::NodeConfig(int index)>;

    // `config` gives node i's configuration (default: LoopbackConfig::make()).
    explicit Cluster(int size, ConfigFor config = {});
    ~Cluster();
    Cluster(const Cluster &) = delete;
    Cluster &operator=(const Cluster &) = delete;

    int size() const { return int(m_identities.size()); }
    bool isValid() const { return m_dir.isValid(); }

    // Starts node i; returns its listen endpoint or why it did not start.
    Result<QString> start(int i);
    void stop(int i);
    void stopAll();
    bool isRunning(int i) const;

    // Node i's member file in node j's peers/ directory: j bootstraps from i.
    Status seed(int j, int from);

    node::NodeRunner &runner(int i) { return *m_runners[size_t(i)]; }
    node::Node *node(int i) const { return m_runners[size_t(i)]->node(); }
    node::NodeStatus status(int i);
    identity::MemberRecord memberRecord(int i);
    identity::Key160 id(int i) const { return m_identities[size_t(i)].nodeId(); }
    node::Profile profile(int i) const;
    const identity::NetworkKey &networkKey() const { return m_networkKey; }

private:
    QTemporaryDir m_dir;
    ConfigFor m_config;
    identity::NetworkKey m_networkKey = identity::NetworkKey::generate();
    std::vector<identity::NodeIdentity> m_identities;
    std::vector<std::unique_ptr<node::NodeRunner>> m_runners;
};

} // namespace orion::test
