// SPDX-License-Identifier: GPL-3.0-or-later
#include "script/Program.h"

#include "script/Builtins.h"
#include "script/Opcode.h"
#include "script/StringObject.h"

namespace orion::script {

namespace {
const char *const kNames[] = {
    "nil", "true", "int",  "const", "loadl", "loadg",  "storel", "setl",   "storeg", "setg",
    "pop", "jmp",  "loop", "jf",    "jt",    "jfkeep", "jtkeep", "call",   "ret",    "add",
    "sub", "mul",  "div",  "mod",   "neg",   "lt",     "gt",     "le",     "ge",     "eq",
    "ne",  "not",  "addi", "ltjf",  "lejf",  "gtjf",   "gejf",   "builtin"};
static_assert(sizeof(kNames) / sizeof(kNames[0]) == size_t(Opcode::Count));
} // namespace

Program::~Program() {
    for (Value &v : m_constants) {
        if (v.isString()) {
            StringObject::destroyImmortal(v.asString());
        }
        v.forget();
    }
}

QString Program::disassemble() const {
    QString out;
    for (size_t f = 0; f < m_functions.size(); ++f) {
        const Function &fn = m_functions[f];
        out += QStringLiteral("function %1 %2 (arity %3, locals %4, stack %5) at %6\n")
                   .arg(f)
                   .arg(fn.name)
                   .arg(fn.arity)
                   .arg(fn.numLocals)
                   .arg(fn.maxStack)
                   .arg(fn.entry);
    }
    for (size_t pc = 0; pc < m_code.size();) {
        const auto op = Opcode(m_code[pc]);
        out += QStringLiteral("%1 %2").arg(pc, 5).arg(QLatin1String(kNames[int(op)]));
        if (op == Opcode::Builtin) {
            out += QStringLiteral(" %1/%2")
                       .arg(QLatin1String(Builtins::info(m_code[pc + 1]).name))
                       .arg(m_code[pc + 2]);
        } else {
            for (int i = 1; i <= operandCount(op); ++i) {
                out += QStringLiteral(" %1").arg(m_code[pc + size_t(i)]);
            }
        }
        out += u'\n';
        pc += size_t(1 + operandCount(op));
    }
    return out;
}

} // namespace orion::script
