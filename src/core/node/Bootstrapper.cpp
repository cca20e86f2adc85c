// SPDX-License-Identifier: GPL-3.0-or-later
#include "node/Bootstrapper.h"

#include "node/BootstrapList.h"
#include "node/ContactStore.h"

#include "identity/MemberFile.h"

#include <QDir>
#include <QFileSystemWatcher>
#include <QPointer>
#include <QTimer>

#include <chrono>

namespace orion::node {

using routing::Endpoint;
using routing::NodeInfo;

Bootstrapper::Bootstrapper(Profile profile, QByteArray networkId, identity::Key160 self, Run run,
                           TableSize tableSize, QObject *parent)
    : QObject(parent)
    , m_profile(std::move(profile))
    , m_networkId(std::move(networkId))
    , m_self(self)
    , m_run(std::move(run))
    , m_tableSize(std::move(tableSize)) {}

void Bootstrapper::start(qint64 intervalMs) {
    m_stopped = false;
    if (!m_timer) {
        m_timer = new QTimer(this);
        connect(m_timer, &QTimer::timeout, this, &Bootstrapper::tick);
        // add-peer writes into peers/; a running node notices at once (and at the next
        // tick if the platform has no file notifications).
        const QString directory = BootstrapList::directory(m_profile);
        QDir().mkpath(directory);
        m_watcher = new QFileSystemWatcher({directory}, this);
        connect(m_watcher, &QFileSystemWatcher::directoryChanged, this, &Bootstrapper::tick);
    }
    m_timer->start(std::chrono::milliseconds(intervalMs));
    bootstrapNow();
}

void Bootstrapper::stop() {
    m_stopped = true;
    if (m_timer) {
        m_timer->stop();
    }
}

std::vector<NodeInfo> Bootstrapper::seeds() const {
    std::vector<NodeInfo> seeds;
    for (const auto &record : BootstrapList::load(m_profile, m_networkId)) {
        if (record.nodeId == m_self) {
            continue;
        }
        const Endpoint e = Endpoint::dialable(record);
        if (auto info = NodeInfo::fromPublicKey(record.publicKey, e); info && e.isValid()) {
            seeds.push_back(*info);
        }
    }
    for (const auto &info : ContactStore::load(m_profile.contactsPath())) {
        if (info.id != m_self) {
            seeds.push_back(info);
        }
    }
    return seeds;
}

void Bootstrapper::bootstrapNow() {
    if (m_running || m_stopped) {
        return;
    }
    m_knownFiles.clear();
    for (const auto &f : QDir(BootstrapList::directory(m_profile)).entryList(QDir::Files)) {
        m_knownFiles.insert(f);
    }
    m_announced.clear();
    const auto from = seeds();
    if (from.empty() && m_tableSize() == 0) {
        return;
    }
    m_running = true;
    m_run(from, [self = QPointer<Bootstrapper>(this)](bool ok) {
        if (!self) {
            return;
        }
        self->m_running = false;
        self->m_bootstrapped = self->m_bootstrapped || ok;
        Q_EMIT self->finished(ok);
    });
}

void Bootstrapper::tick() {
    if (m_stopped) {
        return;
    }
    bool fresh = false;
    const QDir directory(BootstrapList::directory(m_profile));
    for (const auto &f : directory.entryList(QDir::Files)) {
        if (m_knownFiles.contains(f)) {
            continue;
        }
        fresh = true;
        if (m_announced.contains(f)) {
            continue;
        }
        m_announced.insert(f);
        if (auto record = identity::MemberFile::read(directory.filePath(f));
            record && record->nodeId != m_self && record->verifyForNetwork(m_networkId)) {
            Q_EMIT memberAdded(*record);
        }
    }
    if (fresh || m_tableSize() == 0) {
        bootstrapNow();
    }
}

} // namespace orion::node
