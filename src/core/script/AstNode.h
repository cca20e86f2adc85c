// SPDX-License-Identifier: GPL-3.0-or-later
// AstNode: one element of the parsed syntax tree (an atom or a parenthesised list) with its
// position. A plain value made by the Parser on the compiling thread.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace orion::script {

struct AstNode {
    enum class Kind { Int, Float, String, Symbol, List };

    Kind kind = Kind::List;
    int line = 1;
    int column = 1;
    int64_t intValue = 0;
    double floatValue = 0;
    std::string text;
    std::vector<AstNode> items;

    bool isSymbol() const { return kind == Kind::Symbol; }
    bool isSymbol(const char *name) const { return kind == Kind::Symbol && text == name; }
    bool isList() const { return kind == Kind::List; }
};

} // namespace orion::script
