// SPDX-License-Identifier: GPL-3.0-or-later
// ThreadHandOver: queued calls, blocking queued calls and thread-pool tasks that hand work
// from one thread to another, with the order Qt gives them told to ThreadSanitizer.
// Stateless; called on the sending thread.
//
// Qt orders such a hand-over inside libQt6Core (the posted-event queue's mutex, the
// semaphore of a blocking call, the pool's queue), with futexes and atomics. The
// distribution's Qt is not built with -fsanitize=thread, so TSan cannot see that order and
// would call every value handed over (a functor's captures, what it returns) a race. These
// helpers make the plain Qt call and tell TSan what Qt guarantees: everything the sender
// did before the call happens before the functor runs, and, for a blocking call,
// everything the functor did happens before the call returns. Qt's own bookkeeping inside
// the call (copying the functor into its event or task) is not checked, as Qt's code is
// not checked anywhere else. Without -fsanitize=thread they are the plain Qt calls.
#pragma once

#include <QMetaObject>
#include <QObject>
#include <QThreadPool>

#include <optional>
#include <type_traits>
#include <utility>

#if defined(__SANITIZE_THREAD__)
#define ORION_TSAN_ANNOTATIONS 1
#elif defined(__has_feature)
#if __has_feature(thread_sanitizer)
#define ORION_TSAN_ANNOTATIONS 1
#endif
#endif

#ifdef ORION_TSAN_ANNOTATIONS
#include <sanitizer/tsan_interface.h>
extern "C" {
void AnnotateIgnoreReadsBegin(const char *file, int line);
void AnnotateIgnoreReadsEnd(const char *file, int line);
void AnnotateIgnoreWritesBegin(const char *file, int line);
void AnnotateIgnoreWritesEnd(const char *file, int line);
}
#endif

namespace orion::util::handover {

#ifdef ORION_TSAN_ANNOTATIONS
// What this thread did so far happens before whatever a later acquire(key) is followed by.
inline void release(const void *key) {
    __tsan_release(const_cast<void *>(key));
}
inline void acquire(const void *key) {
    __tsan_acquire(const_cast<void *>(key));
}
// While it lives, this thread's memory accesses are not checked: Qt's call is running.
class QtCall {
public:
    QtCall() {
        AnnotateIgnoreReadsBegin(__FILE__, __LINE__);
        AnnotateIgnoreWritesBegin(__FILE__, __LINE__);
    }
    ~QtCall() {
        AnnotateIgnoreWritesEnd(__FILE__, __LINE__);
        AnnotateIgnoreReadsEnd(__FILE__, __LINE__);
    }
    QtCall(const QtCall &) = delete;
    QtCall &operator=(const QtCall &) = delete;
};
#else
inline void release(const void *) {}
inline void acquire(const void *) {}
class QtCall {
public:
    QtCall() = default;
    QtCall(const QtCall &) = delete;
    QtCall &operator=(const QtCall &) = delete;
};
#endif

// QMetaObject::invokeMethod(receiver, fn, Qt::QueuedConnection). The key is the receiver:
// every post to it is ordered before every later delivery, as Qt's event queue orders them.
template <typename Fn>
void post(QObject *receiver, Fn &&fn) {
    release(receiver);
    [[maybe_unused]] const QtCall call;
    QMetaObject::invokeMethod(
        receiver,
        [receiver, fn = std::forward<Fn>(fn)]() mutable {
            acquire(receiver);
            fn();
        },
        Qt::QueuedConnection);
}

// QMetaObject::invokeMethod(receiver, fn, Qt::BlockingQueuedConnection); returns what fn
// returns. The receiver must live on another thread.
template <typename Fn>
auto call(QObject *receiver, Fn &&fn) -> std::invoke_result_t<Fn &> {
    using R = std::invoke_result_t<Fn &>;
    // The way back: what fn did, up to its return, happens before this call returns.
    const char done = 0;
    [[maybe_unused]] std::conditional_t<std::is_void_v<R>, char, std::optional<R>> out{};
    release(receiver);
    {
        [[maybe_unused]] const QtCall call;
        QMetaObject::invokeMethod(
            receiver,
            [receiver, &fn, &out, &done] {
                acquire(receiver);
                if constexpr (std::is_void_v<R>) {
                    fn();
                } else {
                    out.emplace(fn());
                }
                release(&done);
            },
            Qt::BlockingQueuedConnection);
    }
    acquire(&done);
    if constexpr (!std::is_void_v<R>) {
        return std::move(*out);
    }
}

// QThreadPool::start(fn): what the caller did before happens before fn runs on the pool.
template <typename Fn>
void start(QThreadPool &pool, Fn &&fn) {
    release(&pool);
    [[maybe_unused]] const QtCall call;
    pool.start([pool = &pool, fn = std::forward<Fn>(fn)]() mutable {
        acquire(pool);
        fn();
    });
}

} // namespace orion::util::handover
