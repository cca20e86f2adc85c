// SPDX-License-Identifier: GPL-3.0-or-later
#include "seal/ReplayWindow.h"

namespace orion::seal {

// Counters c in (highest - kWindow, highest] own bit c mod kWindow: all distinct.
bool ReplayWindow::bit(std::uint64_t counter) const {
    const std::uint64_t index = counter % kWindow;
    return (m_bits[index / 64] >> (index % 64)) & 1u;
}

void ReplayWindow::setBit(std::uint64_t counter) {
    const std::uint64_t index = counter % kWindow;
    m_bits[index / 64] |= std::uint64_t(1) << (index % 64);
}

void ReplayWindow::clearBit(std::uint64_t counter) {
    const std::uint64_t index = counter % kWindow;
    m_bits[index / 64] &= ~(std::uint64_t(1) << (index % 64));
}

ReplayWindow::Verdict ReplayWindow::check(std::uint64_t counter) const {
    if (!m_any || counter > m_highest) {
        return Verdict::Fresh;
    }
    if (m_highest - counter >= kWindow) {
        return Verdict::TooOld;
    }
    return bit(counter) ? Verdict::Duplicate : Verdict::Fresh;
}

bool ReplayWindow::accept(std::uint64_t counter) {
    if (check(counter) != Verdict::Fresh) {
        return false;
    }
    if (!m_any || counter > m_highest) {
        // Slide: the counters skipped over become unseen slots of the window.
        const std::uint64_t start = m_any ? m_highest + 1 : 0;
        if (!m_any || counter - start >= kWindow) {
            m_bits.fill(0);
        } else {
            for (std::uint64_t c = start; c < counter; ++c) {
                clearBit(c);
            }
            clearBit(counter);
        }
        m_highest = counter;
        m_any = true;
    }
    setBit(counter);
    return true;
}

} // namespace orion::seal
