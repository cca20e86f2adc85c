// SPDX-License-Identifier: GPL-3.0-or-later
// MapObject: a hash map from string or integer keys to values that keeps insertion order
// (so JSON output is stable). Made by a Heap and lives on that instance's thread.
#pragma once

#include "script/HeapObject.h"
#include "script/Value.h"

#include <cstdint>
#include <vector>

namespace orion::script {

struct MapObject : HeapObject {
    struct Entry {
        Value key;
        Value value;
        size_t hash;
    };

    std::vector<Entry> entries; // insertion order
    std::vector<int32_t> slots; // open addressing, -1 empty; size is a power of two

    // @p key must be a string or an integer (callers check).
    const Value *find(const Value &key) const;
    // Sets key to value; returns the number of bytes the map grew by (for the budget).
    size_t insert(const Value &key, Value value);
    size_t size() const { return entries.size(); }

    static size_t keyHash(const Value &key);
    static bool keyEquals(const Value &a, const Value &b);

private:
    size_t rehash(size_t capacity);
};

} // namespace orion::script
