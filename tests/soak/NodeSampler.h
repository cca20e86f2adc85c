// SPDX-License-Identifier: GPL-3.0-or-later
// NodeSampler: what each node process costs over the soak — resident memory (VmRSS in
// /proc/PID/status) and open descriptors (/proc/PID/fd) — and the last status each process
// reported (portal `status`, what `orionctl status --json` prints). Counters restart with a
// process, so they are kept per process and summed. Main thread.
#pragma once

#include <QJsonObject>
#include <QString>

#include <map>
#include <vector>

namespace orion::soak {

class NodeSampler {
public:
    explicit NodeSampler(int nodes);

    // Samples process `pid` of node `node` at time `ms` (since the soak began).
    void sample(int node, qint64 pid, qint64 ms);
    void status(int node, qint64 pid, const QJsonObject &status);

    // Growth of a node's longest-lived process: the largest RSS of the last third of its
    // samples against that of the first third. Unbounded growth: more than `ratio` times
    // and more than `minBytes` more (needs 6 samples).
    bool grows(int node, double ratio, qint64 minBytes, QString *why) const;
    // min/max/last RSS and descriptors, samples, processes.
    QJsonObject summary(int node) const;
    // A counter (a path like "inbound_refused/accept_rate") summed over the node's processes.
    double counter(int node, const QString &path) const;
    // The last status of the node's newest process.
    QJsonObject lastStatus(int node) const;

    static qint64 rssBytes(qint64 pid);
    static int descriptors(qint64 pid);

private:
    struct Sample {
        qint64 ms = 0;
        qint64 pid = 0;
        qint64 rss = 0;
        int fds = 0;
    };
    struct Node {
        std::vector<Sample> samples;
        std::map<qint64, QJsonObject> statusByPid;
        qint64 newestPid = 0;
    };
    std::vector<Node> m_nodes;
};

} // namespace orion::soak
