// SPDX-License-Identifier: GPL-3.0-or-later
// KBucket: up to k contacts that share a common-prefix length with the node's own ID, plus
// a bounded replacement cache of candidates. Owned by a RoutingTable on the node thread.
#pragma once

#include "routing/Contact.h"

#include <vector>

namespace orion::routing {

class KBucket {
public:
    const std::vector<Contact> &contacts() const { return m_contacts; }
    const std::vector<Contact> &replacements() const { return m_replacements; }
    std::vector<Contact> &contacts() { return m_contacts; }
    std::vector<Contact> &replacements() { return m_replacements; }

    Contact *find(const identity::Key160 &id);
    const Contact *find(const identity::Key160 &id) const;
    bool remove(const identity::Key160 &id);
    bool removeReplacement(const identity::Key160 &id);
    // Newest kept; when full the least recently seen candidate goes.
    void addReplacement(const Contact &contact, int capacity);
    // The candidate most recently heard from, removed from the cache.
    std::optional<Contact> takeReplacement();
    // The contact heard from least recently (the first to be questioned), or null.
    const Contact *leastRecentlySeen() const;
    int countInSubnet(quint64 subnetKey) const;

    qint64 lastActivityMs() const { return m_lastActivityMs; }
    void touch(qint64 nowMs) { m_lastActivityMs = nowMs; }

private:
    std::vector<Contact> m_contacts;
    std::vector<Contact> m_replacements;
    qint64 m_lastActivityMs = 0;
};

} // namespace orion::routing
