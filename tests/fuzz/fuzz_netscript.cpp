// SPDX-License-Identifier: GPL-3.0-or-later
// Fuzzes the NET-Script tokenizer, parser and compiler with arbitrary bytes, and runs every
// program that compiles under tight limits: nothing may crash, hang or leak.
#include "script/Compiler.h"
#include "script/Instance.h"
#include "script/MemoryStore.h"

#include <cstddef>
#include <cstdint>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
    using namespace orion::script;
    const QString source = QString::fromUtf8(reinterpret_cast<const char *>(data), qsizetype(size));
    orion::script::Diagnostic diagnostic;
    auto program = Compiler::compile(source, QStringLiteral("fuzz.ns"), &diagnostic);
    if (!program) {
        if (diagnostic.line < 1 || diagnostic.column < 1 || diagnostic.message.isEmpty()) {
            __builtin_trap(); // every error must say where and what
        }
        return 0;
    }
    Limits limits;
    limits.maxInstructions = 20000;
    limits.maxMemoryBytes = 1u << 20;
    limits.maxCallDepth = 64;
    limits.maxWallClockMs = 200;
    MemoryStore store;
    store.put(QStringLiteral("k"), "{\"a\":[1,2.5,\"x\"]}");
    MessageInput input = MessageInput::fromText(QStringLiteral("{\"name\":\"fuzz\",\"n\":3}"));
    input.sender = input.receiver = input.self = QString(40, u'0');
    (void)Instance::run(**program, input, store, limits);
    return 0;
}
