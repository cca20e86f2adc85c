// SPDX-License-Identifier: GPL-3.0-or-later
#include "Background.h"

#include "util/ThreadHandOver.h"

namespace orion::test {

// QThread::wait() finds a finished thread through Qt's own futex-based state, which
// ThreadSanitizer cannot see: the function tells it that its work comes before the wait.
Background::Background(std::function<void()> fn)
    : m_thread(QThread::create([this, fn = std::move(fn)] {
        fn();
        util::handover::release(this);
    })) {
    m_thread->start();
}

Background::~Background() {
    m_thread->wait();
    util::handover::acquire(this);
}

bool Background::wait(int timeoutMs) {
    const bool done = m_thread->wait(QDeadlineTimer(timeoutMs));
    if (done) {
        util::handover::acquire(this);
    }
    return done;
}

} // namespace orion::test
