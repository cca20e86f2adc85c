// SPDX-License-Identifier: GPL-3.0-or-later
// StringSearch: finds a needle in haystacks in linear time (the two-way algorithm of
// Crochemore and Perrin), whatever the input. A value made per built-in call on its thread.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string_view>

namespace orion::script {

class StringSearch {
public:
    static constexpr size_t npos = std::string_view::npos;

    // Keeps a view of @p needle: it must outlive the search. Costs O(needle size).
    explicit StringSearch(std::string_view needle);

    // The first occurrence at or after @p from, or npos. Compares at most about
    // 2 * (haystack size - from) bytes, never haystack size * needle size as a naive search
    // can.
    size_t find(std::string_view haystack, size_t from = 0) const;
    size_t needleSize() const { return m_needle.size(); }

private:
    bool inNeedle(unsigned char c) const { return (m_bytes[c >> 6] >> (c & 63)) & 1; }

    std::string_view m_needle;
    size_t m_split = 0;  // start of the right half of the critical factorisation
    size_t m_period = 1; // the needle's period, or a safe shift when it is not periodic
    bool m_periodic = false;
    uint64_t m_bytes[4] = {}; // which bytes occur in the needle
};

} // namespace orion::script
