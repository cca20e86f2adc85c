// SPDX-License-Identifier: GPL-3.0-or-later
// ReplayWindow (session counters) and SeenDigests (static-key sealed parts): duplicates are
// refused, reordering within the window is accepted, too old is refused, memory is bounded.
#include "seal/ReplayWindow.h"
#include "seal/SeenDigests.h"

#include <QtTest>

#include <algorithm>
#include <numeric>
#include <random>
#include <vector>

using namespace orion::seal;
using Verdict = ReplayWindow::Verdict;

class TestReplayWindow : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void inOrderAcceptedOnceEach() {
        ReplayWindow window;
        QVERIFY(window.empty());
        for (std::uint64_t c = 0; c < 5000; ++c) {
            QCOMPARE(window.check(c), Verdict::Fresh);
            QVERIFY(window.accept(c));
            QCOMPARE(window.check(c), Verdict::Duplicate);
            QVERIFY(!window.accept(c));
        }
        QCOMPARE(window.highest(), std::uint64_t(4999));
    }

    void firstCounterMayBeAnything() {
        ReplayWindow window;
        QVERIFY(window.accept(1'000'000));
        QCOMPARE(window.check(1'000'000), Verdict::Duplicate);
        QCOMPARE(window.check(1'000'000 - 5), Verdict::Fresh);
        QCOMPARE(window.check(1'000'000 - ReplayWindow::kWindow), Verdict::TooOld);
    }

    void reorderingWithinTheWindowIsAccepted() {
        // A shuffled run: each counter accepted exactly once, whatever the order, as long as
        // no counter falls a full window behind the highest.
        std::vector<std::uint64_t> counters(ReplayWindow::kWindow);
        std::iota(counters.begin(), counters.end(), std::uint64_t(0));
        std::mt19937 random(7);
        std::shuffle(counters.begin(), counters.end(), random);
        ReplayWindow window;
        for (const std::uint64_t c : counters) {
            QVERIFY2(window.accept(c), qPrintable(QString::number(c)));
        }
        for (const std::uint64_t c : counters) {
            QCOMPARE(window.check(c), Verdict::Duplicate);
        }
    }

    void edgesOfTheWindow() {
        ReplayWindow window;
        QVERIFY(window.accept(10'000));
        const std::uint64_t oldestKept = 10'000 - (ReplayWindow::kWindow - 1);
        QCOMPARE(window.check(oldestKept), Verdict::Fresh);
        QCOMPARE(window.check(oldestKept - 1), Verdict::TooOld);
        QVERIFY(window.accept(oldestKept));
        QVERIFY(!window.accept(oldestKept - 1));
        QCOMPARE(window.check(oldestKept), Verdict::Duplicate);
        // One step forward pushes the oldest out.
        QVERIFY(window.accept(10'001));
        QCOMPARE(window.check(oldestKept), Verdict::TooOld);
        QCOMPARE(window.check(oldestKept + 1), Verdict::Fresh);
    }

    void aSlideForgetsNothingStillInside() {
        ReplayWindow window;
        for (std::uint64_t c = 0; c < 100; c += 2) {
            QVERIFY(window.accept(c));
        }
        QVERIFY(window.accept(1500)); // jump ahead by less than a window
        for (std::uint64_t c = 0; c < 100; ++c) {
            QCOMPARE(window.check(c), c % 2 == 0 ? Verdict::Duplicate : Verdict::Fresh);
        }
        for (std::uint64_t c = 101; c < 1500; ++c) {
            QCOMPARE(window.check(c), Verdict::Fresh); // slots cleared by the slide
        }
        // A jump of more than a window clears everything behind it.
        QVERIFY(window.accept(1500 + 3 * ReplayWindow::kWindow));
        QCOMPARE(window.check(1500), Verdict::TooOld);
        QCOMPARE(window.check(1501 + 2 * ReplayWindow::kWindow), Verdict::Fresh);
        // Slots reused from before the jump hold no stale bits.
        QCOMPARE(window.check(1500 + 3 * ReplayWindow::kWindow - ReplayWindow::kWindow + 1),
                 Verdict::Fresh);
    }

    void slotsReusedAfterAWrapStartUnseen() {
        // Fill a whole window, then jump a little: the slots of the counters jumped over
        // held bits of counters a window older and must read as unseen now.
        ReplayWindow window;
        for (std::uint64_t c = 0; c < ReplayWindow::kWindow; ++c) {
            QVERIFY(window.accept(c));
        }
        QVERIFY(window.accept(ReplayWindow::kWindow + 10));
        for (std::uint64_t c = ReplayWindow::kWindow; c < ReplayWindow::kWindow + 10; ++c) {
            QCOMPARE(window.check(c), Verdict::Fresh);
            QVERIFY(window.accept(c));
        }
        QCOMPARE(window.check(10), Verdict::TooOld);
        QCOMPARE(window.check(11), Verdict::Duplicate);
    }

    void seenDigestsRefuseRepeats() {
        SeenDigests seen(4);
        QVERIFY(seen.insert("sealed part one"));
        QVERIFY(seen.insert("sealed part two"));
        QVERIFY(!seen.insert("sealed part one"));
        QVERIFY(seen.contains("sealed part two"));
        QVERIFY(!seen.contains("sealed part three"));
        QCOMPARE(seen.size(), std::size_t(2));
    }

    void seenDigestsAreBounded() {
        SeenDigests seen(100);
        for (int i = 0; i < 1000; ++i) {
            QVERIFY(seen.insert(QByteArray::number(i)));
            QVERIFY(seen.size() <= 100);
        }
        QCOMPARE(seen.size(), std::size_t(100));
        // The last 100 are remembered, older ones forgotten (oldest first).
        for (int i = 900; i < 1000; ++i) {
            QVERIFY(seen.contains(QByteArray::number(i)));
        }
        QVERIFY(!seen.contains(QByteArray::number(899)));
        QVERIFY(!seen.contains(QByteArray::number(0)));
        QVERIFY(!seen.insert(QByteArray::number(950)));
        QVERIFY(seen.insert(QByteArray::number(0)));
        QVERIFY(!seen.contains(QByteArray::number(900))); // pushed out by 0
    }

    void seenDigestsAreKeyedPerInstance() {
        // Two instances disagree on nothing observable, but each keeps its own key.
        SeenDigests a(10), b(10);
        QVERIFY(a.insert("x"));
        QVERIFY(!b.contains("x"));
        QVERIFY(b.insert("x"));
        QCOMPARE(a.capacity(), std::size_t(10));
        QCOMPARE(SeenDigests(0).capacity(), std::size_t(1));
    }
};

QTEST_GUILESS_MAIN(TestReplayWindow)
#include "tst_replaywindow.moc"
