// SPDX-License-Identifier: GPL-3.0-or-later
// Opcode: the instructions of the NET-Script stack machine. Code is a flat array of int32
// words: an opcode followed by its operands (listed per opcode). Shared read-only by threads.
#pragma once

#include <cstdint>

namespace orion::script {

enum class Opcode : int32_t {
    Nil,    // push nil
    True,   // push t
    Int,    // imm: push a small integer
    Const,  // k: push constant k
    LoadL,  // slot: push local
    LoadG,  // slot: push global
    StoreL, // slot: pop into local
    SetL,   // slot: copy top into local (keeps it)
    StoreG, // slot: pop into global
    SetG,   // slot: copy top into global (keeps it)
    Pop,    // drop top
    Jmp,    // target
    Loop,   // target, cost: backward jump that charges the instruction budget
    Jf,     // target: pop, jump if false
    Jt,     // target: pop, jump if true
    JfKeep, // target: if top is false jump keeping it, else pop
    JtKeep, // target: if top is true jump keeping it, else pop
    Call,   // function, argc
    Ret,    // return top
    Add,
    Sub,
    Mul,
    Div,
    Mod,
    Neg,
    Lt,
    Gt,
    Le,
    Ge,
    Eq,
    Ne,
    Not,
    AddI,    // imm: top += imm
    LtJf,    // target: pop b, pop a, jump unless a < b (fused compare and branch)
    LeJf,    // target
    GtJf,    // target
    GeJf,    // target
    Builtin, // id, argc: call a built-in with the top argc values
    Count
};

// Number of operand words after each opcode.
constexpr int operandCount(Opcode op) {
    switch (op) {
    case Opcode::Int:
    case Opcode::Const:
    case Opcode::LoadL:
    case Opcode::LoadG:
    case Opcode::StoreL:
    case Opcode::SetL:
    case Opcode::StoreG:
    case Opcode::SetG:
    case Opcode::Jmp:
    case Opcode::Jf:
    case Opcode::Jt:
    case Opcode::JfKeep:
    case Opcode::JtKeep:
    case Opcode::AddI:
    case Opcode::LtJf:
    case Opcode::LeJf:
    case Opcode::GtJf:
    case Opcode::GeJf:
        return 1;
    case Opcode::Loop:
    case Opcode::Call:
    case Opcode::Builtin:
        return 2;
    default:
        return 0;
    }
}

} // namespace orion::script
