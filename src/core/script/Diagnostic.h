// SPDX-License-Identifier: GPL-3.0-or-later
// Diagnostic: an error at a place in a NET-Script source (file, 1-based line and column).
// A plain value, safe to pass between threads.
#pragma once

#include <QString>

namespace orion::script {

struct Diagnostic {
    QString file;
    int line = 0;
    int column = 0;
    QString message;

    // "FILE:LINE:COL: error: MESSAGE", the form compilers print.
    QString toString() const {
        return QStringLiteral("%1:%2:%3: error: %4").arg(file).arg(line).arg(column).arg(message);
    }
};

} // namespace orion::script
