// SPDX-License-Identifier: GPL-3.0-or-later
// DescriptorHoard: takes every free file descriptor of the test process (under a lowered
// soft limit, so the hoard stays small) until released, to make accept() and socket() fail
// with EMFILE as they do when a node is flooded with connections.
#pragma once

#include <sys/resource.h>

#include <vector>

namespace orion::test {

class DescriptorHoard {
public:
    DescriptorHoard();
    ~DescriptorHoard();
    DescriptorHoard(const DescriptorHoard &) = delete;
    DescriptorHoard &operator=(const DescriptorHoard &) = delete;

    // True when the process really has no descriptor left.
    bool exhausted() const { return m_exhausted; }
    // Frees one descriptor for the caller's own use.
    void spare();
    // Frees every descriptor and restores the limit.
    void release();

private:
    rlimit m_saved{};
    std::vector<int> m_fds;
    bool m_exhausted = false;
};

} // namespace orion::test
