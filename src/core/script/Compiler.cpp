// SPDX-License-Identifier: GPL-3.0-or-later
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

Result<std::shared_ptr<const Program>>
Compiler::compile(const QString &source, const QString &fileName, Diagnostic *diagnostic) {
    Compiler c;
    c.m_program = std::make_unique<Program>();
    c.m_program->m_fileName = fileName;
    try {
        const QByteArray utf8 = source.toUtf8();
        const auto tokens =
            Tokenizer::tokenize(std::string_view(utf8.constData(), size_t(utf8.size())));
        const auto forms = Parser::parse(tokens);
        c.compileProgram(forms);
    } catch (const SourceError &e) {
        Diagnostic d{fileName, e.line, e.column, e.message};
        if (diagnostic) {
            *diagnostic = d;
        }
        return Result<std::shared_ptr<const Program>>::failure(d.toString());
    }
    return std::shared_ptr<const Program>(std::move(c.m_program));
}

void Compiler::fail(const AstNode &at, const QString &message) {
    throw SourceError{at.line, at.column, message};
}

void Compiler::compileProgram(const std::vector<AstNode> &forms) {
    for (const char *name : kPredefinedNames) {
        m_resolver.declareGlobal(name);
        m_program->m_globalNames.push_back(QString::fromLatin1(name));
    }
    collectFunctions(forms);
    compileInit(forms);
    for (const AstNode &form : forms) {
        if (form.isList() && !form.items.empty() && form.items[0].isSymbol("defun")) {
            compileFunction(form, m_functions.at(form.items[1].text).index);
        }
    }
    auto main = m_functions.find("main");
    if (main == m_functions.end()) {
        throw SourceError{1, 1, QStringLiteral("no main function: define (defun main () ...)")};
    }
    m_program->m_main = main->second.index;
}

void Compiler::collectFunctions(const std::vector<AstNode> &forms) {
    for (const AstNode &form : forms) {
        if (!form.isList() || form.items.empty() || !form.items[0].isSymbol()) {
            fail(form, QStringLiteral("only (defun ...) and (let ...) may appear at top level"));
        }
        const AstNode &head = form.items[0];
        if (head.text == "let") {
            continue;
        }
        if (head.text != "defun") {
            fail(form, QStringLiteral("only (defun ...) and (let ...) may appear at top level, "
                                      "not (%1 ...)")
                           .arg(q(head.text)));
        }
        if (form.items.size() < 3 || !form.items[1].isSymbol() || !form.items[2].isList()) {
            fail(form, QStringLiteral("defun must look like (defun NAME (PARAMS...) BODY...)"));
        }
        const std::string &name = form.items[1].text;
        if (contains(kSpecialForms, name) || contains(kOperators, name) ||
            Builtins::find(name) >= 0 || name == "t" || name == "nil") {
            fail(form.items[1],
                 QStringLiteral("cannot define '%1': it is a built-in name").arg(q(name)));
        }
        if (m_functions.count(name)) {
            fail(form.items[1], QStringLiteral("function '%1' is defined twice").arg(q(name)));
        }
        std::vector<std::string> params;
        for (const AstNode &p : form.items[2].items) {
            if (!p.isSymbol() || p.text == "t" || p.text == "nil") {
                fail(p, QStringLiteral("parameter must be a name, found %1").arg(describe(p)));
            }
            if (std::find(params.begin(), params.end(), p.text) != params.end()) {
                fail(p, QStringLiteral("parameter '%1' appears twice").arg(q(p.text)));
            }
            params.push_back(p.text);
        }
        if (name == "main" && !params.empty()) {
            fail(form.items[2], QStringLiteral("main takes no parameters"));
        }
        const int index = int(m_program->m_functions.size());
        Program::Function f;
        f.name = q(name);
        f.arity = int(params.size());
        m_program->m_functions.push_back(f);
        m_functions[name] = {index, f.arity};
    }
}

