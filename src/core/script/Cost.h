// SPDX-License-Identifier: GPL-3.0-or-later
// Cost: what the work inside built-ins costs, in instructions of the instance's budget
// (Limits::maxInstructions). Pure functions; docs/netscript.md lists them per built-in.
#pragma once

#include <cstddef>
#include <cstdint>

namespace orion::script {

struct Cost {
    // Work done a byte at a time (searching, parsing and encoding JSON, changing case,
    // counting characters, converting to the host's text): one instruction per byte, about
    // what an interpreted instruction costs.
    static constexpr int64_t scan(size_t bytes) { return int64_t(bytes); }
    // Bulk copies, comparisons and hashing run at memory speed: one per 8 bytes, rounded up.
    static constexpr int64_t copy(size_t bytes) { return int64_t((bytes + 7) / 8); }
    // One per list item or map entry copied, compared or visited, and per value made.
    static constexpr int64_t values(size_t count) { return int64_t(count); }
    // A long search or parse reports its cost in slices of this many bytes, so the
    // instruction budget and the wall clock are checked while it runs.
    static constexpr size_t kSlice = 64 * 1024;
};

} // namespace orion::script
