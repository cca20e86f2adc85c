// SPDX-License-Identifier: GPL-3.0-or-later
// Sodium: one-time, thread-safe initialisation of libsodium. Every crypto class calls
// ensureInitialized() before its first primitive; callers never need to.
#pragma once

namespace orion::crypto {

class Sodium {
public:
    // Initialises libsodium once per process; aborts if the library cannot start
    // (no usable randomness), because no secure operation is possible then.
    static void ensureInitialized();
};

} // namespace orion::crypto
