// SPDX-License-Identifier: GPL-3.0-or-later
// CompilerNames: the names the NET-Script compiler knows (special forms, operators,
// predefined variables) and the small text helpers of its diagnostics. Used by Compiler.cpp
// (programs, functions, expressions) and CompilerForms.cpp (the special forms) only.
#pragma once

#include "script/AstNode.h"

#include <QString>

#include <algorithm>
#include <iterator>
#include <string>

namespace orion::script::compiler {

inline const char *const kSpecialForms[] = {"defun", "let",   "set",   "if",  "when", "unless",
                                            "cond",  "while", "progn", "and", "or",   "return"};
inline const char *const kOperators[] = {"+",  "-",  "*", "/",  "%",   "<",   ">",
                                         "<=", ">=", "=", "/=", "not", "null"};
inline const char *const kPredefinedNames[] = {"MESSAGE", "SENDER", "RECEIVER", "SERVICE", "SELF"};

inline bool contains(const auto &list, const std::string &name) {
    return std::any_of(std::begin(list), std::end(list), [&](const char *s) { return name == s; });
}

inline QString q(const std::string &s) {
    return QString::fromStdString(s);
}

inline QString describe(const AstNode &n) {
    switch (n.kind) {
    case AstNode::Kind::Int:
    case AstNode::Kind::Float:
        return QStringLiteral("a number");
    case AstNode::Kind::String:
        return QStringLiteral("a string");
    case AstNode::Kind::Symbol:
        return QStringLiteral("'%1'").arg(q(n.text));
    case AstNode::Kind::List:
        return QStringLiteral("a list");
    }
    return {};
}

inline QString arguments(int n) {
    return n == 1 ? QStringLiteral("1 argument") : QStringLiteral("%1 arguments").arg(n);
}

} // namespace orion::script::compiler
