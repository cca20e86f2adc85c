// SPDX-License-Identifier: GPL-3.0-or-later
// Compiler: turns NET-Script source into an immutable, shareable Program (tokenizer, parser,
// resolver, bytecode). A compiler object lives only inside one compile() call on its thread.
#pragma once

#include "script/AstNode.h"
#include "script/Diagnostic.h"
#include "script/Opcode.h"
#include "script/Program.h"
#include "script/Resolver.h"
#include "util/Result.h"

#include <QString>

#include <map>
#include <memory>
#include <string>
#include <vector>

namespace orion::script {

class Compiler {
public:
    // On failure the error text is "FILE:LINE:COL: error: MESSAGE"; @p diagnostic, if given,
    // receives the same error as separate fields.
    static Result<std::shared_ptr<const Program>>
    compile(const QString &source, const QString &fileName, Diagnostic *diagnostic = nullptr);

private:
    struct UserFunction {
        int index;
        int arity;
    };

    Compiler() = default;
    void compileProgram(const std::vector<AstNode> &forms);
    void collectFunctions(const std::vector<AstNode> &forms);
    void compileFunction(const AstNode &defun, int index);
    void compileInit(const std::vector<AstNode> &forms);

    void compile(const AstNode &n, bool want);
    void compileBody(const std::vector<AstNode> &items, size_t from, bool want);
    void compileScopedBody(const std::vector<AstNode> &items, size_t from, bool want);
    void compileSymbol(const AstNode &n, bool want);
    void compileForm(const AstNode &n, bool want);
    bool compileSpecial(const AstNode &n, const std::string &name, bool want);
    bool compileOperator(const AstNode &n, const std::string &name, bool want);
    void compileCall(const AstNode &n, bool want);
    // Emits code that jumps when @p cond is false; returns the operand to patch.
    size_t compileJumpIfFalse(const AstNode &cond);

    void compileLet(const AstNode &n, bool want);
    void compileSet(const AstNode &n, bool want);
    void compileIf(const AstNode &n, bool want);
    void compileWhenUnless(const AstNode &n, bool want, bool isWhen);
    void compileCond(const AstNode &n, bool want);
    void compileWhile(const AstNode &n, bool want);
    void compileAndOr(const AstNode &n, bool want, bool isAnd);
    void compileReturn(const AstNode &n, bool want);

    void emitOp(Opcode op, int stackEffect);
    void emitOp(Opcode op, int32_t a, int stackEffect);
    void emitOp(Opcode op, int32_t a, int32_t b, int stackEffect);
    size_t emitJump(Opcode op, int stackEffect);
    void patch(size_t operand) { m_program->m_code[operand] = int32_t(m_program->m_code.size()); }
    void setDepth(int depth);
    void pushConstant(Value v);
    int stringConstant(const std::string &s);
    std::string variableName(const AstNode &n, const char *form);
    void checkArgs(const AstNode &n, int min, int max);
    [[noreturn]] void fail(const AstNode &at, const QString &message);

    std::unique_ptr<Program> m_program;
    Resolver m_resolver;
    std::map<std::string, UserFunction> m_functions;
    std::map<std::string, int> m_strings;
    int m_depth = 0;
    int m_maxDepth = 0;
    Program::Position m_pos;
};

} // namespace orion::script
