// SPDX-License-Identifier: GPL-3.0-or-later
// Resolver: maps every variable name to a slot ahead of time (locals per function with block
// scopes, then globals). Used by the Compiler on the compiling thread.
#pragma once

#include <string>
#include <utility>
#include <vector>

namespace orion::script {

class Resolver {
public:
    enum class Kind { Unknown, Local, Global };
    struct Binding {
        Kind kind = Kind::Unknown;
        int slot = -1;
    };

    int declareGlobal(const std::string &name);
    void beginFunction();
    // Returns the number of local slots the function needs.
    int endFunction();
    void pushScope();
    void popScope();
    int declareLocal(const std::string &name);
    Binding lookup(const std::string &name) const;
    bool inFunction() const { return m_inFunction; }

private:
    std::vector<std::pair<std::string, int>> m_globals;
    std::vector<std::pair<std::string, int>> m_locals; // innermost last
    std::vector<std::pair<size_t, int>> m_scopes;      // (locals size, next slot) at each push
    int m_nextSlot = 0;
    int m_maxSlots = 0;
    bool m_inFunction = false;
};

} // namespace orion::script
