// SPDX-License-Identifier: GPL-3.0-or-later
// ScriptError: a runtime error of one instance (bad argument, exhausted budget). Thrown inside
// the interpreter on the instance's thread and always caught by Instance::run.
#pragma once

#include <QString>

namespace orion::script {

struct ScriptError {
    QString message;
};

} // namespace orion::script
