// SPDX-License-Identifier: GPL-3.0-or-later
#include "Background.h"

namespace orion::test {

Background::Background(std::function<void()> fn)
    : m_thread(QThread::create(std::move(fn))) {
    m_thread->start();
}

Background::~Background() {
    m_thread->wait();
}

bool Background::wait(int timeoutMs) {
    return m_thread->wait(QDeadlineTimer(timeoutMs));
}

} // namespace orion::test
