// SPDX-License-Identifier: GPL-3.0-or-later
#include "routing/Lookup.h"

#include <algorithm>

namespace orion::routing {

using identity::Key160;

Lookup::Lookup(const Key160 &target, const Key160 &self, int k, int alpha)
    : m_target(target)
    , m_self(self)
    , m_k(std::max(1, k))
    , m_alpha(std::max(1, alpha)) {}

Lookup::Candidate *Lookup::find(const Key160 &id) {
    auto it = std::find_if(m_candidates.begin(), m_candidates.end(),
                           [&](const Candidate &c) { return c.info.id == id; });
    return it == m_candidates.end() ? nullptr : &*it;
}

const Lookup::Candidate *Lookup::candidate(const Key160 &id) const {
    auto it = std::find_if(m_candidates.begin(), m_candidates.end(),
                           [&](const Candidate &c) { return c.info.id == id; });
    return it == m_candidates.end() ? nullptr : &*it;
}

void Lookup::addCandidates(const std::vector<NodeInfo> &nodes, int depth) {
    const auto d = quint8(std::clamp(depth, 1, 255));
    for (const auto &node : nodes) {
        if (node.id == m_self || !node.endpoint.isValid()) {
            continue;
        }
        if (Candidate *known = find(node.id)) {
            known->depth = std::min(known->depth, d);
            continue;
        }
        // One node per host and port: a reply that names many IDs at one endpoint would
        // otherwise make this lookup dial that endpoint once for each of them.
        if (std::any_of(m_candidates.begin(), m_candidates.end(),
                        [&](const Candidate &c) { return c.info.endpoint == node.endpoint; })) {
            ++m_sharedEndpoints;
            continue;
        }
        auto pos = std::lower_bound(
            m_candidates.begin(), m_candidates.end(), node.id,
            [&](const Candidate &c, const Key160 &id) { return m_target.isCloser(c.info.id, id); });
        m_candidates.insert(pos, Candidate{node, State::Pending, d});
    }
    // Far candidates that were never asked cannot matter once there are enough closer ones;
    // a margin beyond k leaves room for nodes that turn out to be gone.
    const size_t capacity = size_t(m_k) * 3;
    for (size_t i = m_candidates.size(); i > capacity; --i) {
        const auto state = m_candidates[i - 1].state;
        if (state == State::Pending || state == State::Failed) {
            m_candidates.erase(m_candidates.begin() + qsizetype(i - 1));
        }
    }
}

std::vector<NodeInfo> Lookup::nextQueries() {
    std::vector<NodeInfo> out;
    if (isFinished()) {
        return out;
    }
    int answeredSeen = 0;
    for (auto &c : m_candidates) {
        if (m_inFlight >= m_alpha || answeredSeen >= m_k) {
            break;
        }
        if (c.state == State::Answered) {
            ++answeredSeen;
        } else if (c.state == State::Pending) {
            if (std::find(m_queried.begin(), m_queried.end(), c.info.endpoint) != m_queried.end()) {
                // Another ID at an endpoint this lookup asked already (an earlier candidate
                // there was dropped for room): never a second dial.
                c.state = State::Failed;
                ++m_sharedEndpoints;
                continue;
            }
            m_queried.push_back(c.info.endpoint);
            c.state = State::InFlight;
            ++m_inFlight;
            ++m_requests;
            out.push_back(c.info);
        }
    }
    return out;
}

void Lookup::answered(const Key160 &from, const std::vector<NodeInfo> &nodes) {
    Candidate *c = find(from);
    if (!c || c->state != State::InFlight) {
        return;
    }
    c->state = State::Answered;
    --m_inFlight;
    ++m_answers;
    const int depth = c->depth;
    if (from == m_target) {
        m_found = true;
        m_targetDepth = depth;
    }
    addCandidates(nodes, depth + 1);
}

void Lookup::failed(const Key160 &from) {
    Candidate *c = find(from);
    if (!c || c->state != State::InFlight) {
        return;
    }
    c->state = State::Failed;
    --m_inFlight;
    ++m_failures;
}

bool Lookup::isFinished() const {
    int answered = 0;
    for (const auto &c : m_candidates) {
        switch (c.state) {
        case State::Answered:
            if (++answered >= m_k) {
                return true;
            }
            break;
        case State::Pending:
        case State::InFlight:
            return false;
        case State::Failed:
            break;
        }
    }
    return m_inFlight == 0;
}

std::vector<NodeInfo> Lookup::result() const {
    std::vector<NodeInfo> out;
    for (const auto &c : m_candidates) {
        if (c.state == State::Answered) {
            out.push_back(c.info);
            if (int(out.size()) >= m_k) {
                break;
            }
        }
    }
    return out;
}

int Lookup::hops() const {
    if (m_found) {
        return m_targetDepth;
    }
    int deepest = 0;
    for (const auto &c : m_candidates) {
        if (c.state == State::Answered) {
            deepest = std::max<int>(deepest, c.depth);
        }
    }
    return deepest;
}

} // namespace orion::routing