void Compiler::compileInit(const std::vector<AstNode> &forms) {
    bool any = false;
    for (const AstNode &form : forms) {
        if (form.items[0].isSymbol("let")) {
            any = true;
        }
    }
    if (!any) {
        return;
    }
    const int index = int(m_program->m_functions.size());
    Program::Function f;
    f.name = QStringLiteral("<top level>");
    m_program->m_functions.push_back(f);
    m_program->m_init = index;
    m_resolver.beginFunction();
    m_depth = m_maxDepth = 0;
    m_program->m_functions[size_t(index)].entry = int(m_program->m_code.size());
    for (const AstNode &form : forms) {
        if (!form.items[0].isSymbol("let")) {
            continue;
        }
        if (form.items.size() < 2 || form.items.size() > 3 || !form.items[1].isSymbol()) {
            fail(form, QStringLiteral("a top-level let must look like (let NAME VALUE)"));
        }
        const std::string name = variableName(form.items[1], "let");
        if (m_resolver.lookup(name).kind == Resolver::Kind::Global &&
            m_resolver.lookup(name).slot < Program::kPredefinedCount) {
            fail(form.items[1],
                 QStringLiteral("'%1' is predefined and cannot be redefined").arg(q(name)));
        }
        if (form.items.size() == 3) {
            compile(form.items[2], true);
        } else {
            m_pos = {form.line, form.column};
            emitOp(Opcode::Nil, 1);
        }
        const int slot = m_resolver.declareGlobal(name);
        if (slot >= int(m_program->m_globalNames.size())) {
            m_program->m_globalNames.push_back(q(name));
        }
        emitOp(Opcode::StoreG, slot, -1);
    }
    emitOp(Opcode::Nil, 1);
    emitOp(Opcode::Ret, -1);
    auto &fn = m_program->m_functions[size_t(index)];
    fn.numLocals = m_resolver.endFunction();
    fn.maxStack = m_maxDepth + 1;
}

void Compiler::compileFunction(const AstNode &defun, int index) {
    m_resolver.beginFunction();
    m_resolver.pushScope();
    for (const AstNode &p : defun.items[2].items) {
        m_resolver.declareLocal(p.text);
    }
    m_depth = m_maxDepth = 0;
    auto entry = int(m_program->m_code.size());
    compileBody(defun.items, 3, true);
    m_pos = {defun.line, defun.column};
    emitOp(Opcode::Ret, -1);
    m_resolver.popScope();
    auto &fn = m_program->m_functions[size_t(index)];
    fn.entry = entry;
    fn.numLocals = m_resolver.endFunction();
    fn.maxStack = m_maxDepth + 1;
}

// ---- emission -------------------------------------------------------------------------

void Compiler::setDepth(int depth) {
    m_depth = depth;
    m_maxDepth = std::max(m_maxDepth, m_depth);
}

void Compiler::emitOp(Opcode op, int stackEffect) {
    m_program->m_code.push_back(int32_t(op));
    m_program->m_positions.push_back(m_pos);
    setDepth(m_depth + stackEffect);
}

void Compiler::emitOp(Opcode op, int32_t a, int stackEffect) {
    emitOp(op, stackEffect);
    m_program->m_code.push_back(a);
    m_program->m_positions.push_back(m_pos);
}

void Compiler::emitOp(Opcode op, int32_t a, int32_t b, int stackEffect) {
    emitOp(op, a, stackEffect);
    m_program->m_code.push_back(b);
    m_program->m_positions.push_back(m_pos);
}

size_t Compiler::emitJump(Opcode op, int stackEffect) {
    emitOp(op, 0, stackEffect);
    return m_program->m_code.size() - 1;
}

void Compiler::pushConstant(Value v) {
    m_program->m_constants.push_back(std::move(v));
    emitOp(Opcode::Const, int32_t(m_program->m_constants.size() - 1), 1);
}

