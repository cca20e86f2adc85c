// SPDX-License-Identifier: GPL-3.0-or-later
#include "crypto/Sodium.h"

#include <sodium.h>

#include <cstdio>
#include <cstdlib>

namespace orion::crypto {

void Sodium::ensureInitialized() {
    // sodium_init() is itself thread-safe and idempotent; the static only avoids the call.
    static const bool initialized = [] {
        if (sodium_init() < 0) {
            std::fputs("orion: libsodium could not be initialised\n", stderr);
            std::abort();
        }
        return true;
    }();
    (void)initialized;
}

} // namespace orion::crypto
