// SPDX-License-Identifier: GPL-3.0-or-later
// Token: one lexical token of NET-Script source with its position. A plain value made by the
// Tokenizer on the compiling thread.
#pragma once

#include <cstdint>
#include <string>

namespace orion::script {

struct Token {
    enum class Kind { LParen, RParen, Int, Float, String, Symbol, End };

    Kind kind = Kind::End;
    int line = 1;
    int column = 1;
    std::string text; // symbol name or decoded string contents
    int64_t intValue = 0;
    double floatValue = 0;
};

} // namespace orion::script
