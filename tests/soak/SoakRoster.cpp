// SPDX-License-Identifier: GPL-3.0-or-later
#include "SoakRoster.h"

namespace orion::soak {

void SoakRoster::add(const SoakNode &node) {
    QMutexLocker lock(&m_mutex);
    m_nodes.push_back(node);
}

void SoakRoster::update(const SoakNode &node) {
    QMutexLocker lock(&m_mutex);
    m_nodes[size_t(node.index)] = node;
}

void SoakRoster::setUp(int index, bool up) {
    QMutexLocker lock(&m_mutex);
    m_nodes[size_t(index)].up = up;
}

void SoakRoster::addContainer(const SoakContainer &container) {
    QMutexLocker lock(&m_mutex);
    m_containers.push_back(container);
}

SoakNode SoakRoster::node(int index) const {
    QMutexLocker lock(&m_mutex);
    return m_nodes[size_t(index)];
}

std::vector<SoakNode> SoakRoster::nodes() const {
    QMutexLocker lock(&m_mutex);
    return m_nodes;
}

std::vector<SoakContainer> SoakRoster::containers() const {
    QMutexLocker lock(&m_mutex);
    return m_containers;
}

int SoakRoster::size() const {
    QMutexLocker lock(&m_mutex);
    return int(m_nodes.size());
}

} // namespace orion::soak
