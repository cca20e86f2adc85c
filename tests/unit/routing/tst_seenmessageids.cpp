// SPDX-License-Identifier: GPL-3.0-or-later
#include "routing/SeenMessageIds.h"

#include <QtTest>

#include <cstring>

using orion::routing::SeenMessageIds;

namespace {

QByteArray idNumber(int n) {
    QByteArray id(16, '\0');
    // Differences in the first and in the last eight bytes both count.
    id[0] = char(n & 0xff);
    id[15] = char((n >> 8) & 0xff);
    return id;
}

} // namespace

class TestSeenMessageIds : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void secondInsertIsRefused() {
        SeenMessageIds seen(8);
        QVERIFY(seen.insert(idNumber(1)));
        QVERIFY(!seen.insert(idNumber(1)));
        QVERIFY(seen.insert(idNumber(2)));
        QCOMPARE(seen.size(), 2);
    }

    void bothHalvesOfAnIdCount() {
        SeenMessageIds seen(8);
        QByteArray a(16, 'x');
        QByteArray b = a;
        b[15] = 'y';
        QByteArray c = a;
        c[0] = 'y';
        QVERIFY(seen.insert(a));
        QVERIFY(seen.insert(b));
        QVERIFY(seen.insert(c));
        QVERIFY(seen.contains(a) && seen.contains(b) && seen.contains(c));
    }

    void shortIdsDifferByLength() {
        SeenMessageIds seen(8);
        QVERIFY(seen.insert(QByteArray("ab")));
        QVERIFY(seen.insert(QByteArray("ab\0", 3)));
        QVERIFY(seen.insert(QByteArray()));
        QVERIFY(!seen.insert(QByteArray("ab")));
    }

    void oldestIsForgottenFirst() {
        SeenMessageIds seen(4);
        for (int i = 0; i < 4; ++i) {
            QVERIFY(seen.insert(idNumber(i)));
        }
        QCOMPARE(seen.size(), 4);
        QVERIFY(seen.insert(idNumber(4))); // forgets 0
        QCOMPARE(seen.size(), 4);
        QVERIFY(!seen.contains(idNumber(0)));
        for (int i = 1; i <= 4; ++i) {
            QVERIFY2(seen.contains(idNumber(i)), qPrintable(QString::number(i)));
        }
        // Round and round: always exactly the last four.
        for (int i = 5; i < 300; ++i) {
            QVERIFY(seen.insert(idNumber(i)));
            QCOMPARE(seen.size(), 4);
            QVERIFY(!seen.contains(idNumber(i - 4)));
            QVERIFY(seen.contains(idNumber(i - 3)));
        }
        // A forgotten ID is new again.
        QVERIFY(seen.insert(idNumber(0)));
    }

    // A peer that floods new IDs forgets its own, never those of the others.
    void aFloodingPeerPushesOutOnlyItsOwn() {
        const auto honest = orion::identity::Key160::random();
        const auto flooder = orion::identity::Key160::random();
        SeenMessageIds seen(1000);
        for (int i = 0; i < 100; ++i) {
            QVERIFY(seen.insert(idNumber(i), honest));
        }
        QByteArray flood(16, 'f');
        for (int i = 0; i < 20'000; ++i) {
            std::memcpy(flood.data(), &i, sizeof i);
            QVERIFY(seen.insert(flood, flooder));
        }
        QCOMPARE(seen.size(), 1000);
        QCOMPARE(seen.countFrom(honest), 100);
        QCOMPARE(seen.countFrom(flooder), 900);
        for (int i = 0; i < 100; ++i) {
            QVERIFY(!seen.insert(idNumber(i), flooder)); // still known: a replay is refused
        }
        // Positive control: the same flood from the honest peer's own key flushes its IDs,
        // as a single queue would for everyone.
        for (int i = 0; i < 20'000; ++i) {
            std::memcpy(flood.data() + 8, &i, sizeof i);
            QVERIFY(seen.insert(flood, honest));
        }
        QVERIFY(!seen.contains(idNumber(0)));
        QVERIFY(seen.countFrom(honest) <= 1000 && seen.size() == 1000);
    }

    void zeroCapacityRemembersNothing() {
        SeenMessageIds seen(0);
        QVERIFY(seen.insert(idNumber(1)));
        QVERIFY(seen.insert(idNumber(1)));
        QCOMPARE(seen.size(), 0);
    }
};

QTEST_GUILESS_MAIN(TestSeenMessageIds)
#include "tst_seenmessageids.moc"
