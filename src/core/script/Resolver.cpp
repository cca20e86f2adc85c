// SPDX-License-Identifier: GPL-3.0-or-later
#include "script/Resolver.h"

#include <algorithm>

namespace orion::script {

int Resolver::declareGlobal(const std::string &name) {
    for (const auto &g : m_globals) {
        if (g.first == name) {
            return g.second;
        }
    }
    const int slot = int(m_globals.size());
    m_globals.emplace_back(name, slot);
    return slot;
}

void Resolver::beginFunction() {
    m_locals.clear();
    m_scopes.clear();
    m_nextSlot = 0;
    m_maxSlots = 0;
    m_inFunction = true;
}

int Resolver::endFunction() {
    m_inFunction = false;
    m_locals.clear();
    m_scopes.clear();
    return m_maxSlots;
}

void Resolver::pushScope() {
    m_scopes.emplace_back(m_locals.size(), m_nextSlot);
}

void Resolver::popScope() {
    // Slots of a closed scope are reused by later siblings; every let writes its slot
    // before the name can be read, so no stale value is ever visible.
    m_locals.resize(m_scopes.back().first);
    m_nextSlot = m_scopes.back().second;
    m_scopes.pop_back();
}

int Resolver::declareLocal(const std::string &name) {
    const int slot = m_nextSlot++;
    m_maxSlots = std::max(m_maxSlots, m_nextSlot);
    m_locals.emplace_back(name, slot);
    return slot;
}

Resolver::Binding Resolver::lookup(const std::string &name) const {
    for (auto it = m_locals.rbegin(); it != m_locals.rend(); ++it) {
        if (it->first == name) {
            return {Kind::Local, it->second};
        }
    }
    for (const auto &g : m_globals) {
        if (g.first == name) {
            return {Kind::Global, g.second};
        }
    }
    return {};
}

} // namespace orion::script
