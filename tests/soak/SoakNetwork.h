// SPDX-License-Identifier: GPL-3.0-or-later
// SoakNetwork: the soak itself. N `orion-node` processes (test::NodeProcess) of one network
// on loopback, each on a profile of its own in one temporary directory; containers on some;
// honest traffic (Traffic) and hostile peers (HostileRun) for the whole run; churn (kill -9
// and clean restarts on the same profile and port); samples of every process (NodeSampler).
// run() returns the report; every process, thread and file is gone when the object is, also
// when the run failed. Main thread.
#pragma once

#include "HostileRun.h"
#include "MessageLedger.h"
#include "NodeSampler.h"
#include "SoakRoster.h"
#include "Traffic.h"

#include "NodeProcess.h"

#include <QElapsedTimer>
#include <QJsonObject>
#include <QStringList>
#include <QTemporaryDir>

#include <atomic>
#include <memory>
#include <optional>
#include <vector>

namespace orion::soak {

class SoakNetwork {
public:
    struct Options {
        int nodes = 50;
        qint64 durationMs = 10 * 60 * 1000;
        int senders = 4;
        int pauseMs = 60;       // between one sender's messages
        int containerShare = 4; // one message in this many goes to a container
        double churnShare = 0.2;
    };

    explicit SoakNetwork(Options options);
    ~SoakNetwork();
    SoakNetwork(const SoakNetwork &) = delete;
    SoakNetwork &operator=(const SoakNetwork &) = delete;

    // The whole soak; `stop` ends it early (a signal). The report; `ok` says whether it passed.
    QJsonObject run(const std::atomic<bool> &stop, bool *ok);

    // Node roles by index: the first ten have jobs, the rest carry traffic and churn.
    static constexpr int kSeed = 0;
    static constexpr int kGate = 1;
    static constexpr int kGuarded = 2;
    static constexpr int kWildcard = 3;
    static constexpr int kTarget = 4;
    static constexpr int kFirstContainerHost = 5;
    static constexpr int kContainerHosts = 5;
    static constexpr int kFirstChurned = kFirstContainerHost + kContainerHosts;

private:
    struct ChurnEvent {
        qint64 atMs = 0;
        int node = 0;
        bool kill = false; // kill -9, else SIGTERM
        qint64 restartAtMs = -1;
        bool done = false;
        bool restarted = false;
        bool cleanStop = true;
    };

    Status setUp();
    Status initNode(int i);
    Status startNode(int i);
    Status deployContainers();
    bool waitForTables(int timeoutMs);
    void churn(qint64 nowMs);
    void sample(qint64 nowMs, bool withStatus);
    void checkCrashes();
    void collectContainerArrivals();
    void finalStatus();
    QJsonObject report(qint64 runMs, qint64 setupMs, QStringList &failures);
    QString role(int i) const;
    void log(const QString &line) const;

    Options m_options;
    QTemporaryDir m_dir;
    std::vector<std::unique_ptr<test::NodeProcess>> m_nodes;
    std::optional<identity::NetworkKey> m_networkKey;
    SoakRoster m_roster;
    MessageLedger m_ledger;
    NodeSampler m_sampler;
    std::unique_ptr<Traffic> m_traffic;
    std::unique_ptr<HostileRun> m_hostile;
    std::vector<ChurnEvent> m_churn;
    std::vector<int> m_restarts;
    QStringList m_crashes;
    QStringList m_setupErrors;
    int m_uncleanStops = 0;
    qint64 m_nowMs = 0;    // since the run began (after the set-up)
    QElapsedTimer m_since; // since the soak began, for its progress lines
};

} // namespace orion::soak
