// SPDX-License-Identifier: GPL-3.0-or-later
// The special forms of NET-Script (let, set, if, when/unless, cond, while, and/or, return)
// and the conditional jumps they share; the rest of the compiler is in Compiler.cpp.
#include "script/Compiler.h"

#include "script/Builtins.h"
#include "script/CompilerNames.h"
#include "script/Parser.h"
#include "script/SourceError.h"
#include "script/StringObject.h"
#include "script/Tokenizer.h"

#include <algorithm>
#include <limits>

namespace orion::script {

using namespace compiler;

size_t Compiler::compileJumpIfFalse(const AstNode &cond) {
    if (cond.isList() && cond.items.size() == 3 && cond.items[0].isSymbol()) {
        const std::string &op = cond.items[0].text;
        Opcode fused = Opcode::Count;
        if (op == "<") {
            fused = Opcode::LtJf;
        } else if (op == "<=") {
            fused = Opcode::LeJf;
        } else if (op == ">") {
            fused = Opcode::GtJf;
        } else if (op == ">=") {
            fused = Opcode::GeJf;
        }
        if (fused != Opcode::Count) {
            const Program::Position saved = m_pos;
            m_pos = {cond.line, cond.column};
            compile(cond.items[1], true);
            compile(cond.items[2], true);
            const size_t at = emitJump(fused, -2);
            m_pos = saved;
            return at;
        }
    }
    if (cond.isList() && cond.items.size() == 2 &&
        (cond.items[0].isSymbol("not") || cond.items[0].isSymbol("null"))) {
        compile(cond.items[1], true);
        return emitJump(Opcode::Jt, -1);
    }
    compile(cond, true);
    return emitJump(Opcode::Jf, -1);
}

bool Compiler::compileSpecial(const AstNode &n, const std::string &name, bool want) {
    if (!contains(kSpecialForms, name)) {
        return false;
    }
    if (name == "defun") {
        fail(n, QStringLiteral("defun is only allowed at top level"));
    } else if (name == "let") {
        compileLet(n, want);
    } else if (name == "set") {
        compileSet(n, want);
    } else if (name == "if") {
        compileIf(n, want);
    } else if (name == "when" || name == "unless") {
        compileWhenUnless(n, want, name == "when");
    } else if (name == "cond") {
        compileCond(n, want);
    } else if (name == "while") {
        compileWhile(n, want);
    } else if (name == "progn") {
        compileBody(n.items, 1, want);
    } else if (name == "and" || name == "or") {
        compileAndOr(n, want, name == "and");
    } else if (name == "return") {
        compileReturn(n, want);
    }
    return true;
}

void Compiler::compileLet(const AstNode &n, bool want) {
    if (n.items.size() >= 2 && n.items[1].isList()) {
        // Classic form: (let ((NAME VALUE)...) BODY...), bindings made one after another.
        m_resolver.pushScope();
        for (const AstNode &b : n.items[1].items) {
            if (b.isSymbol()) {
                const std::string v = variableName(b, "let");
                emitOp(Opcode::Nil, 1);
                emitOp(Opcode::StoreL, m_resolver.declareLocal(v), -1);
                continue;
            }
            if (!b.isList() || b.items.empty() || b.items.size() > 2) {
                fail(b, QStringLiteral("a let binding must look like (NAME VALUE)"));
            }
            const std::string v = variableName(b.items[0], "let");
            if (b.items.size() == 2) {
                compile(b.items[1], true);
            } else {
                emitOp(Opcode::Nil, 1);
            }
            emitOp(Opcode::StoreL, m_resolver.declareLocal(v), -1);
        }
        compileBody(n.items, 2, want);
        m_resolver.popScope();
        return;
    }
    if (n.items.size() < 2 || n.items.size() > 3) {
        fail(n, QStringLiteral("let must look like (let NAME VALUE)"));
    }
    const std::string v = variableName(n.items[1], "let");
    if (n.items.size() == 3) {
        compile(n.items[2], true);
    } else {
        emitOp(Opcode::Nil, 1);
    }
    const int slot = m_resolver.declareLocal(v);
    if (want) {
        emitOp(Opcode::SetL, slot, 0);
    } else {
        emitOp(Opcode::StoreL, slot, -1);
    }
}

void Compiler::compileSet(const AstNode &n, bool want) {
    if (n.items.size() != 3) {
        fail(n, QStringLiteral("set must look like (set NAME VALUE)"));
    }
    const std::string v = variableName(n.items[1], "set");
    const auto b = m_resolver.lookup(v);
    if (b.kind == Resolver::Kind::Unknown) {
        fail(n.items[1],
             QStringLiteral("unknown variable '%1' (bind it first with let)").arg(q(v)));
    }
    if (b.kind == Resolver::Kind::Global && b.slot < Program::kPredefinedCount) {
        fail(n.items[1], QStringLiteral("'%1' is predefined and cannot be set").arg(q(v)));
    }
    compile(n.items[2], true);
    if (b.kind == Resolver::Kind::Local) {
        emitOp(want ? Opcode::SetL : Opcode::StoreL, b.slot, want ? 0 : -1);
    } else {
        emitOp(want ? Opcode::SetG : Opcode::StoreG, b.slot, want ? 0 : -1);
    }
}

void Compiler::compileIf(const AstNode &n, bool want) {
    if (n.items.size() < 3) {
        fail(n, QStringLiteral("if must look like (if CONDITION THEN ELSE...)"));
    }
    const int depth = m_depth;
    const size_t toElse = compileJumpIfFalse(n.items[1]);
    m_resolver.pushScope();
    compile(n.items[2], want);
    m_resolver.popScope();
    const size_t toEnd = emitJump(Opcode::Jmp, 0);
    patch(toElse);
    setDepth(depth);
    compileScopedBody(n.items, 3, want);
    patch(toEnd);
    setDepth(depth + (want ? 1 : 0));
}

void Compiler::compileWhenUnless(const AstNode &n, bool want, bool isWhen) {
    if (n.items.size() < 2) {
        fail(n, QStringLiteral("%1 must look like (%1 CONDITION BODY...)")
                    .arg(isWhen ? QStringLiteral("when") : QStringLiteral("unless")));
    }
    const int depth = m_depth;
    size_t skip;
    if (isWhen) {
        skip = compileJumpIfFalse(n.items[1]);
    } else {
        compile(n.items[1], true);
        skip = emitJump(Opcode::Jt, -1);
    }
    compileScopedBody(n.items, 2, want);
    if (want) {
        const size_t toEnd = emitJump(Opcode::Jmp, 0);
        patch(skip);
        setDepth(depth);
        emitOp(Opcode::Nil, 1);
        patch(toEnd);
    } else {
        patch(skip);
    }
    setDepth(depth + (want ? 1 : 0));
}

void Compiler::compileCond(const AstNode &n, bool want) {
    const int depth = m_depth;
    std::vector<size_t> toEnd;
    for (size_t i = 1; i < n.items.size(); ++i) {
        const AstNode &clause = n.items[i];
        if (!clause.isList() || clause.items.empty()) {
            fail(clause, QStringLiteral("a cond clause must look like (CONDITION BODY...)"));
        }
        setDepth(depth);
        if (clause.items.size() == 1) {
            // A clause without a body yields its condition's value.
            compile(clause.items[0], true);
            toEnd.push_back(emitJump(want ? Opcode::JtKeep : Opcode::Jt, -1));
            continue;
        }
        const size_t next = compileJumpIfFalse(clause.items[0]);
        compileScopedBody(clause.items, 1, want);
        toEnd.push_back(emitJump(Opcode::Jmp, 0));
        patch(next);
    }
    setDepth(depth);
    if (want) {
        emitOp(Opcode::Nil, 1);
    }
    for (size_t at : toEnd) {
        patch(at);
    }
    setDepth(depth + (want ? 1 : 0));
}

void Compiler::compileWhile(const AstNode &n, bool want) {
    if (n.items.size() < 2) {
        fail(n, QStringLiteral("while must look like (while CONDITION BODY...)"));
    }
    const int depth = m_depth;
    const auto top = int32_t(m_program->m_code.size());
    const size_t exit = compileJumpIfFalse(n.items[1]);
    compileScopedBody(n.items, 2, false);
    const auto cost = int32_t(m_program->m_code.size() + 3) - top;
    emitOp(Opcode::Loop, top, cost, 0);
    patch(exit);
    setDepth(depth);
    if (want) {
        emitOp(Opcode::Nil, 1);
    }
}

void Compiler::compileAndOr(const AstNode &n, bool want, bool isAnd) {
    const int depth = m_depth;
    if (n.items.size() == 1) {
        emitOp(isAnd ? Opcode::True : Opcode::Nil, 1);
    } else {
        std::vector<size_t> toEnd;
        for (size_t i = 1; i < n.items.size(); ++i) {
            setDepth(depth);
            m_resolver.pushScope();
            compile(n.items[i], true);
            m_resolver.popScope();
            if (i + 1 < n.items.size()) {
                toEnd.push_back(emitJump(isAnd ? Opcode::JfKeep : Opcode::JtKeep, -1));
            }
        }
        for (size_t at : toEnd) {
            patch(at);
        }
        setDepth(depth + 1);
    }
    if (!want) {
        emitOp(Opcode::Pop, -1);
    }
}

void Compiler::compileReturn(const AstNode &n, bool want) {
    if (n.items.size() > 2) {
        fail(n, QStringLiteral("return must look like (return VALUE)"));
    }
    const int depth = m_depth;
    if (!m_resolver.inFunction()) {
        fail(n, QStringLiteral("return is only allowed inside a function"));
    }
    if (n.items.size() == 2) {
        compile(n.items[1], true);
    } else {
        emitOp(Opcode::Nil, 1);
    }
    emitOp(Opcode::Ret, -1);
    setDepth(depth + (want ? 1 : 0));
}

} // namespace orion::script
