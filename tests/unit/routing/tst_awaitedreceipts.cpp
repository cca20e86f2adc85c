// SPDX-License-Identifier: GPL-3.0-or-later
#include "routing/AwaitedReceipts.h"

#include <QtTest>

using orion::routing::AwaitedReceipts;

class TestAwaitedReceipts : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void expiresInDeadlineOrder() {
        AwaitedReceipts awaited;
        awaited.expect("c", 300);
        awaited.expect("a", 100);
        awaited.expect("b", 200);
        QVERIFY(awaited.expire(99).empty());
        QCOMPARE(awaited.expire(200), (std::vector<QByteArray>{"a", "b"}));
        QCOMPARE(awaited.size(), 1);
        QVERIFY(awaited.contains("c"));
        QCOMPARE(awaited.expire(1000), (std::vector<QByteArray>{"c"}));
        QCOMPARE(awaited.size(), 0);
    }

    void nextDeadlineIsTheEarliestStillAwaited() {
        AwaitedReceipts awaited;
        QVERIFY(!awaited.nextDeadline());
        awaited.expect("late", 900);
        awaited.expect("early", 100);
        QCOMPARE(awaited.nextDeadline(), std::optional<qint64>(100));
        QVERIFY(awaited.settle("early"));
        QCOMPARE(awaited.nextDeadline(), std::optional<qint64>(900));
        QCOMPARE(awaited.expire(900).size(), size_t(1));
        QVERIFY(!awaited.nextDeadline());
    }

    void settledIsForgottenWithItsDeadline() {
        AwaitedReceipts awaited;
        awaited.expect("a", 100);
        awaited.expect("b", 100);
        QVERIFY(awaited.settle("a"));
        QVERIFY(!awaited.settle("a"));
        QVERIFY(!awaited.settle("never sent"));
        QVERIFY(!awaited.contains("a"));
        QCOMPARE(awaited.expire(100), (std::vector<QByteArray>{"b"}));
    }

    void expectAgainMovesTheDeadline() {
        AwaitedReceipts awaited;
        awaited.expect("a", 100);
        awaited.expect("a", 500);
        QCOMPARE(awaited.size(), 1);
        QVERIFY(awaited.expire(499).empty());
        QCOMPARE(awaited.expire(500), (std::vector<QByteArray>{"a"}));
    }

    // Answered messages never time out later, however many went out.
    void answeredMessagesNeverTimeOut() {
        AwaitedReceipts awaited;
        for (int i = 0; i < 100000; ++i) {
            const QByteArray id = QByteArray::number(i);
            awaited.expect(id, 10000 + i);
            QVERIFY(awaited.settle(id));
        }
        QCOMPARE(awaited.size(), 0);
        QVERIFY(awaited.expire(1'000'000).empty());
    }
};

QTEST_GUILESS_MAIN(TestAwaitedReceipts)
#include "tst_awaitedreceipts.moc"
