// SPDX-License-Identifier: GPL-3.0-or-later
// HeapObject: the header every reference-counted NET-Script value (string, list, map) starts
// with. Owned by one instance's Heap on that instance's worker thread, or immortal in a Program.
#pragma once

#include <cstddef>
#include <cstdint>

namespace orion::script {

class Heap;

enum class Tag : uint8_t { Nil, True, Int, Float, String, List, Map };

struct HeapObject {
    // Reference count; kImmortal marks constants owned by a Program. They are shared
    // read-only between threads, so their count is never touched.
    static constexpr int32_t kImmortal = -1;

    int32_t rc = 1;
    Tag tag = Tag::Nil;
    size_t charged = 0; // bytes charged to m_heap's budget
    Heap *heap = nullptr;
};

} // namespace orion::script
