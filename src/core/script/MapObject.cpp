// SPDX-License-Identifier: GPL-3.0-or-later
#include "script/MapObject.h"

#include "script/KeyHash.h"
#include "script/StringObject.h"

#include <cstring>

namespace orion::script {

size_t MapObject::keyHash(const Value &key) {
    if (key.isString()) {
        return key.asString()->hash();
    }
    return KeyHash::ofInt(key.asInt());
}

bool MapObject::keyEquals(const Value &a, const Value &b) {
    if (a.tag() != b.tag()) {
        return false;
    }
    if (a.isInt()) {
        return a.asInt() == b.asInt();
    }
    const StringObject *x = a.asString();
    const StringObject *y = b.asString();
    return x == y || (x->size == y->size && std::memcmp(x->data(), y->data(), x->size) == 0);
}

const Value *MapObject::find(const Value &key) const {
    if (slots.empty()) {
        return nullptr;
    }
    const size_t h = keyHash(key);
    const size_t mask = slots.size() - 1;
    for (size_t i = h & mask;; i = (i + 1) & mask) {
        const int32_t s = slots[i];
        if (s < 0) {
            return nullptr;
        }
        const Entry &e = entries[size_t(s)];
        if (e.hash == h && keyEquals(e.key, key)) {
            return &e.value;
        }
    }
}

size_t MapObject::rehash(size_t capacity) {
    const size_t before = slots.capacity() * sizeof(int32_t);
    slots.assign(capacity, -1);
    const size_t mask = capacity - 1;
    for (size_t n = 0; n < entries.size(); ++n) {
        size_t i = entries[n].hash & mask;
        while (slots[i] >= 0) {
            i = (i + 1) & mask;
        }
        slots[i] = int32_t(n);
    }
    return slots.capacity() * sizeof(int32_t) - before;
}

size_t MapObject::insert(const Value &key, Value value) {
    size_t grown = 0;
    if ((entries.size() + 1) * 4 > slots.size() * 3) {
        grown += rehash(slots.empty() ? 8 : slots.size() * 2);
    }
    const size_t h = keyHash(key);
    const size_t mask = slots.size() - 1;
    size_t i = h & mask;
    for (;; i = (i + 1) & mask) {
        const int32_t s = slots[i];
        if (s < 0) {
            break;
        }
        Entry &e = entries[size_t(s)];
        if (e.hash == h && keyEquals(e.key, key)) {
            e.value = std::move(value);
            return grown;
        }
    }
    const size_t capBefore = entries.capacity();
    slots[i] = int32_t(entries.size());
    entries.push_back(Entry{key, std::move(value), h});
    grown += (entries.capacity() - capBefore) * sizeof(Entry);
    return grown;
}

} // namespace orion::script
