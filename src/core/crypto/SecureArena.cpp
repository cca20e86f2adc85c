// SPDX-License-Identifier: GPL-3.0-or-later
#include "crypto/SecureArena.h"

#include "crypto/Sodium.h"

#include <sodium.h>

#include <array>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <map>
#include <mutex>
#include <new>
#include <vector>

namespace orion::crypto {

namespace {

constexpr std::size_t kCanaryBytes = 16;
constexpr std::size_t kChunkBytes = 16 * 1024;
constexpr std::array<std::size_t, 5> kSlotSizes = {64, 128, 256, 512, 1024};
static_assert(SecureArena::kMaxSlotBytes + kCanaryBytes == kSlotSizes.back());

struct Chunk {
    std::uint8_t *base = nullptr;
    std::size_t slotSize = 0;
    std::vector<std::uint16_t> freeSlots;
    std::size_t slotCount() const { return kChunkBytes / slotSize; }
};

struct State {
    std::mutex mutex;
    std::array<std::vector<Chunk *>, kSlotSizes.size()> classes;
    std::map<std::uintptr_t, Chunk> chunks; // by base address, for release()
    std::uint8_t canary[kCanaryBytes] = {};
    std::size_t slotsInUse = 0;
    std::size_t dedicatedInUse = 0;
};

State &state() {
    // Never destroyed: secrets released by other static destructors at exit still find it.
    alignas(State) static unsigned char storage[sizeof(State)];
    static State *s = [] {
        Sodium::ensureInitialized();
        auto *created = new (storage) State;
        randombytes_buf(created->canary, sizeof created->canary);
        return created;
    }();
    return *s;
}

[[noreturn]] void corrupted(const char *what) {
    std::fprintf(stderr, "SecureArena: %s\n", what);
    std::abort();
}

std::size_t classFor(std::size_t size) {
    for (std::size_t i = 0; i < kSlotSizes.size(); ++i) {
        if (size + kCanaryBytes <= kSlotSizes[i]) {
            return i;
        }
    }
    return kSlotSizes.size();
}

Chunk *newChunk(State &s, std::size_t cls) {
    auto *base = static_cast<std::uint8_t *>(sodium_malloc(kChunkBytes));
    if (!base) {
        return nullptr;
    }
    // sodium_malloc fills with a marker byte; slots hand out zeroed memory.
    sodium_memzero(base, kChunkBytes);
    Chunk &chunk = s.chunks[reinterpret_cast<std::uintptr_t>(base)];
    chunk.base = base;
    chunk.slotSize = kSlotSizes[cls];
    const std::size_t count = chunk.slotCount();
    chunk.freeSlots.reserve(count);
    for (std::size_t i = count; i-- > 0;) {
        chunk.freeSlots.push_back(std::uint16_t(i));
    }
    s.classes[cls].push_back(&chunk);
    return &chunk;
}

} // namespace

std::uint8_t *SecureArena::allocate(std::size_t size) {
    if (size == 0) {
        return nullptr;
    }
    State &s = state();
    const std::size_t cls = classFor(size);
    if (cls == kSlotSizes.size()) {
        auto *data = static_cast<std::uint8_t *>(sodium_malloc(size));
        if (data) {
            sodium_memzero(data, size);
            std::lock_guard lock(s.mutex);
            ++s.dedicatedInUse;
        }
        return data;
    }
    std::lock_guard lock(s.mutex);
    Chunk *chunk = nullptr;
    for (Chunk *c : s.classes[cls]) {
        if (!c->freeSlots.empty()) {
            chunk = c;
            break;
        }
    }
    if (!chunk && !(chunk = newChunk(s, cls))) {
        return nullptr;
    }
    const std::uint16_t index = chunk->freeSlots.back();
    chunk->freeSlots.pop_back();
    std::uint8_t *data = chunk->base + std::size_t(index) * chunk->slotSize;
    std::memcpy(data + size, s.canary, kCanaryBytes);
    ++s.slotsInUse;
    return data;
}

void SecureArena::release(std::uint8_t *data, std::size_t size) {
    if (!data) {
        return;
    }
    State &s = state();
    const std::size_t cls = classFor(size);
    if (cls == kSlotSizes.size()) {
        sodium_free(data); // wipes before unmapping
        std::lock_guard lock(s.mutex);
        --s.dedicatedInUse;
        return;
    }
    std::lock_guard lock(s.mutex);
    auto it = s.chunks.upper_bound(reinterpret_cast<std::uintptr_t>(data));
    if (it == s.chunks.begin()) {
        corrupted("release of memory it does not own");
    }
    --it;
    Chunk &chunk = it->second;
    const std::size_t offset = std::size_t(data - chunk.base);
    if (offset >= kChunkBytes || offset % chunk.slotSize != 0 ||
        chunk.slotSize != kSlotSizes[cls]) {
        std::fputs("SecureArena: release of memory it does not own\n", stderr);
        std::abort();
    }
    if (sodium_memcmp(data + size, s.canary, kCanaryBytes) != 0) {
        std::fputs("SecureArena: a secret was written past its end\n", stderr);
        std::abort();
    }
    sodium_memzero(data, chunk.slotSize);
    chunk.freeSlots.push_back(std::uint16_t(offset / chunk.slotSize));
    --s.slotsInUse;
    if (chunk.freeSlots.size() < chunk.slotCount()) {
        return;
    }
    // An empty chunk goes back to the system unless it is the last of its class, so a
    // node that opens and closes one connection at a time does not map and unmap each time.
    auto &list = s.classes[cls];
    if (list.size() <= 1) {
        return;
    }
    std::erase(list, &chunk);
    sodium_free(chunk.base);
    s.chunks.erase(it);
}

SecureArena::Stats SecureArena::stats() {
    State &s = state();
    std::lock_guard lock(s.mutex);
    return {s.chunks.size(), s.slotsInUse, s.dedicatedInUse};
}

} // namespace orion::crypto
