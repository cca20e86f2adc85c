// SPDX-License-Identifier: GPL-3.0-or-later
#include "script/Parser.h"

#include "script/SourceError.h"

namespace orion::script {

std::vector<AstNode> Parser::parse(const std::vector<Token> &tokens) {
    std::vector<AstNode> top;
    std::vector<AstNode> open; // lists being read, innermost last
    for (const Token &t : tokens) {
        AstNode n;
        n.line = t.line;
        n.column = t.column;
        switch (t.kind) {
        case Token::Kind::End:
            if (!open.empty()) {
                const AstNode &unclosed = open.back();
                throw SourceError{
                    unclosed.line, unclosed.column,
                    QStringLiteral("unbalanced parentheses: this '(' is never closed")};
            }
            return top;
        case Token::Kind::LParen:
            if (open.size() >= size_t(kMaxNesting)) {
                throw SourceError{t.line, t.column,
                                  QStringLiteral("nesting deeper than %1 levels").arg(kMaxNesting)};
            }
            n.kind = AstNode::Kind::List;
            open.push_back(std::move(n));
            continue;
        case Token::Kind::RParen: {
            if (open.empty()) {
                throw SourceError{t.line, t.column,
                                  QStringLiteral("unbalanced parentheses: unexpected ')'")};
            }
            n = std::move(open.back());
            open.pop_back();
            break;
        }
        case Token::Kind::Int:
            n.kind = AstNode::Kind::Int;
            n.intValue = t.intValue;
            break;
        case Token::Kind::Float:
            n.kind = AstNode::Kind::Float;
            n.floatValue = t.floatValue;
            break;
        case Token::Kind::String:
            n.kind = AstNode::Kind::String;
            n.text = t.text;
            break;
        case Token::Kind::Symbol:
            n.kind = AstNode::Kind::Symbol;
            n.text = t.text;
            break;
        }
        if (open.empty()) {
            top.push_back(std::move(n));
        } else {
            open.back().items.push_back(std::move(n));
        }
    }
    return top;
}

} // namespace orion::script
