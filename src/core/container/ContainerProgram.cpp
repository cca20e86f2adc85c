// SPDX-License-Identifier: GPL-3.0-or-later
#include "container/ContainerProgram.h"

#include "script/Compiler.h"
#include "util/Json.h"

namespace orion::container {

namespace {
const QString kSourceName = QStringLiteral("main.ns");
} // namespace

Result<std::shared_ptr<const script::Program>>
ContainerProgram::compile(const QString &source, script::Diagnostic *diagnostic) {
    auto program = script::Compiler::compile(source, kSourceName, diagnostic);
    if (!program) {
        return Result<std::shared_ptr<const script::Program>>::failure(ErrorCode::CompileError,
                                                                       program.error());
    }
    if ((*program)->mainFunction() < 0) {
        if (diagnostic) {
            *diagnostic = {kSourceName, 1, 1,
                           QStringLiteral("the program has no (defun main ...)")};
        }
        return Result<std::shared_ptr<const script::Program>>::failure(
            ErrorCode::CompileError,
            QStringLiteral("%1:1:1: error: the program has no (defun main ...)").arg(kSourceName));
    }
    return program;
}

QString ContainerProgram::errorText(const script::RunResult::Error &e) {
    return QStringLiteral("%1:%2:%3: %4").arg(kSourceName).arg(e.line).arg(e.column).arg(e.message);
}

QJsonValue ContainerProgram::bodyOf(const script::Effect &e) {
    if (!e.json) {
        return QJsonValue(e.body);
    }
    if (auto value = util::Json::parseValue(e.body.toUtf8())) {
        return *value;
    }
    return QJsonValue(e.body); // the encoder makes valid JSON; never lose a body anyway
}

} // namespace orion::container