int Compiler::stringConstant(const std::string &s) {
    auto it = m_strings.find(s);
    if (it != m_strings.end()) {
        return it->second;
    }
    m_program->m_constants.push_back(Value::adopt(StringObject::createImmortal(s)));
    const int index = int(m_program->m_constants.size() - 1);
    m_strings[s] = index;
    return index;
}

std::string Compiler::variableName(const AstNode &n, const char *form) {
    if (!n.isSymbol()) {
        fail(n, QStringLiteral("%1 needs a variable name, found %2")
                    .arg(QLatin1String(form), describe(n)));
    }
    if (n.text == "t" || n.text == "nil") {
        fail(n, QStringLiteral("'%1' is a constant and cannot be a variable").arg(q(n.text)));
    }
    return n.text;
}

void Compiler::checkArgs(const AstNode &n, int min, int max) {
    const int argc = int(n.items.size()) - 1;
    if (argc >= min && (max < 0 || argc <= max)) {
        return;
    }
    const QString name = q(n.items[0].text);
    QString expected;
    if (max < 0) {
        expected = QStringLiteral("at least %1").arg(arguments(min));
    } else if (min == max) {
        expected = arguments(min);
    } else {
        expected = QStringLiteral("%1 to %2 arguments").arg(min).arg(max);
    }
    fail(n, QStringLiteral("wrong number of arguments: '%1' expects %2, got %3")
                .arg(name, expected)
                .arg(argc));
}

// ---- expressions ----------------------------------------------------------------------

void Compiler::compile(const AstNode &n, bool want) {
    const Program::Position saved = m_pos;
    m_pos = {n.line, n.column};
    switch (n.kind) {
    case AstNode::Kind::Int:
        if (want) {
            if (n.intValue >= std::numeric_limits<int32_t>::min() &&
                n.intValue <= std::numeric_limits<int32_t>::max()) {
                emitOp(Opcode::Int, int32_t(n.intValue), 1);
            } else {
                pushConstant(Value::integer(n.intValue));
            }
        }
        break;
    case AstNode::Kind::Float:
        if (want) {
            pushConstant(Value::real(n.floatValue));
        }
        break;
    case AstNode::Kind::String:
        if (want) {
            emitOp(Opcode::Const, stringConstant(n.text), 1);
        }
        break;
    case AstNode::Kind::Symbol:
        compileSymbol(n, want);
        break;
    case AstNode::Kind::List:
        compileForm(n, want);
        break;
    }
    m_pos = saved;
}

void Compiler::compileBody(const std::vector<AstNode> &items, size_t from, bool want) {
    if (from >= items.size()) {
        if (want) {
            emitOp(Opcode::Nil, 1);
        }
        return;
    }
    for (size_t i = from; i < items.size(); ++i) {
        compile(items[i], want && i + 1 == items.size());
    }
}

void Compiler::compileScopedBody(const std::vector<AstNode> &items, size_t from, bool want) {
    m_resolver.pushScope();
    compileBody(items, from, want);
    m_resolver.popScope();
}

void Compiler::compileSymbol(const AstNode &n, bool want) {
    if (n.text == "t" || n.text == "nil") {
        if (want) {
            emitOp(n.text == "t" ? Opcode::True : Opcode::Nil, 1);
        }
        return;
    }
    const auto b = m_resolver.lookup(n.text);
    if (b.kind == Resolver::Kind::Unknown) {
        fail(n, QStringLiteral("unknown variable '%1'").arg(q(n.text)));
    }
    if (b.kind == Resolver::Kind::Global && b.slot < Program::kPredefinedCount) {
        m_program->m_usedPredefined |= 1u << b.slot;
    }
    if (want) {
        emitOp(b.kind == Resolver::Kind::Local ? Opcode::LoadL : Opcode::LoadG, b.slot, 1);
    }
}

