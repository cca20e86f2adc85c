// SPDX-License-Identifier: GPL-3.0-or-later
#include "script/KeyHash.h"

#include "crypto/Random.h"

#include <cstring>

namespace orion::script {

namespace {

inline uint64_t rotl(uint64_t x, int b) {
    return (x << b) | (x >> (64 - b));
}

inline void sipRound(uint64_t &v0, uint64_t &v1, uint64_t &v2, uint64_t &v3) {
    v0 += v1;
    v1 = rotl(v1, 13);
    v1 ^= v0;
    v0 = rotl(v0, 32);
    v2 += v3;
    v3 = rotl(v3, 16);
    v3 ^= v2;
    v0 += v3;
    v3 = rotl(v3, 21);
    v3 ^= v0;
    v2 += v1;
    v1 = rotl(v1, 17);
    v1 ^= v2;
    v2 = rotl(v2, 32);
}

inline uint64_t loadLe(const char *p) {
    uint64_t w;
    std::memcpy(&w, p, 8);
#if __BYTE_ORDER__ == __ORDER_BIG_ENDIAN__
    w = __builtin_bswap64(w);
#endif
    return w;
}

} // namespace

template <int C, int D>
uint64_t KeyHash::sipHash(uint64_t k0, uint64_t k1, std::string_view data) {
    uint64_t v0 = 0x736f6d6570736575ull ^ k0;
    uint64_t v1 = 0x646f72616e646f6dull ^ k1;
    uint64_t v2 = 0x6c7967656e657261ull ^ k0;
    uint64_t v3 = 0x7465646279746573ull ^ k1;
    const size_t n = data.size();
    const char *p = data.data();
    const char *const end = p + (n & ~size_t(7));
    for (; p != end; p += 8) {
        const uint64_t m = loadLe(p);
        v3 ^= m;
        for (int i = 0; i < C; ++i) {
            sipRound(v0, v1, v2, v3);
        }
        v0 ^= m;
    }
    uint64_t b = uint64_t(n) << 56;
    for (size_t i = 0; i < (n & 7); ++i) {
        b |= uint64_t(static_cast<unsigned char>(p[i])) << (8 * i);
    }
    v3 ^= b;
    for (int i = 0; i < C; ++i) {
        sipRound(v0, v1, v2, v3);
    }
    v0 ^= b;
    v2 ^= 0xff;
    for (int i = 0; i < D; ++i) {
        sipRound(v0, v1, v2, v3);
    }
    return v0 ^ v1 ^ v2 ^ v3;
}

template uint64_t KeyHash::sipHash<1, 3>(uint64_t, uint64_t, std::string_view);
template uint64_t KeyHash::sipHash<2, 4>(uint64_t, uint64_t, std::string_view);

size_t KeyHash::ofInt(int64_t i) {
    char bytes[8];
    std::memcpy(bytes, &i, 8);
    return size_t(sipHash<1, 3>(key().k1, key().k0, std::string_view(bytes, 8))) | 1;
}

const KeyHash::Key &KeyHash::key() {
    static const Key k = [] {
        Key fresh{};
        crypto::Random::fill(&fresh, sizeof fresh);
        return fresh;
    }();
    return k;
}

} // namespace orion::script
