// SPDX-License-Identifier: GPL-3.0-or-later
// Tokenizer: splits UTF-8 NET-Script source into tokens with line and column (columns count
// characters, not bytes). Stateless between calls; used on the compiling thread.
#pragma once

#include "script/Token.h"

#include <string_view>
#include <vector>

namespace orion::script {

class Tokenizer {
public:
    // Throws SourceError on an unterminated string, a bad escape or a bad number.
    static std::vector<Token> tokenize(std::string_view source);
};

} // namespace orion::script
