// SPDX-License-Identifier: GPL-3.0-or-later
// SoakRoster: what the soak's threads may know about its nodes — each node's role, ID,
// portal socket and whether it runs now — and the containers deployed on them. The soak's
// main thread writes it; the traffic and hostile threads read copies. Any thread.
#pragma once

#include <QMutex>
#include <QString>

#include <vector>

namespace orion::soak {

struct SoakNode {
    int index = 0;
    QString role;       // seed, gate, guarded, wildcard, target, container, churn, plain
    QString nodeId;     // hex
    QString publicKey;  // hex
    QString socketPath; // its portal
    QString profile;
    quint16 port = 0;
    bool up = false;
};

struct SoakContainer {
    int host = 0;
    QString key; // hex
};

class SoakRoster {
public:
    void add(const SoakNode &node);
    void update(const SoakNode &node);
    void setUp(int index, bool up);
    void addContainer(const SoakContainer &container);

    SoakNode node(int index) const;
    std::vector<SoakNode> nodes() const;
    std::vector<SoakContainer> containers() const;
    int size() const;

private:
    mutable QMutex m_mutex;
    std::vector<SoakNode> m_nodes;
    std::vector<SoakContainer> m_containers;
};

} // namespace orion::soak
