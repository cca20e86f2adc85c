// SPDX-License-Identifier: GPL-3.0-or-later
// PortMapSchedule: renewal at half the lifetime, retries that double up to a cap, and when
// a mapping whose renewals fail counts as lost. Times are given, not measured.
#include "net/PortMapSchedule.h"

#include <QtTest>

using orion::net::PortMapSchedule;
using Phase = PortMapSchedule::Phase;

namespace {

PortMapSchedule schedule() {
    return PortMapSchedule(PortMapSchedule::Timing{600, 5000, 60'000});
}

} // namespace

class TestPortMapSchedule : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void firstRequestIsDueAtOnce() {
        auto s = schedule();
        QVERIFY(!s.isDue(0)); // idle: nothing is asked for before start
        s.start(1000);
        QVERIFY(s.isDue(1000));
        s.requestSent();
        QCOMPARE(s.phase(), Phase::Requesting);
        QVERIFY(!s.isDue(50'000)); // one request at a time
    }

    void grantedMappingIsRenewedAtHalfItsLifetime() {
        auto s = schedule();
        s.start(0);
        s.requestSent();
        s.granted(1000, 120);
        QVERIFY(s.hasMapping());
        QCOMPARE(s.nextRequestAtMs(), 61'000);
        QVERIFY(!s.isDue(60'999));
        QVERIFY(s.isDue(61'000));
        QCOMPARE(s.renewals(), 0);
        s.requestSent();
        s.granted(61'500, 120);
        QCOMPARE(s.renewals(), 1);
        QCOMPARE(s.nextRequestAtMs(), 121'500);
    }

    void leaseWithoutEndIsAskedForAgainAtHalfTheConfiguredLifetime() {
        // How a router that restarted and forgot it gets it back.
        auto s = schedule();
        s.start(0);
        s.requestSent();
        s.granted(0, 0);
        QCOMPARE(s.nextRequestAtMs(), 300'000);
        QVERIFY(!s.expired(10'000'000));
    }

    void refusalsAreRetriedWithADoublingWaitUpToTheCap() {
        auto s = schedule();
        s.start(0);
        const qint64 expected[] = {5000, 10'000, 20'000, 40'000, 60'000, 60'000};
        qint64 now = 0;
        for (qint64 wait : expected) {
            s.requestSent();
            QVERIFY(!s.refused(now)); // nothing held: nothing lost
            QCOMPARE(s.nextRequestAtMs() - now, wait);
            now = s.nextRequestAtMs();
            QVERIFY(s.isDue(now));
        }
        QCOMPARE(s.failures(), 6);
        s.requestSent();
        s.granted(now, 600);
        QCOMPARE(s.failures(), 0); // a grant starts the count again
        s.requestSent();
        s.refused(now + 300'000);
        QCOMPARE(s.nextRequestAtMs() - (now + 300'000), 5000);
    }

    void failedRenewalsKeepTheMappingUntilItLapses() {
        auto s = schedule();
        s.start(0);
        s.requestSent();
        s.granted(0, 20); // expires at 20 s, renewed at 10 s
        s.requestSent();
        QVERIFY(!s.refused(10'000)); // still granted until 20 s
        QVERIFY(s.hasMapping());
        QCOMPARE(s.nextRequestAtMs(), 15'000);
        s.requestSent();
        QVERIFY(!s.refused(15'000));
        // The next retry would be at 25 s; it is brought forward to the mapping's end.
        QCOMPARE(s.nextRequestAtMs(), 20'000);
        QVERIFY(s.expired(20'000));
        s.requestSent();
        QVERIFY(s.refused(20'000)); // now it is lost
        QVERIFY(!s.hasMapping());
    }

    void leaseWithoutEndIsLostAtTheFirstFailedRenewal() {
        auto s = schedule();
        s.start(0);
        s.requestSent();
        s.granted(0, 0);
        s.requestSent();
        QVERIFY(s.refused(300'000));
        QVERIFY(!s.hasMapping());
    }

    void grantsAfterStopAreIgnored() {
        auto s = schedule();
        s.start(0);
        s.requestSent();
        s.stop();
        s.granted(100, 600);
        QVERIFY(!s.hasMapping());
        QCOMPARE(s.phase(), Phase::Idle);
        QVERIFY(!s.refused(200));
        QVERIFY(!s.isDue(1'000'000));
    }
};

QTEST_GUILESS_MAIN(TestPortMapSchedule)
#include "tst_portmapschedule.moc"
