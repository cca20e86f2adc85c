// SPDX-License-Identifier: GPL-3.0-or-later
#include "script/StringSearch.h"

#include <algorithm>
#include <cstring>

namespace orion::script {

namespace {

// One half of the critical factorisation: the start of the maximal suffix of @p n under
// the byte order (reverse = false) or its reverse, and that suffix's period.
size_t maximalSuffix(const unsigned char *n, size_t len, bool reverse, size_t &period) {
    size_t best = size_t(-1); // "before the first byte"; best + k wraps to k - 1
    size_t j = 0;
    size_t k = 1;
    size_t p = 1;
    while (j + k < len) {
        const unsigned char a = n[j + k];
        const unsigned char b = n[best + k];
        if (reverse ? b < a : a < b) {
            // The suffix is smaller: the period is everything since best.
            j += k;
            k = 1;
            p = j - best;
        } else if (a == b) {
            if (k != p) {
                ++k;
            } else {
                j += p;
                k = 1;
            }
        } else {
            // The suffix is larger: it becomes the candidate.
            best = j++;
            k = p = 1;
        }
    }
    period = p;
    return best;
}

} // namespace

StringSearch::StringSearch(std::string_view needle)
    : m_needle(needle) {
    const auto *n = reinterpret_cast<const unsigned char *>(needle.data());
    const size_t len = needle.size();
    for (size_t i = 0; i < len; ++i) {
        m_bytes[n[i] >> 6] |= uint64_t(1) << (n[i] & 63);
    }
    if (len < 2) {
        return;
    }
    size_t period = 0;
    size_t periodRev = 0;
    const size_t forward = maximalSuffix(n, len, false, period);
    const size_t backward = maximalSuffix(n, len, true, periodRev);
    // The longer of the two maximal suffixes gives a critical factorisation.
    if (backward + 1 < forward + 1) {
        m_split = forward + 1;
    } else {
        m_split = backward + 1;
        period = periodRev;
    }
    m_periodic = std::memcmp(n, n + period, m_split) == 0;
    m_period = m_periodic ? period : std::max(m_split, len - m_split) + 1;
}

size_t StringSearch::find(std::string_view haystack, size_t from) const {
    const size_t len = m_needle.size();
    if (from > haystack.size() || haystack.size() - from < len) {
        return npos;
    }
    if (len == 0) {
        return from;
    }
    const auto *h = reinterpret_cast<const unsigned char *>(haystack.data());
    const auto *n = reinterpret_cast<const unsigned char *>(m_needle.data());
    if (len == 1) {
        const void *at = std::memchr(h + from, n[0], haystack.size() - from);
        return at ? size_t(static_cast<const unsigned char *>(at) - h) : npos;
    }
    const size_t last = haystack.size() - len; // the last possible start
    size_t j = from;
    size_t memory = 0; // bytes of the needle's prefix known to match at j (periodic case)
    while (j <= last) {
        // No window that covers a byte absent from the needle can match: skip them all.
        if (!inNeedle(h[j + len - 1])) {
            j += len;
            memory = 0;
            continue;
        }
        size_t i = std::max(m_split, memory);
        while (i < len && n[i] == h[j + i]) {
            ++i;
        }
        if (i < len) {
            j += i - m_split + 1;
            memory = 0;
            continue;
        }
        // The right half matches; check the left half from its end.
        i = m_split;
        while (i > memory && n[i - 1] == h[j + i - 1]) {
            --i;
        }
        if (i <= memory) {
            return j;
        }
        j += m_period;
        memory = m_periodic ? len - m_period : 0;
    }
    return npos;
}

} // namespace orion::script
