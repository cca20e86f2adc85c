// SPDX-License-Identifier: GPL-3.0-or-later
#include "Cluster.h"

#include "LoopbackConfig.h"
#include "node/BootstrapList.h"

namespace orion::test {

Cluster::Cluster(int size, ConfigFor config)
    : m_config(config ? std::move(config) : [](int) { return LoopbackConfig::make(); }) {
    for (int i = 0; i < size; ++i) {
        m_identities.push_back(identity::NodeIdentity::generate());
    }
    m_runners.resize(size_t(size));
}

Cluster::~Cluster() {
    stopAll();
}

node::Profile Cluster::profile(int i) const {
    return node::Profile(m_dir.filePath(QStringLiteral("node-%1").arg(i)));
}

Result<QString> Cluster::start(int i) {
    if (isRunning(i)) {
        return Result<QString>::failure(QStringLiteral("node %1 is running already").arg(i));
    }
    if (auto created = profile(i).create(); !created) {
        return Result<QString>::failure(created.errorValue());
    }
    auto n = std::make_unique<node::Node>(profile(i), m_identities[size_t(i)].clone(),
                                          m_networkKey.clone(), m_config(i));
    m_runners[size_t(i)] = std::make_unique<node::NodeRunner>(std::move(n));
    return m_runners[size_t(i)]->start();
}

void Cluster::stop(int i) {
    if (m_runners[size_t(i)]) {
        m_runners[size_t(i)]->stop();
    }
}

void Cluster::stopAll() {
    for (auto &r : m_runners) {
        if (r) {
            r->stop();
        }
    }
}

bool Cluster::isRunning(int i) const {
    return m_runners[size_t(i)] && m_runners[size_t(i)]->isRunning();
}

Status Cluster::seed(int j, int from) {
    if (!isRunning(from)) {
        return Status::failure(QStringLiteral("node %1 is not running").arg(from));
    }
    if (auto created = profile(j).create(); !created) {
        return created;
    }
    return node::BootstrapList::add(profile(j), memberRecord(from), m_networkKey.networkId());
}

node::NodeStatus Cluster::status(int i) {
    node::Node *n = node(i);
    return m_runners[size_t(i)]->call([n] { return n->status(); });
}

identity::MemberRecord Cluster::memberRecord(int i) {
    node::Node *n = node(i);
    return m_runners[size_t(i)]->call([n] { return n->memberRecord(); });
}

} // namespace orion::test
