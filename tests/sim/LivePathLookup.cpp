// SPDX-License-Identifier: GPL-3.0-or-later
#include "LivePathLookup.h"

#include <algorithm>
#include <limits>
#include <unordered_set>

namespace orion::sim {

using identity::Key160;

namespace {

struct Path {
    int at = -1;
    double oneWayMs = 0; // from the initiator to `at`, summed over the hops
    std::vector<int> route;
    bool active = true;
    bool dropped = false;
    bool reachedTarget = false;
    std::vector<int> answer; // what its last node named
};

} // namespace

LivePathOutcome LivePathLookup::run(int from, const Key160 &target) const {
    const OverlayView &view = *m_view;
    const int k = m_config.k;
    LivePathOutcome out;
    std::unordered_set<int> used{from};
    std::vector<int> contacts;
    // The node's connected live contacts closer to the target than the node itself, closest
    // first, skipping nodes another path already went through.
    auto nextHop = [&](int node) {
        view.closestContacts(node, target, 3 * k, contacts);
        const int ownPrefix = view.nodeId(node).commonPrefixLength(target);
        int best = -1;
        double bestCost = std::numeric_limits<double>::infinity();
        for (int c : contacts) {
            if (node != from && !target.isCloser(view.nodeId(c), view.nodeId(node))) {
                break; // sorted: nobody farther down is closer either
            }
            // The target is the destination of every path, not a relay of one.
            const bool free = !used.count(c) || view.nodeId(c) == target;
            if (!free || !view.nodeAlive(c) || !view.connected(node, c)) {
                continue;
            }
            if (!m_config.proximity || view.nodeId(c) == target) {
                return c;
            }
            const int gained = view.nodeId(c).commonPrefixLength(target) - ownPrefix;
            const double cost = view.rttMs(node, c) / std::max(1, gained);
            if (cost < bestCost) {
                best = c;
                bestCost = cost;
            }
        }
        return best;
    };
    auto answerOf = [&](int node) {
        std::vector<int> named;
        view.closestContacts(node, target, k, named);
        named.push_back(node);
        return named;
    };

    std::vector<Path> paths;
    for (int p = 0; p < std::max(1, m_config.paths); ++p) {
        const int first = nextHop(from);
        if (first < 0) {
            break;
        }
        used.insert(first);
        Path path;
        path.at = first;
        path.oneWayMs = view.rttMs(from, first) / 2;
        path.route.push_back(first);
        paths.push_back(std::move(path));
    }
    // Lockstep, one hop of every path per round, so that no path takes a relay another path
    // would have reached first.
    bool moving = true;
    while (moving) {
        moving = false;
        for (Path &path : paths) {
            if (!path.active) {
                continue;
            }
            const Behaviour behaviour = behaviourOf(path.at);
            if (behaviour == Behaviour::Drop) {
                path.active = false;
                path.dropped = true;
                continue;
            }
            if (behaviour == Behaviour::Lie) {
                // Claims to be the end of the path and names real nodes, just not the target.
                path.active = false;
                path.answer = answerOf(path.at);
                path.answer.erase(std::remove_if(path.answer.begin(), path.answer.end(),
                                                 [&](int n) { return view.nodeId(n) == target; }),
                                  path.answer.end());
                continue;
            }
            if (view.nodeId(path.at) == target) {
                path.active = false;
                path.reachedTarget = true;
                path.answer = answerOf(path.at);
                continue;
            }
            const int next = nextHop(path.at);
            if (next < 0) {
                path.active = false;
                path.answer = answerOf(path.at);
                continue;
            }
            used.insert(next);
            path.oneWayMs += view.rttMs(path.at, next) / 2;
            path.at = next;
            path.route.push_back(next);
            moving = true;
        }
    }

    // The answers go back along their paths: as long again as the way there.
    double firstFound = std::numeric_limits<double>::infinity();
    double allDone = 0;
    std::vector<int> named;
    const Path *reached = nullptr;
    for (const Path &path : paths) {
        out.routes.push_back(path.route);
        const bool lost = path.dropped || 2 * path.oneWayMs > m_config.pathTimeoutMs;
        const double back = lost ? m_config.pathTimeoutMs : 2 * path.oneWayMs;
        allDone = std::max(allDone, back);
        if (lost) {
            continue; // the initiator never sees its answer
        }
        if (path.reachedTarget && back < firstFound) {
            firstFound = back;
            reached = &path;
        }
        named.insert(named.end(), path.answer.begin(), path.answer.end());
    }
    // Once the target answered (signed by its key), its answer is the result: what relays
    // named, honest or not, no longer counts.
    if (reached) {
        named = reached->answer;
    }
    std::sort(named.begin(), named.end());
    named.erase(std::unique(named.begin(), named.end()), named.end());
    named.erase(std::remove_if(named.begin(), named.end(),
                               [&](int n) { return n == from || !view.nodeAlive(n); }),
                named.end());
    std::sort(named.begin(), named.end(),
              [&](int a, int b) { return target.isCloser(view.nodeId(a), view.nodeId(b)); });
    if (int(named.size()) > k) {
        named.resize(size_t(k));
    }
    if (reached) {
        out.found = true;
        out.hops = int(reached->route.size());
        out.latencyMs = firstFound;
        out.closest = std::move(named);
        return out;
    }
    for (const Path &path : paths) {
        out.hops = std::max(out.hops, int(path.route.size()));
    }
    out.latencyMs = allDone;
    if (!m_config.fallback) {
        out.closest = std::move(named);
        return out;
    }
    // The live paths stopped short of the target: ask iteratively, starting from what they
    // named (a lookup of a key nobody has ends here too).
    const IterativeLookupModel iterative(view, m_config.iterative);
    const IterativeOutcome rest = iterative.run(from, target, named);
    out.usedFallback = true;
    out.found = rest.found;
    out.latencyMs += rest.found ? rest.foundMs : rest.latencyMs;
    out.hops += rest.hops;
    out.closest = rest.closest;
    return out;
}

} // namespace orion::sim