void Compiler::compileForm(const AstNode &n, bool want) {
    if (n.items.empty()) {
        if (want) {
            emitOp(Opcode::Nil, 1);
        }
        return;
    }
    const AstNode &head = n.items[0];
    if (!head.isSymbol()) {
        fail(head, QStringLiteral("expected a function name, found %1").arg(describe(head)));
    }
    const std::string &name = head.text;
    if (compileSpecial(n, name, want) || compileOperator(n, name, want)) {
        return;
    }
    compileCall(n, want);
}

void Compiler::compileCall(const AstNode &n, bool want) {
    const std::string &name = n.items[0].text;
    const int argc = int(n.items.size()) - 1;
    auto fn = m_functions.find(name);
    if (fn != m_functions.end()) {
        checkArgs(n, fn->second.arity, fn->second.arity);
        for (size_t i = 1; i < n.items.size(); ++i) {
            compile(n.items[i], true);
        }
        emitOp(Opcode::Call, fn->second.index, argc, 1 - argc);
    } else {
        const int b = Builtins::find(name);
        if (b < 0) {
            fail(n.items[0], QStringLiteral("unknown function '%1'").arg(q(name)));
        }
        const BuiltinInfo &info = Builtins::info(b);
        checkArgs(n, info.minArgs, info.maxArgs);
        for (size_t i = 1; i < n.items.size(); ++i) {
            compile(n.items[i], true);
        }
        emitOp(Opcode::Builtin, b, argc, 1 - argc);
    }
    if (!want) {
        emitOp(Opcode::Pop, -1);
    }
}

bool Compiler::compileOperator(const AstNode &n, const std::string &name, bool want) {
    if (!contains(kOperators, name)) {
        return false;
    }
    const int argc = int(n.items.size()) - 1;
    auto binaryChain = [&](Opcode op) {
        compile(n.items[1], true);
        for (int i = 2; i <= argc; ++i) {
            const AstNode &arg = n.items[size_t(i)];
            const bool smallInt = arg.kind == AstNode::Kind::Int && arg.intValue > -(1 << 30) &&
                                  arg.intValue < (1 << 30);
            if (smallInt && (op == Opcode::Add || op == Opcode::Sub)) {
                emitOp(Opcode::AddI, int32_t(op == Opcode::Add ? arg.intValue : -arg.intValue), 0);
            } else {
                compile(arg, true);
                emitOp(op, -1);
            }
        }
    };
    if (name == "+" || name == "*") {
        const Opcode op = name == "+" ? Opcode::Add : Opcode::Mul;
        if (argc == 0) {
            emitOp(Opcode::Int, name == "+" ? 0 : 1, 1);
        } else if (argc == 1) {
            // (+ x) is x, but still checked to be a number.
            emitOp(Opcode::Int, name == "+" ? 0 : 1, 1);
            compile(n.items[1], true);
            emitOp(op, -1);
        } else {
            binaryChain(op);
        }
    } else if (name == "-") {
        checkArgs(n, 1, -1);
        if (argc == 1) {
            compile(n.items[1], true);
            emitOp(Opcode::Neg, 0);
        } else {
            binaryChain(Opcode::Sub);
        }
    } else if (name == "/") {
        checkArgs(n, 2, -1);
        binaryChain(Opcode::Div);
    } else if (name == "%") {
        checkArgs(n, 2, 2);
        binaryChain(Opcode::Mod);
    } else if (name == "not" || name == "null") {
        checkArgs(n, 1, 1);
        compile(n.items[1], true);
        emitOp(Opcode::Not, 0);
    } else {
        checkArgs(n, 2, 2);
        compile(n.items[1], true);
        compile(n.items[2], true);
        Opcode op = Opcode::Eq;
        if (name == "<") {
            op = Opcode::Lt;
        } else if (name == ">") {
            op = Opcode::Gt;
        } else if (name == "<=") {
            op = Opcode::Le;
        } else if (name == ">=") {
            op = Opcode::Ge;
        } else if (name == "/=") {
            op = Opcode::Ne;
        }
        emitOp(op, -1);
    }
    if (!want) {
        emitOp(Opcode::Pop, -1);
    }
    return true;
}

} // namespace orion::script
