// SPDX-License-Identifier: GPL-3.0-or-later
// SecureArena: the process-wide allocator behind SecureBuffer. Small secrets share guarded,
// locked sodium_malloc chunks in fixed-size slots; large ones get a guarded allocation each.
// Thread-safe; any thread.
#pragma once

#include <cstddef>
#include <cstdint>

namespace orion::crypto {

// Why slots: one sodium_malloc costs an mmap, two mprotects and an mlock (tens of
// microseconds) and at least two resident pages plus guard pages, for a 32-byte key. A node
// with hundreds of connections holds two keys per connection and makes one handshake buffer
// per dial; slots bring that to a few hundred nanoseconds and tens of bytes each. What a
// slot keeps of sodium_malloc's protection: the memory is locked against swapping, kept out
// of core dumps, surrounded by guard pages per chunk, wiped on release, and every slot ends
// in a canary that is checked on release (an overrun aborts, as with sodium_malloc).
class SecureArena {
public:
    // Largest request served from a slot; anything larger gets sodium_malloc of its own.
    static constexpr std::size_t kMaxSlotBytes = 1024 - 16;

    // Zeroed memory for `size` bytes (size > 0); nullptr when out of memory.
    static std::uint8_t *allocate(std::size_t size);
    // Wipes and returns memory from allocate() with the same size. Aborts when the slot's
    // canary was overwritten.
    static void release(std::uint8_t *data, std::size_t size);

    struct Stats {
        std::size_t chunks = 0;         // guarded chunks mapped
        std::size_t slotsInUse = 0;     // live slot allocations
        std::size_t dedicatedInUse = 0; // live allocations too large for a slot
    };
    static Stats stats();
};

} // namespace orion::crypto
