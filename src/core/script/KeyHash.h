// SPDX-License-Identifier: GPL-3.0-or-later
// KeyHash: the keyed hash of map keys (SipHash-1-3 under a secret drawn once per process), so
// keys an attacker chooses cannot be made to collide. Stateless apart from the key; any thread.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string_view>

namespace orion::script {

class KeyHash {
public:
    // Never 0 (a string uses 0 for "not computed yet").
    static size_t ofString(std::string_view s) {
        return size_t(sipHash<1, 3>(key().k0, key().k1, s)) | 1;
    }
    static size_t ofInt(int64_t i);

    // SipHash-C-D of @p data under the key (k0, k1), as in the reference paper.
    template <int C, int D>
    static uint64_t sipHash(uint64_t k0, uint64_t k1, std::string_view data);

private:
    struct Key {
        uint64_t k0;
        uint64_t k1;
    };
    // Drawn from the system's random source on first use; the same for every instance and
    // Program of the process, so constants keep their precomputed hashes.
    static const Key &key();
};

} // namespace orion::script
