// SPDX-License-Identifier: GPL-3.0-or-later
#include "NodeSampler.h"

#include <QDir>
#include <QFile>

#include <algorithm>

namespace orion::soak {

NodeSampler::NodeSampler(int nodes)
    : m_nodes(size_t(nodes)) {}

qint64 NodeSampler::rssBytes(qint64 pid) {
    QFile file(QStringLiteral("/proc/%1/status").arg(pid));
    if (!file.open(QIODevice::ReadOnly)) {
        return -1;
    }
    for (const QByteArray &line : file.readAll().split('\n')) {
        if (line.startsWith("VmRSS:")) {
            return line.mid(6).trimmed().split(' ').value(0).toLongLong() * 1024;
        }
    }
    return -1;
}

int NodeSampler::descriptors(qint64 pid) {
    const QDir fds(QStringLiteral("/proc/%1/fd").arg(pid));
    return fds.exists()
               ? int(fds.entryList(QDir::Files | QDir::System | QDir::NoDotAndDotDot).size())
               : -1;
}

void NodeSampler::sample(int node, qint64 pid, qint64 ms) {
    const qint64 rss = rssBytes(pid);
    const int fds = descriptors(pid);
    if (rss >= 0 && fds >= 0) {
        m_nodes[size_t(node)].samples.push_back({ms, pid, rss, fds});
    }
}

void NodeSampler::status(int node, qint64 pid, const QJsonObject &status) {
    m_nodes[size_t(node)].statusByPid[pid] = status;
    m_nodes[size_t(node)].newestPid = pid;
}

bool NodeSampler::grows(int node, double ratio, qint64 minBytes, QString *why) const {
    // The longest-lived process: a restarted node starts small again.
    std::map<qint64, std::vector<qint64>> byPid;
    for (const Sample &s : m_nodes[size_t(node)].samples) {
        byPid[s.pid].push_back(s.rss);
    }
    const std::vector<qint64> *longest = nullptr;
    for (const auto &[pid, rss] : byPid) {
        if (!longest || rss.size() > longest->size()) {
            longest = &rss;
        }
    }
    if (!longest || longest->size() < 6) {
        return false;
    }
    const size_t third = longest->size() / 3;
    const qint64 first = *std::max_element(longest->begin(), longest->begin() + qsizetype(third));
    const qint64 last = *std::max_element(longest->end() - qsizetype(third), longest->end());
    const bool grew = double(last) > ratio * double(first) && last - first > minBytes;
    if (grew && why) {
        *why = QStringLiteral("node %1: RSS of the last third up to %2 KiB, first third %3 KiB")
                   .arg(node)
                   .arg(last / 1024)
                   .arg(first / 1024);
    }
    return grew;
}

QJsonObject NodeSampler::summary(int node) const {
    const Node &n = m_nodes[size_t(node)];
    if (n.samples.empty()) {
        return {};
    }
    qint64 rssMin = n.samples.front().rss, rssMax = rssMin;
    int fdMin = n.samples.front().fds, fdMax = fdMin;
    std::map<qint64, int> pids;
    for (const Sample &s : n.samples) {
        rssMin = std::min(rssMin, s.rss);
        rssMax = std::max(rssMax, s.rss);
        fdMin = std::min(fdMin, s.fds);
        fdMax = std::max(fdMax, s.fds);
        ++pids[s.pid];
    }
    return {
        {QStringLiteral("rss_kib"),
         QJsonObject{{QStringLiteral("min"), qint64(rssMin / 1024)},
                     {QStringLiteral("max"), qint64(rssMax / 1024)},
                     {QStringLiteral("last"), qint64(n.samples.back().rss / 1024)}}},
        {QStringLiteral("fds"), QJsonObject{{QStringLiteral("min"), fdMin},
                                            {QStringLiteral("max"), fdMax},
                                            {QStringLiteral("last"), n.samples.back().fds}}},
        {QStringLiteral("samples"), int(n.samples.size())},
        {QStringLiteral("processes"), int(pids.size())},
    };
}

double NodeSampler::counter(int node, const QString &path) const {
    const QStringList parts = path.split(u'/');
    double sum = 0;
    for (const auto &[pid, status] : m_nodes[size_t(node)].statusByPid) {
        QJsonValue v = status;
        for (const QString &p : parts) {
            v = v.toObject().value(p);
        }
        sum += v.toDouble();
    }
    return sum;
}

QJsonObject NodeSampler::lastStatus(int node) const {
    const Node &n = m_nodes[size_t(node)];
    const auto it = n.statusByPid.find(n.newestPid);
    return it == n.statusByPid.end() ? QJsonObject() : it->second;
}

} // namespace orion::soak
