// SPDX-License-Identifier: GPL-3.0-or-later
// StringObject: an immutable UTF-8 string stored right after its header in one allocation.
// Made by a Heap (one instance's thread) or immortal as a Program constant.
#pragma once

#include "script/HeapObject.h"

#include <string_view>

namespace orion::script {

struct StringObject : HeapObject {
    size_t size = 0;
    size_t hashValue = 0;   // 0: not computed yet (constants have it computed up front)
    int8_t asciiState = -1; // -1 unknown, 0 has non-ASCII bytes, 1 pure ASCII

    char *data() { return reinterpret_cast<char *>(this + 1); }
    const char *data() const { return reinterpret_cast<const char *>(this + 1); }
    std::string_view view() const { return {data(), size}; }

    size_t hash() {
        if (hashValue == 0) {
            hashValue = hashOf(view());
        }
        return hashValue;
    }
    bool isAscii() {
        if (asciiState < 0) {
            asciiState = 1;
            for (unsigned char c : view()) {
                if (c >= 0x80) {
                    asciiState = 0;
                    break;
                }
            }
        }
        return asciiState == 1;
    }

    static size_t hashOf(std::string_view s);
    // A constant for a Program: never counted, never freed until the Program deletes it.
    static StringObject *createImmortal(std::string_view s);
    static void destroyImmortal(StringObject *s);
};

} // namespace orion::script
