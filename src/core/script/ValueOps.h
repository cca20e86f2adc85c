// SPDX-License-Identifier: GPL-3.0-or-later
// ValueOps: comparison, equality, printing and JSON for values. Stateless; runs on the
// calling instance's thread and charges big jobs to that instance's budgets.
#pragma once

#include "script/Value.h"

#include <string>
#include <string_view>

namespace orion::script {

class Instance;

class ValueOps {
public:
    static constexpr int kMaxDepth = 256;

    // Structural equality; integers and floats compare by value.
    static bool equals(Instance &vm, const Value &a, const Value &b);
    // -1, 0 or 1 for numbers or strings; throws ScriptError for other types. Comparing
    // strings is charged to @p vm.
    static int compare(Instance &vm, const Value &a, const Value &b, const char *op);
    // Text for concat, join and log: strings as they are, numbers in decimal, t, nil,
    // lists and maps as JSON.
    static void display(Instance &vm, const Value &v, std::string &out);
    static void formatFloat(double d, std::string &out);
    static void formatInt(int64_t i, std::string &out);

    static void jsonQuote(std::string_view s, std::string &out);
    static void jsonEncode(Instance &vm, const Value &v, std::string &out, int depth = 0);
    // Objects become maps, arrays lists, true t, false and null nil. Invalid JSON gives
    // nothing (ok = false).
    static Value jsonParse(Instance &vm, std::string_view text, bool &ok);
};

} // namespace orion::script
