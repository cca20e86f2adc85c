// SPDX-License-Identifier: GPL-3.0-or-later
// Limits: the sandbox budgets of one instance. A plain value; the container host decides them
// per container and hands a copy to every instance it starts on the script pool.
#pragma once

#include <cstddef>
#include <cstdint>

namespace orion::script {

struct Limits {
    // Instructions, charged at every loop iteration (the loop body's length), every call, and
    // for the work inside built-ins as script/Cost.h prices it.
    uint64_t maxInstructions = 10'000'000;
    // Live bytes of strings, lists, maps and recorded effects.
    size_t maxMemoryBytes = 16u * 1024 * 1024;
    // Nested user-function calls (main counts as 1).
    int maxCallDepth = 200;
    // Wall-clock time of one run in milliseconds; read every 20,000 instructions, inside
    // long built-ins too.
    int maxWallClockMs = 1000;
};

} // namespace orion::script
