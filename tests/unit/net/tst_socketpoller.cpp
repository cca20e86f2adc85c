// SPDX-License-Identifier: GPL-3.0-or-later
// SocketPoller on socket pairs: one poller per thread, readable and writable reported level
// by level, hang-ups, more ready sockets than one batch, a watcher removed by another in the
// same batch hears nothing, and a descriptor the kernel refuses.
#include "net/SocketPoller.h"

#include <QThread>
#include <QtTest>

#include <cerrno>
#include <functional>
#include <memory>
#include <sys/socket.h>
#include <unistd.h>
#include <vector>

using orion::net::SocketPoller;

namespace {

// Both ends of a connected, non-blocking stream socket pair; closed on destruction.
struct SocketPair {
    int a = -1;
    int b = -1;
    SocketPair() {
        int fds[2] = {-1, -1};
        if (::socketpair(AF_UNIX, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0, fds) == 0) {
            a = fds[0];
            b = fds[1];
        }
    }
    ~SocketPair() {
        closeB();
        if (a >= 0) {
            ::close(a);
        }
    }
    SocketPair(const SocketPair &) = delete;
    SocketPair &operator=(const SocketPair &) = delete;
    void closeB() {
        if (b >= 0) {
            ::close(b);
            b = -1;
        }
    }
};

class Probe : public SocketPoller::Watcher {
public:
    void pollReadable() override {
        ++readable;
        if (onReadable) {
            onReadable();
        }
    }
    void pollWritable() override {
        ++writable;
        if (onWritable) {
            onWritable();
        }
    }

    int readable = 0;
    int writable = 0;
    std::function<void()> onReadable;
    std::function<void()> onWritable;
};

} // namespace

class TestSocketPoller : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void oneSharedPollerPerThread() {
        auto first = SocketPoller::forCurrentThread();
        QVERIFY(first);
        QCOMPARE(SocketPoller::forCurrentThread().get(), first.get());

        SocketPoller *other = nullptr;
        bool livesThere = false;
        std::unique_ptr<QThread> thread(QThread::create([&] {
            auto there = SocketPoller::forCurrentThread();
            other = there.get();
            livesThere = there && there->thread() == QThread::currentThread();
        }));
        thread->start();
        QVERIFY(thread->wait(10000));
        QVERIFY(other != nullptr);
        QVERIFY(other != first.get());
        QVERIFY(livesThere);

