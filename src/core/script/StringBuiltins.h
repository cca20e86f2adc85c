// SPDX-License-Identifier: GPL-3.0-or-later
// StringBuiltins: the string functions of NET-Script (concat, split, replace, ...), each
// charged for the bytes it scans, copies or makes. Stateless; runs on the calling instance's
// thread.
#pragma once

#include "script/Value.h"

namespace orion::script {

class Instance;

class StringBuiltins {
public:
    static Value concat(Instance &vm, Value *a, int argc);
    static Value length(Instance &vm, Value *a, int argc);
    static Value substring(Instance &vm, Value *a, int argc);
    static Value upcase(Instance &vm, Value *a, int argc);
    static Value downcase(Instance &vm, Value *a, int argc);
    static Value trim(Instance &vm, Value *a, int argc);
    static Value split(Instance &vm, Value *a, int argc);
    static Value join(Instance &vm, Value *a, int argc);
    static Value contains(Instance &vm, Value *a, int argc);
    static Value startsWith(Instance &vm, Value *a, int argc);
    static Value endsWith(Instance &vm, Value *a, int argc);
    static Value replace(Instance &vm, Value *a, int argc);
    static Value stringToNumber(Instance &vm, Value *a, int argc);
};

} // namespace orion::script
