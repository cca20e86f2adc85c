// SPDX-License-Identifier: GPL-3.0-or-later
// LockedSpy: records the emissions of one signal of an object that lives on another thread
// (a node's), for the test thread to read. QSignalSpy cannot: it is connected directly, so
// the emitting thread appends to the list the test thread reads, with no lock. Created and
// read on the test thread; the emitting thread only appends, under the lock.
#pragma once

#include <QMutex>
#include <QMutexLocker>
#include <QObject>

#include <memory>
#include <tuple>
#include <type_traits>
#include <vector>

namespace orion::test {

template <typename... Args>
class LockedSpy {
public:
    using Call = std::tuple<std::decay_t<Args>...>;

    template <typename Sender>
    LockedSpy(Sender *sender, void (Sender::*signal)(Args...))
        : m_state(std::make_shared<State>()) {
        // The slot owns the records too: an emission still running when the spy goes away
        // appends to them, not to freed memory.
        m_connection = QObject::connect(
            sender, signal, sender,
            [state = m_state](const std::decay_t<Args> &...args) {
                const QMutexLocker lock(&state->mutex);
                state->calls.emplace_back(args...);
            },
            Qt::DirectConnection);
    }
    ~LockedSpy() { QObject::disconnect(m_connection); }
    LockedSpy(const LockedSpy &) = delete;
    LockedSpy &operator=(const LockedSpy &) = delete;

    // A copy of the emissions so far, oldest first.
    std::vector<Call> calls() const {
        const QMutexLocker lock(&m_state->mutex);
        return m_state->calls;
    }
    qsizetype count() const {
        const QMutexLocker lock(&m_state->mutex);
        return qsizetype(m_state->calls.size());
    }

private:
    struct State {
        QMutex mutex;
        std::vector<Call> calls;
    };
    std::shared_ptr<State> m_state;
    QMetaObject::Connection m_connection;
};

template <typename Sender, typename... Args>
LockedSpy(Sender *, void (Sender::*)(Args...)) -> LockedSpy<Args...>;

} // namespace orion::test