        // Kept only while someone holds it: once the last holder lets go, the next caller
        // gets a new one, watching nothing.
        SocketPair pair;
        Probe probe;
        QVERIFY(first->watch(pair.a, &probe, true, false));
        QCOMPARE(first->size(), 1);
        QVERIFY(first->watch(pair.a, &probe, false, false));
        first.reset();
        auto again = SocketPoller::forCurrentThread();
        QCOMPARE(again->size(), 0);
    }

    void readableAndWritableLevelByLevel() {
        auto poller = SocketPoller::forCurrentThread();
        SocketPair pair;
        Probe probe;
        // A connected socket with room in its buffer is writable.
        probe.onWritable = [&] { QVERIFY(poller->watch(pair.a, &probe, true, false)); };
        QVERIFY(poller->watch(pair.a, &probe, false, true));
        QTRY_COMPARE(probe.writable, 1);
        QCOMPARE(probe.readable, 0);

        // Level-triggered: told on every turn until everything is read. Reading one byte
        // per call takes three calls for three bytes.
        QCOMPARE(::write(pair.b, "xyz", 3), 3);
        QByteArray got;
        probe.onReadable = [&] {
            char c = 0;
            if (::read(pair.a, &c, 1) == 1) {
                got.append(c);
            }
            if (got.size() == 3) {
                QVERIFY(poller->watch(pair.a, &probe, false, false));
            }
        };
        QTRY_COMPARE(got, QByteArray("xyz"));
        QCOMPARE(probe.readable, 3);
        QCOMPARE(poller->size(), 0);
    }

    void hangUpIsReadable() {
        auto poller = SocketPoller::forCurrentThread();
        SocketPair pair;
        Probe probe;
        qint64 last = 1;
        probe.onReadable = [&] {
            char c = 0;
            last = ::read(pair.a, &c, 1);
            QVERIFY(poller->watch(pair.a, &probe, false, false));
        };
        QVERIFY(poller->watch(pair.a, &probe, true, false));
        pair.closeB();
        QTRY_COMPARE(probe.readable, 1);
        QCOMPARE(last, qint64(0));
    }

    void moreReadySocketsThanOneBatch() {
        auto poller = SocketPoller::forCurrentThread();
        constexpr int kSockets = 300;
        std::vector<std::unique_ptr<SocketPair>> pairs;
        std::vector<std::unique_ptr<Probe>> probes;
        int served = 0;
        for (int i = 0; i < kSockets; ++i) {
            pairs.push_back(std::make_unique<SocketPair>());
            probes.push_back(std::make_unique<Probe>());
            SocketPair *pair = pairs.back().get();
            Probe *probe = probes.back().get();
            QVERIFY(pair->a >= 0);
            probe->onReadable = [&, pair, probe] {
                char c = 0;
                QCOMPARE(::read(pair->a, &c, 1), 1);
                ++served;
                QVERIFY(poller->watch(pair->a, probe, false, false));
            };
            QVERIFY(poller->watch(pair->a, probe, true, false));
            QCOMPARE(::write(pair->b, "!", 1), 1);
        }
        QCOMPARE(poller->size(), kSockets);
        QTRY_COMPARE(served, kSockets);
        QCOMPARE(poller->size(), 0);
        for (const auto &probe : probes) {
            QCOMPARE(probe->readable, 1);
        }
    }

    void aWatcherRemovedInTheSameBatchHearsNothing() {
        auto poller = SocketPoller::forCurrentThread();
        SocketPair first, second;
        Probe one, two;
        // Whichever is told first removes the other, whose event was fetched in the same
        // batch: it must not be told, now or later.
        one.onReadable = [&] {
            QVERIFY(poller->watch(second.a, &two, false, false));
            QVERIFY(poller->watch(first.a, &one, false, false));
        };
        two.onReadable = [&] {
            QVERIFY(poller->watch(first.a, &one, false, false));
            QVERIFY(poller->watch(second.a, &two, false, false));
        };
        QVERIFY(poller->watch(first.a, &one, true, false));
        QVERIFY(poller->watch(second.a, &two, true, false));
        QCOMPARE(::write(first.b, "1", 1), 1);
        QCOMPARE(::write(second.b, "2", 1), 1);
        QTRY_COMPARE(one.readable + two.readable, 1);
        QCOMPARE(poller->size(), 0);
        // Nothing is watched any more, so nothing can arrive: the count is final.
        QCoreApplication::processEvents();
        QCOMPARE(one.readable + two.readable, 1);
    }

    void aWatcherDeletedInTheSameBatchIsNotTouched() {
        auto poller = SocketPoller::forCurrentThread();
        SocketPair first, second;
        auto one = std::make_unique<Probe>();
        auto two = std::make_unique<Probe>();
        int told = 0;
        // Whichever is told first removes and deletes the other (as a connection closing
        // another one deletes its socket); the batch still holds the deleted one's event.
        auto dropOther = [&](std::unique_ptr<Probe> &self, int selfFd,
                             std::unique_ptr<Probe> &other, int otherFd) {
            ++told;
            QVERIFY(poller->watch(otherFd, other.get(), false, false));
            other.reset();
            QVERIFY(poller->watch(selfFd, self.get(), false, false));
        };
        one->onReadable = [&] { dropOther(one, first.a, two, second.a); };
        two->onReadable = [&] { dropOther(two, second.a, one, first.a); };
        QVERIFY(poller->watch(first.a, one.get(), true, false));
        QVERIFY(poller->watch(second.a, two.get(), true, false));
        QCOMPARE(::write(first.b, "1", 1), 1);
        QCOMPARE(::write(second.b, "2", 1), 1);
        QTRY_COMPARE(told, 1);
        QCOMPARE(poller->size(), 0);
        QCOMPARE(int(bool(one)) + int(bool(two)), 1);
    }

    void aRefusedDescriptorIsNotWatched() {
        auto poller = SocketPoller::forCurrentThread();
        Probe probe;
        int fd = -1;
        {
            SocketPair pair;
            fd = pair.a;
        }
        // Closed, so the kernel refuses it.
        errno = 0;
        QVERIFY(!poller->watch(fd, &probe, true, false));
        QCOMPARE(errno, EBADF);
        QCOMPARE(poller->size(), 0);
        // Removing what is not watched is a no-op.
        QVERIFY(poller->watch(fd, &probe, false, false));
        QCOMPARE(poller->size(), 0);
    }
};

QTEST_GUILESS_MAIN(TestSocketPoller)
#include "tst_socketpoller.moc"
