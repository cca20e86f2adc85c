// SPDX-License-Identifier: GPL-3.0-or-later
#include "routing/KBucket.h"

#include <algorithm>

namespace orion::routing {

namespace {

template <typename Vec>
auto findIn(Vec &v, const identity::Key160 &id) {
    return std::find_if(v.begin(), v.end(), [&](const Contact &c) { return c.info.id == id; });
}

} // namespace

Contact *KBucket::find(const identity::Key160 &id) {
    auto it = findIn(m_contacts, id);
    return it == m_contacts.end() ? nullptr : &*it;
}

const Contact *KBucket::find(const identity::Key160 &id) const {
    auto it = findIn(m_contacts, id);
    return it == m_contacts.end() ? nullptr : &*it;
}

bool KBucket::remove(const identity::Key160 &id) {
    auto it = findIn(m_contacts, id);
    if (it == m_contacts.end()) {
        return false;
    }
    m_contacts.erase(it);
    return true;
}

bool KBucket::removeReplacement(const identity::Key160 &id) {
    auto it = findIn(m_replacements, id);
    if (it == m_replacements.end()) {
        return false;
    }
    m_replacements.erase(it);
    return true;
}

void KBucket::addReplacement(const Contact &contact, int capacity) {
    if (capacity <= 0) {
        return;
    }
    auto it = findIn(m_replacements, contact.info.id);
    if (it != m_replacements.end()) {
        const qint64 firstSeen = it->firstSeenMs;
        *it = contact;
        it->firstSeenMs = std::min(firstSeen, contact.firstSeenMs);
        return;
    }
    if (int(m_replacements.size()) >= capacity) {
        auto oldest = std::min_element(
            m_replacements.begin(), m_replacements.end(),
            [](const Contact &a, const Contact &b) { return a.lastSeenMs < b.lastSeenMs; });
        m_replacements.erase(oldest);
    }
    m_replacements.push_back(contact);
}

std::optional<Contact> KBucket::takeReplacement() {
    if (m_replacements.empty()) {
        return std::nullopt;
    }
    auto newest = std::max_element(
        m_replacements.begin(), m_replacements.end(),
        [](const Contact &a, const Contact &b) { return a.lastSeenMs < b.lastSeenMs; });
    Contact c = *newest;
    m_replacements.erase(newest);
    return c;
}

const Contact *KBucket::leastRecentlySeen() const {
    auto it = std::min_element(
        m_contacts.begin(), m_contacts.end(),
        [](const Contact &a, const Contact &b) { return a.lastSeenMs < b.lastSeenMs; });
    return it == m_contacts.end() ? nullptr : &*it;
}

int KBucket::countInSubnet(quint64 subnetKey) const {
    return int(std::count_if(m_contacts.begin(), m_contacts.end(),
                             [&](const Contact &c) { return c.subnet == subnetKey; }));
}

} // namespace orion::routing
