// SPDX-License-Identifier: GPL-3.0-or-later
// SecureArena: slot allocation of secrets (zeroed, distinct, wiped and reused, thread-safe,
// overruns caught).
#include "crypto/SecureArena.h"
#include "crypto/SecureBuffer.h"

#include <QtTest>

#include <csignal>
#include <set>
#include <sys/wait.h>
#include <thread>
#include <unistd.h>

using namespace orion::crypto;

class TestSecureArena : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void allocationsAreZeroedAndDistinct() {
        std::vector<std::pair<std::uint8_t *, std::size_t>> live;
        std::set<std::uint8_t *> seen;
        for (std::size_t size : {1, 16, 32, 48, 64, 100, 200, 500, 1000, 1008, 1009, 4096}) {
            for (int i = 0; i < 50; ++i) {
                std::uint8_t *p = SecureArena::allocate(size);
                QVERIFY(p);
                QVERIFY(seen.insert(p).second);
                for (std::size_t j = 0; j < size; ++j) {
                    QCOMPARE(p[j], std::uint8_t(0));
                }
                std::memset(p, 0xA5, size);
                live.emplace_back(p, size);
            }
        }
        // No two allocations overlap: each still holds only its own pattern after all wrote.
        for (auto [p, size] : live) {
            for (std::size_t j = 0; j < size; ++j) {
                QCOMPARE(p[j], std::uint8_t(0xA5));
            }
        }
        const auto during = SecureArena::stats();
        QVERIFY(during.slotsInUse >= 10 * 50);
        QVERIFY(during.dedicatedInUse >= 2 * 50);
        for (auto [p, size] : live) {
            SecureArena::release(p, size);
        }
        const auto after = SecureArena::stats();
        QCOMPARE(after.slotsInUse, during.slotsInUse - 10 * 50);
        QCOMPARE(after.dedicatedInUse, during.dedicatedInUse - 2 * 50);
    }

    void releasedSlotsComeBackWiped() {
        std::uint8_t *p = SecureArena::allocate(32);
        std::memset(p, 0xFF, 32);
        SecureArena::release(p, 32);
        // The slot is handed out again (most recently freed first) and reads as zero.
        std::uint8_t *q = SecureArena::allocate(32);
        QCOMPARE(q, p);
        for (int j = 0; j < 32; ++j) {
            QCOMPARE(q[j], std::uint8_t(0));
        }
        SecureArena::release(q, 32);
    }

    void emptyChunksAreReturned() {
        const auto before = SecureArena::stats();
        std::vector<std::uint8_t *> many;
        for (int i = 0; i < 2000; ++i) {
            many.push_back(SecureArena::allocate(40));
        }
        QVERIFY(SecureArena::stats().chunks > before.chunks);
        for (auto *p : many) {
            SecureArena::release(p, 40);
        }
        // At most the one spare chunk of the class stays mapped.
        QVERIFY(SecureArena::stats().chunks <= before.chunks + 1);
    }

    void manyThreadsAtOnce() {
        std::vector<std::thread> threads;
        std::atomic<int> bad{0};
        for (int t = 0; t < 4; ++t) {
            threads.emplace_back([&bad, t] {
                std::vector<SecureBuffer> held;
                for (int i = 0; i < 5000; ++i) {
                    SecureBuffer b(std::size_t(16 + (i % 5) * 40));
                    std::memset(b.data(), t + 1, b.size());
                    held.push_back(std::move(b));
                    if (held.size() > 64) {
                        for (auto &h : held) {
                            for (std::size_t j = 0; j < h.size(); ++j) {
                                bad += h.data()[j] != std::uint8_t(t + 1);
                            }
                        }
                        held.clear();
                    }
                }
            });
        }
        for (auto &th : threads) {
            th.join();
        }
        QCOMPARE(bad.load(), 0);
    }

    void overrunAbortsOnRelease() {
        // In a child process: writing one byte past a secret is caught when it is released.
        const pid_t child = fork();
        QVERIFY(child >= 0);
        if (child == 0) {
            std::uint8_t *p = SecureArena::allocate(32);
            p[32] ^= 1;
            SecureArena::release(p, 32);
            _exit(0); // not reached
        }
        int status = 0;
        QCOMPARE(waitpid(child, &status, 0), child);
        QVERIFY(WIFSIGNALED(status));
        QCOMPARE(WTERMSIG(status), SIGABRT);
    }
};

QTEST_GUILESS_MAIN(TestSecureArena)
#include "tst_securearena.moc"
