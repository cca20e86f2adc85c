// SPDX-License-Identifier: GPL-3.0-or-later
// ContainerProgram: a container's program as the manager runs it — main.ns compiled and
// checked for (defun main ...), its run errors named by file, line and column, and the
// bodies its route and reply effects send. Stateless; any thread.
#pragma once

#include "script/Diagnostic.h"
#include "script/Program.h"
#include "script/RunResult.h"
#include "util/Result.h"

#include <QJsonValue>
#include <QString>

#include <memory>

namespace orion::container {

class ContainerProgram {
public:
    // The compile check create() and update() apply: "main.ns:LINE:COL: error: MESSAGE".
    static Result<std::shared_ptr<const script::Program>>
    compile(const QString &source, script::Diagnostic *diagnostic = nullptr);
    // "main.ns:LINE:COL: MESSAGE".
    static QString errorText(const script::RunResult::Error &error);
    // What a route or reply effect sends: a string as it is, any other value as the JSON
    // value it was encoded to (maps as objects, lists as arrays, numbers, true and null).
    static QJsonValue bodyOf(const script::Effect &effect);
};

} // namespace orion::container
