// SPDX-License-Identifier: GPL-3.0-or-later
#include "util/Result.h"

#include <QtTest>

using orion::Error;
using orion::ErrorCode;
using orion::Result;
using orion::Status;

class TestResult : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void aValueHasNoError() {
        const Result<int> r(7);
        QVERIFY(r.ok());
        QCOMPARE(*r, 7);
        QVERIFY(Status::success().ok());
    }

    void aPlainFailureIsGeneric() {
        const auto r = Result<int>::failure(QStringLiteral("it broke"));
        QVERIFY(!r.ok());
        QCOMPARE(r.error(), QStringLiteral("it broke"));
        QCOMPARE(r.errorCode(), ErrorCode::Failed);
        const auto s = Status::failure(QStringLiteral("it broke"));
        QCOMPARE(s.errorCode(), ErrorCode::Failed);
    }

    void aTypedFailureKeepsCodeAndReason() {
        const auto r = Result<QString>::failure(ErrorCode::NotFound, QStringLiteral("no such"));
        QVERIFY(!r.ok());
        QCOMPARE(r.errorCode(), ErrorCode::NotFound);
        QCOMPARE(r.error(), QStringLiteral("no such"));
        const auto s = Status::failure(ErrorCode::WrongPassphrase, QStringLiteral("wrong"));
        QCOMPARE(s.errorCode(), ErrorCode::WrongPassphrase);
        QCOMPARE(s.error(), QStringLiteral("wrong"));
    }

    void aFailurePassesOnUnchanged() {
        const auto inner = Result<int>::failure(ErrorCode::Corrupt, QStringLiteral("bad checksum"));
        const Status outer = inner.errorValue();
        QCOMPARE(outer.errorCode(), ErrorCode::Corrupt);
        QCOMPARE(outer.error(), QStringLiteral("bad checksum"));
        const Result<QByteArray> again = outer.errorValue();
        QCOMPARE(again.errorCode(), ErrorCode::Corrupt);
    }

    void everyCodeHasAName() {
        QCOMPARE(QByteArray(orion::errorCodeName(ErrorCode::WrongPassphrase)),
                 QByteArray("wrong_passphrase"));
        for (int c = int(ErrorCode::Failed); c <= int(ErrorCode::Internal); ++c) {
            QVERIFY(QByteArray(orion::errorCodeName(ErrorCode(c))) != "?");
        }
    }
};

QTEST_GUILESS_MAIN(TestResult)
#include "tst_result.moc"
