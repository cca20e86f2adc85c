// SPDX-License-Identifier: GPL-3.0-or-later
#include "util/TimerQueue.h"

#include <QtTest>

#include <memory>

using orion::util::TimerQueue;

class TestTimerQueue : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void runsInDeadlineOrder() {
        TimerQueue queue;
        QList<int> order;
        queue.schedule(60, [&] { order << 3; });
        queue.schedule(20, [&] { order << 1; });
        queue.schedule(40, [&] { order << 2; });
        queue.schedule(20, [&] { order << 11; }); // same time: in the order added
        QCOMPARE(queue.pending(), 4);
        QTRY_COMPARE(order.size(), 4);
        QCOMPARE(order, QList<int>({1, 11, 2, 3}));
        QCOMPARE(queue.pending(), 0);
    }

    void neverRunsEarlyNorInsideSchedule() {
        TimerQueue queue;
        QElapsedTimer clock;
        clock.start();
        qint64 ranAt = -1;
        bool ranNow = false;
        queue.schedule(0, [&] { ranNow = true; });
        QVERIFY(!ranNow); // not from inside schedule()
        queue.schedule(100, [&] { ranAt = clock.elapsed(); });
        QTRY_VERIFY(ranNow);
        QTRY_VERIFY(ranAt >= 0);
        QVERIFY2(ranAt >= 100, qPrintable(QString::number(ranAt)));
    }

    void aCallbackMaySchedule() {
        TimerQueue queue;
        int runs = 0;
        std::function<void()> again = [&] {
            if (++runs < 5) {
                queue.schedule(0, again);
            }
        };
        queue.schedule(0, again);
        QTRY_COMPARE(runs, 5);
        QCOMPARE(queue.pending(), 0);
    }

    void anEarlierCallbackMovesTheTimerForward() {
        TimerQueue queue;
        bool late = false, early = false;
        queue.schedule(60'000, [&] { late = true; });
        queue.schedule(10, [&] { early = true; });
        QTRY_VERIFY(early);
        QVERIFY(!late);
        QCOMPARE(queue.pending(), 1);
    }

    void pendingCallbacksDieWithTheQueue() {
        auto queue = std::make_unique<TimerQueue>();
        auto token = std::make_shared<int>(0);
        std::weak_ptr<int> watch = token;
        bool ran = false;
        queue->schedule(10, [&ran, token] { ran = true; });
        token.reset();
        QVERIFY(!watch.expired()); // held by the pending callback
        queue.reset();
        QVERIFY(watch.expired());
        QTest::qWait(50);
        QVERIFY(!ran);
    }
};

QTEST_GUILESS_MAIN(TestTimerQueue)
#include "tst_timerqueue.moc"
