// SPDX-License-Identifier: GPL-3.0-or-later
// Background: runs a function on a thread of its own, for tests that must block in one
// place (a portal client waiting for its reply) while they act in another. The destructor
// waits for the function to return, so a test that fails and returns early never leaves a
// thread running on its stack. Owned by the test thread.
#pragma once

#include <QThread>

#include <functional>
#include <memory>

namespace orion::test {

class Background {
public:
    explicit Background(std::function<void()> fn);
    ~Background();
    Background(const Background &) = delete;
    Background &operator=(const Background &) = delete;

    // True once the function has returned (false when timeoutMs passed first).
    bool wait(int timeoutMs);

private:
    std::unique_ptr<QThread> m_thread;
};

} // namespace orion::test
