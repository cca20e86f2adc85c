// SPDX-License-Identifier: GPL-3.0-or-later
// SourceError: a compile error at a line and column, thrown inside the compiler stages and
// caught by Compiler::compile, which turns it into a Diagnostic. Never leaves the compiler.
#pragma once

#include <QString>

namespace orion::script {

struct SourceError {
    int line;
    int column;
    QString message;
};

} // namespace orion::script
