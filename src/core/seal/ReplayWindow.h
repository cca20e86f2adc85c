// SPDX-License-Identifier: GPL-3.0-or-later
// ReplayWindow: anti-replay for the counters of one session direction, a sliding bitmap as
// in IPsec (RFC 6479) and WireGuard. It accepts each counter at most once, and counters up
// to kWindow below the highest one seen in any order; anything older is refused. No clock
// takes part. Callers check() before the AEAD and accept() only after it verified, so forged
// counters never move the window. Value type; one thread.
#pragma once

#include <array>
#include <cstdint>

namespace orion::seal {

class ReplayWindow {
public:
    static constexpr std::uint64_t kWindow = 2048;

    enum class Verdict { Fresh, Duplicate, TooOld };

    Verdict check(std::uint64_t counter) const;
    // Records a verified counter; returns false (and changes nothing) unless check() says
    // Fresh.
    bool accept(std::uint64_t counter);

    bool empty() const { return !m_any; }
    std::uint64_t highest() const { return m_highest; }

private:
    static constexpr int kWords = int(kWindow / 64);
    bool bit(std::uint64_t counter) const;
    void setBit(std::uint64_t counter);
    void clearBit(std::uint64_t counter);

    std::array<std::uint64_t, kWords> m_bits{};
    std::uint64_t m_highest = 0;
    bool m_any = false;
};

} // namespace orion::seal
