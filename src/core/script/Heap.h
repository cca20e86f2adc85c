// SPDX-License-Identifier: GPL-3.0-or-later
// Heap: allocates one instance's strings, lists and maps and keeps their live size under the
// memory budget. Lives on the instance's worker thread and dies with the instance.
#pragma once

#include "script/Value.h"

#include <cstddef>
#include <string_view>
#include <vector>

namespace orion::script {

struct ListObject;
struct MapObject;
struct StringObject;

class Heap {
public:
    explicit Heap(size_t limit)
        : m_limit(limit) {}
    Heap(const Heap &) = delete;
    Heap &operator=(const Heap &) = delete;

    // Counts @p bytes against the budget; throws ScriptError when it would be exceeded.
    void charge(size_t bytes) {
        m_used += bytes;
        if (m_used > m_limit) {
            overBudget();
        }
    }
    void uncharge(size_t bytes) { m_used -= bytes; }
    // Counts growth of @p object (freed with it).
    void grow(HeapObject *object, size_t bytes) {
        object->charged += bytes;
        charge(bytes);
    }
    size_t used() const { return m_used; }
    size_t limit() const { return m_limit; }

    Value string(std::string_view s);
    // A string of @p size bytes to be filled by the caller before it is shared.
    StringObject *newString(size_t size);
    ListObject *newList(size_t reserve);
    MapObject *newMap();
    // Re-counts a list after its items were filled.
    void recharge(HeapObject *object, size_t bytes);

    // Frees an object whose count reached zero. Children are freed iteratively, so deeply
    // nested values cannot overflow the native stack.
    static void destroy(HeapObject *object);

private:
    [[noreturn]] void overBudget();
    void free(HeapObject *object);

    size_t m_used = 0;
    size_t m_limit;
    bool m_freeing = false;
    std::vector<HeapObject *> m_pending;
};

} // namespace orion::script
