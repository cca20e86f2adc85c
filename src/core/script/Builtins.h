// SPDX-License-Identifier: GPL-3.0-or-later
// Builtins: the table of NET-Script built-in functions (name, argument counts, code). The
// table is constant and shared; each call runs on the calling instance's thread.
#pragma once

#include "script/Value.h"

#include <string_view>

namespace orion::script {

class Instance;

using BuiltinFn = Value (*)(Instance &instance, Value *args, int argc);

struct BuiltinInfo {
    const char *name;
    int minArgs;
    int maxArgs; // -1: any number
    BuiltinFn fn;
};

class Builtins {
public:
    // Index into the table, or -1.
    static int find(std::string_view name);
    static const BuiltinInfo &info(int index);
    static int count();
};

} // namespace orion::script
