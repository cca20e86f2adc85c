// SPDX-License-Identifier: GPL-3.0-or-later
#include "net/SocketPoller.h"

#include <QEvent>
#include <QThread>

#include <array>
#include <cerrno>
#include <sys/epoll.h>
#include <unistd.h>

namespace orion::net {

namespace {

// Events fetched per turn of the loop. More ready sockets wait for the next turn (the set
// stays readable), so other work on the thread is not held up by a flood.
constexpr int kBatch = 64;

constexpr quint8 kRead = 1;
constexpr quint8 kWrite = 2;

thread_local std::weak_ptr<SocketPoller> t_poller;

} // namespace

// The events of one dispatch. A watcher removed while they are handed out is struck from
// every running dispatch (a handler may run a nested event loop that dispatches again).
struct SocketPoller::Batch {
    std::array<epoll_event, kBatch> events{};
    int count = 0;
    Batch *outer = nullptr;
};

std::shared_ptr<SocketPoller> SocketPoller::forCurrentThread() {
    if (auto poller = t_poller.lock()) {
        return poller;
    }
    const int fd = ::epoll_create1(EPOLL_CLOEXEC);
    if (fd < 0) {
        return nullptr;
    }
    std::shared_ptr<SocketPoller> poller(new SocketPoller(fd));
    t_poller = poller;
    return poller;
}

SocketPoller::SocketPoller(int epollFd)
    : QSocketNotifier(qintptr(epollFd), QSocketNotifier::Read)
    , m_epollFd(epollFd) {}

SocketPoller::~SocketPoller() {
    setEnabled(false);
    ::close(m_epollFd);
}

bool SocketPoller::watch(int fd, Watcher *watcher, bool readable, bool writable) {
    Q_ASSERT(thread() == QThread::currentThread());
    const quint8 wanted = quint8((readable ? kRead : 0) | (writable ? kWrite : 0));
    const quint8 had = watcher->m_interest;
    if (wanted == had) {
        return true;
    }
    if (wanted == 0) {
        // Removed rather than left with an empty mask: the kernel reports hang-ups and
        // errors whatever the mask, and a level-triggered hang-up nobody reads would wake
        // the loop on every turn.
        ::epoll_ctl(m_epollFd, EPOLL_CTL_DEL, fd, nullptr);
        watcher->m_interest = 0;
        --m_watched;
        forget(watcher);
        return true;
    }
    epoll_event event{};
    event.events =
        ((wanted & kRead) ? EPOLLIN | EPOLLRDHUP : 0u) | ((wanted & kWrite) ? EPOLLOUT : 0u);
    event.data.ptr = watcher;
    if (::epoll_ctl(m_epollFd, had == 0 ? EPOLL_CTL_ADD : EPOLL_CTL_MOD, fd, &event) != 0) {
        const int error = errno;
        if (had != 0) {
            ::epoll_ctl(m_epollFd, EPOLL_CTL_DEL, fd, nullptr);
            --m_watched;
            forget(watcher);
        }
        watcher->m_interest = 0;
        errno = error;
        return false;
    }
    if (had == 0) {
        ++m_watched;
    }
    watcher->m_interest = wanted;
    return true;
}

void SocketPoller::forget(const Watcher *watcher) {
    for (Batch *batch = m_batches; batch; batch = batch->outer) {
        for (int i = 0; i < batch->count; ++i) {
            if (batch->events[size_t(i)].data.ptr == watcher) {
                batch->events[size_t(i)].data.ptr = nullptr;
            }
        }
    }
}

bool SocketPoller::event(QEvent *e) {
    if (e->type() == QEvent::SockAct) {
        dispatch();
        return true;
    }
    return QSocketNotifier::event(e);
}

void SocketPoller::dispatch() {
    Batch batch;
    int n = 0;
    do {
        n = ::epoll_wait(m_epollFd, batch.events.data(), kBatch, 0);
    } while (n < 0 && errno == EINTR);
    if (n <= 0) {
        return;
    }
    batch.count = n;
    batch.outer = m_batches;
    m_batches = &batch;
    for (int i = 0; i < n; ++i) {
        epoll_event &event = batch.events[size_t(i)];
        const uint32_t happened = event.events;
        // What poll() would report to a read or a write notifier.
        if ((happened & (EPOLLIN | EPOLLRDHUP | EPOLLHUP | EPOLLERR)) && event.data.ptr &&
            (static_cast<Watcher *>(event.data.ptr)->m_interest & kRead)) {
            static_cast<Watcher *>(event.data.ptr)->pollReadable();
        }
        // Read again: the first call may have removed this watcher (or deleted it).
        if ((happened & (EPOLLOUT | EPOLLHUP | EPOLLERR)) && event.data.ptr &&
            (static_cast<Watcher *>(event.data.ptr)->m_interest & kWrite)) {
            static_cast<Watcher *>(event.data.ptr)->pollWritable();
        }
    }
    m_batches = batch.outer;
}

} // namespace orion::net
