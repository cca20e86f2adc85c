// SPDX-License-Identifier: GPL-3.0-or-later
// Parser: turns tokens into a tree of Nodes, checking that parentheses balance. Stateless
// between calls; used on the compiling thread.
#pragma once

#include "script/AstNode.h"
#include "script/Token.h"

#include <vector>

namespace orion::script {

class Parser {
public:
    // Deeper nesting than this is rejected, so no later recursive stage can overflow.
    static constexpr int kMaxNesting = 200;

    // The top-level forms. Throws SourceError on unbalanced parentheses or too deep nesting.
    static std::vector<AstNode> parse(const std::vector<Token> &tokens);
};

} // namespace orion::script
