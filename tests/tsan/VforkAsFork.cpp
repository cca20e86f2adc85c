// SPDX-License-Identifier: GPL-3.0-or-later
// Linked into every test executable of a ThreadSanitizer build (ORION_TSAN): QProcess
// starts its children with a real fork there. Stateless.
//
// Qt's QProcess starts a child with clone(CLONE_VM | CLONE_VFORK): the child shares the
// parent's memory until it execs. TSan's clone interceptor treats every clone as a fork and
// does its after-fork work in the child, which then lands in the parent's memory: TSan stops
// checking the thread that started the process, and dies at the next new thread ("starting
// new threads after multi-threaded fork is not supported"). This clone, found before
// TSan's, drops the two flags, so the child gets its own copy of the memory, as TSan
// expects of a fork. QProcess needs nothing of the shared memory: the child reports a failed
// exec through a pipe, and the pidfd is written into the parent by the kernel.
#include <dlfcn.h>
#include <sched.h>
#include <sys/types.h>

#include <cstdarg>

extern "C" int clone(int (*fn)(void *), void *stack, int flags, void *arg, ...) {
    using Clone = int (*)(int (*)(void *), void *, int, void *, pid_t *, void *, pid_t *);
    static const auto next = reinterpret_cast<Clone>(dlsym(RTLD_NEXT, "clone"));
    va_list rest;
    va_start(rest, arg);
    auto *parentTid = va_arg(rest, pid_t *);
    void *tls = va_arg(rest, void *);
    auto *childTid = va_arg(rest, pid_t *);
    va_end(rest);
    if ((flags & CLONE_VM) && (flags & CLONE_VFORK)) {
        flags &= ~(CLONE_VM | CLONE_VFORK);
    }
    return next(fn, stack, flags, arg, parentTid, tls, childTid);
}
