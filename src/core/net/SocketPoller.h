// SPDX-License-Identifier: GPL-3.0-or-later
// SocketPoller: one epoll set per thread for every PeerSocket on it, watched by a single
// notifier. The thread's event loop polls one descriptor for all of them, and a turn of the
// loop costs as much as the sockets that are ready, not as much as all the sockets there are.
// Part of the thread's event machinery, like its event dispatcher: it holds no node's state.
#pragma once

#include <QSocketNotifier>

#include <memory>

struct epoll_event;

namespace orion::net {

// Why not a QSocketNotifier per socket: Qt's dispatcher hands every enabled notifier of the
// thread to poll() on every turn of the loop. A node holds tens of connections, a process
// running many nodes on a few threads holds thousands, and most of a turn went to asking
// the kernel about sockets with nothing to say. A notifier also costs a few hundred bytes.
class SocketPoller final : public QSocketNotifier {
public:
    // What a socket hears. Both calls may change what it is watched for, remove it, or
    // remove other watchers: a removed watcher hears nothing more, not even an event
    // already fetched in the same batch.
    class Watcher {
    public:
        // Bytes, the end of the stream or an error can be read.
        virtual void pollReadable() = 0;
        // The descriptor can be written, or a connect finished (either way).
        virtual void pollWritable() = 0;

    protected:
        Watcher() = default;
        ~Watcher() = default;
        Watcher(const Watcher &) = default;
        Watcher &operator=(const Watcher &) = default;

    private:
        friend class SocketPoller;
        quint8 m_interest = 0;
    };

    // The calling thread's poller, made on first use and kept while anyone holds it;
    // nullptr when the kernel gives no epoll set (errno tells why).
    static std::shared_ptr<SocketPoller> forCurrentThread();
    ~SocketPoller() override;
    SocketPoller(const SocketPoller &) = delete;
    SocketPoller &operator=(const SocketPoller &) = delete;

    // Watches `fd` for the given events; neither removes it. Level-triggered: a watcher is
    // told again on every turn while the condition holds. False, with errno set, when the
    // kernel refuses (the watcher is then not watched at all).
    bool watch(int fd, Watcher *watcher, bool readable, bool writable);
    // How many descriptors are watched.
    int size() const { return m_watched; }

protected:
    bool event(QEvent *e) override;

private:
    struct Batch;

    explicit SocketPoller(int epollFd);
    void dispatch();
    void forget(const Watcher *watcher);

    int m_epollFd;
    int m_watched = 0;
    Batch *m_batches = nullptr; // the dispatches running on this thread, innermost first
};

} // namespace orion::net
