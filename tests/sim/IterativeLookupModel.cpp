// SPDX-License-Identifier: GPL-3.0-or-later
#include "IterativeLookupModel.h"

#include "SimAddress.h"
#include "routing/Lookup.h"

#include <algorithm>
#include <queue>

namespace orion::sim {

using identity::Key160;
using routing::NodeInfo;

namespace {

NodeInfo infoOf(const OverlayView &view, int node) {
    NodeInfo info;
    info.id = view.nodeId(node);
    info.endpoint = endpointForNode(quint32(node));
    return info;
}

struct Reply {
    double atMs;
    int node;
    bool answered;
    bool operator>(const Reply &o) const { return atMs > o.atMs; }
};

} // namespace

IterativeOutcome IterativeLookupModel::run(int from, const Key160 &target,
                                           const std::vector<int> &seeds) const {
    const OverlayView &view = *m_view;
    routing::Lookup lookup(target, view.nodeId(from), m_config.k, m_config.alpha);
    std::vector<int> nodes;
    std::vector<NodeInfo> infos;
    auto toInfos = [&](const std::vector<int> &list) {
        infos.clear();
        for (int n : list) {
            infos.push_back(infoOf(view, n));
        }
        return infos;
    };
    view.closestContacts(from, target, m_config.k, nodes);
    lookup.addCandidates(toInfos(nodes), 1);
    lookup.addCandidates(toInfos(seeds), 1);

    IterativeOutcome out;
    std::priority_queue<Reply, std::vector<Reply>, std::greater<>> replies;
    double now = 0;
    auto send = [&] {
        for (const NodeInfo &to : lookup.nextQueries()) {
            const int node = nodeForEndpoint(to.endpoint);
            ++out.requests;
            if (!view.nodeAlive(node)) {
                replies.push({now + m_config.requestTimeoutMs, node, false});
                continue;
            }
            const double rtt = view.rttMs(from, node);
            double cost = rtt;
            if (!view.connected(from, node)) {
                cost += m_config.dialRtts * rtt;
                ++out.dials;
            }
            // An answer slower than the time-out counts as none (OverlayEngine's timer starts
            // when the request is handed over, before the dial).
            if (cost > m_config.requestTimeoutMs) {
                replies.push({now + m_config.requestTimeoutMs, node, false});
            } else {
                replies.push({now + cost, node, true});
            }
        }
    };
    send();
    while (!lookup.isFinished() && !replies.empty()) {
        const Reply r = replies.top();
        replies.pop();
        now = r.atMs;
        if (r.answered) {
            // OverlayEngine::answerFindNode: the k closest, leaving out the requester.
            view.closestContacts(r.node, target, m_config.k + 1, nodes);
            nodes.erase(std::remove(nodes.begin(), nodes.end(), from), nodes.end());
            if (int(nodes.size()) > m_config.k) {
                nodes.resize(size_t(m_config.k));
            }
            const bool wasFound = lookup.found();
            lookup.answered(view.nodeId(r.node), toInfos(nodes));
            if (!wasFound && lookup.found()) {
                out.foundMs = now;
            }
        } else {
            lookup.failed(view.nodeId(r.node));
        }
        send();
    }
    out.found = lookup.found();
    out.hops = lookup.hops();
    out.latencyMs = now;
    for (const NodeInfo &n : lookup.result()) {
        out.closest.push_back(nodeForEndpoint(n.endpoint));
    }
    return out;
}

} // namespace orion::sim
