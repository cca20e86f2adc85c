// SPDX-License-Identifier: GPL-3.0-or-later
// Program: a compiled NET-Script program (bytecode, constants, functions, source positions).
// Immutable once built by the Compiler and shared by any number of instances on any threads.
#pragma once

#include "script/Value.h"

#include <QString>

#include <cstdint>
#include <vector>

namespace orion::script {

class Program {
public:
    // Predefined globals, in slot order.
    enum Predefined { kMessage, kSender, kReceiver, kService, kSelf, kPredefinedCount };

    struct Function {
        QString name;
        int arity = 0;
        int numLocals = 0;
        int maxStack = 0;
        int entry = 0;
    };
    struct Position {
        int line = 0;
        int column = 0;
    };

    Program() = default;
    ~Program();
    Program(const Program &) = delete;
    Program &operator=(const Program &) = delete;

    const QString &fileName() const { return m_fileName; }
    const int32_t *code() const { return m_code.data(); }
    size_t codeSize() const { return m_code.size(); }
    const Value *constants() const { return m_constants.data(); }
    const std::vector<Function> &functions() const { return m_functions; }
    int mainFunction() const { return m_main; }
    int initFunction() const { return m_init; } // -1 when there are no top-level lets
    int globalCount() const { return int(m_globalNames.size()); }
    const std::vector<QString> &globalNames() const { return m_globalNames; }
    bool usesPredefined(Predefined p) const { return m_usedPredefined & (1u << p); }
    Position position(size_t codeIndex) const {
        return codeIndex < m_positions.size() ? m_positions[codeIndex] : Position{};
    }
    // A readable listing of the bytecode, for debugging and tests.
    QString disassemble() const;

private:
    friend class Compiler;

    QString m_fileName;
    std::vector<int32_t> m_code;
    std::vector<Position> m_positions; // one per code word
    std::vector<Value> m_constants;
    std::vector<Function> m_functions;
    std::vector<QString> m_globalNames;
    int m_main = -1;
    int m_init = -1;
    uint32_t m_usedPredefined = 0;
};

} // namespace orion::script
