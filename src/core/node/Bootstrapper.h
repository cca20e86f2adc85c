// SPDX-License-Identifier: GPL-3.0-or-later
// Bootstrapper: when, and from which seeds, a node bootstraps. The seeds are the member
// files in the profile's peers/ folder (BootstrapList) and the contacts saved at the last
// run (ContactStore). A bootstrap runs at start, when a new member file appears in peers/
// (watched, and looked for on every tick where the platform has no file notifications),
// and on a tick while the routing table is empty; one at a time. Lives on the node thread.
#pragma once

#include "identity/Key160.h"
#include "identity/MemberRecord.h"
#include "node/Profile.h"
#include "routing/NodeInfo.h"

#include <QObject>
#include <QSet>

#include <functional>
#include <vector>

class QFileSystemWatcher;
class QTimer;

namespace orion::node {

class Bootstrapper : public QObject {
    Q_OBJECT

public:
    // Runs the overlay's bootstrap from `seeds` and calls `done(ok)` once.
    using Run = std::function<void(const std::vector<routing::NodeInfo> &seeds,
                                   std::function<void(bool)> done)>;
    // How many contacts the routing table holds.
    using TableSize = std::function<int()>;

    Bootstrapper(Profile profile, QByteArray networkId, identity::Key160 self, Run run,
                 TableSize tableSize, QObject *parent = nullptr);

    // Watches peers/, ticks every `intervalMs` and bootstraps now.
    void start(qint64 intervalMs);
    // Nothing new starts after this (a bootstrap running still reports).
    void stop();
    // Bootstraps from the current seeds unless one runs already, or there is nothing to
    // start from (no seeds and an empty table).
    void bootstrapNow();
    // True once a bootstrap has succeeded.
    bool isBootstrapped() const { return m_bootstrapped; }
    // The seeds as they are now: member files (other than our own) with an address to
    // dial, then saved contacts.
    std::vector<routing::NodeInfo> seeds() const;

Q_SIGNALS:
    void finished(bool ok);
    // A member file appeared in peers/ while the node runs (orion-node member import).
    void memberAdded(const orion::identity::MemberRecord &record);

private:
    void tick();

    Profile m_profile;
    QByteArray m_networkId;
    identity::Key160 m_self;
    Run m_run;
    TableSize m_tableSize;
    QTimer *m_timer = nullptr;
    QFileSystemWatcher *m_watcher = nullptr;
    QSet<QString> m_knownFiles; // member files present at the last bootstrap
    QSet<QString> m_announced;  // new since then, and told as memberAdded already
    bool m_running = false;
    bool m_bootstrapped = false;
    bool m_stopped = false;
};

} // namespace orion::node
