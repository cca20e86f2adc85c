// SPDX-License-Identifier: GPL-3.0-or-later
#include "util/CborBounds.h"

#include <QCborArray>
#include <QCborMap>
#include <QtTest>

using namespace orion;
using util::CborBounds;

namespace {

// `depth` arrays inside one another around an integer.
QCborValue nestedArrays(int depth) {
    QCborValue v(1);
    for (int i = 0; i < depth; ++i) {
        v = QCborArray{v};
    }
    return v;
}

} // namespace

class TestCborBounds : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void depthOfBytesAndValues() {
        const CborBounds bounds{8, 1000};
        for (int depth : {0, 1, 8}) {
            QVERIFY2(bounds.checkBytes(nestedArrays(depth).toCbor()).ok(),
                     qPrintable(QString::number(depth)));
            QVERIFY(bounds.checkValue(nestedArrays(depth)).ok());
        }
        const auto tooDeep = bounds.checkBytes(nestedArrays(9).toCbor());
        QVERIFY(!tooDeep.ok());
        QCOMPARE(tooDeep.error(), QStringLiteral("CBOR nested deeper than 8"));
        QCOMPARE(bounds.checkValue(nestedArrays(9)).error(),
                 QStringLiteral("CBOR nested deeper than 8"));

        // Maps count like arrays; indefinite-length containers too.
        QCborValue maps(1);
        for (int i = 0; i < 9; ++i) {
            maps = QCborMap{{QStringLiteral("k"), maps}};
        }
        QVERIFY(!bounds.checkBytes(maps.toCbor()).ok());
        QVERIFY(!bounds.checkValue(maps).ok());
        const QByteArray indefinite = QByteArray(9, char(0x9f)) + QByteArray(9, char(0xff));
        QVERIFY(!bounds.checkBytes(indefinite).ok());
        QVERIFY(bounds.checkBytes(QByteArray(8, char(0x9f)) + QByteArray(8, char(0xff))).ok());
    }

    void tagChainsAreBounded() {
        const CborBounds bounds{4, 1000};
        QByteArray fourTags = QByteArray::fromHex("c1c1c1c101"); // four tags around 1
        QVERIFY(bounds.checkBytes(fourTags).ok());
        QVERIFY(!bounds.checkBytes(QByteArray::fromHex("c1c1c1c1c101")).ok());
    }

    void itemCount() {
        const CborBounds bounds{32, 10};
        QCborArray nine;
        for (int i = 0; i < 9; ++i) {
            nine.append(i);
        }
        QVERIFY(bounds.checkBytes(QCborValue(nine).toCbor()).ok()); // the array and 9 integers
        QVERIFY(bounds.checkValue(QCborValue(nine)).ok());
        nine.append(9);
        QCOMPARE(bounds.checkBytes(QCborValue(nine).toCbor()).error(),
                 QStringLiteral("CBOR has more than 10 items"));
        QCOMPARE(bounds.checkValue(QCborValue(nine)).error(),
                 QStringLiteral("CBOR has more than 10 items"));
        // A map's declared pairs count twice, and are judged before any is read.
        QCOMPARE(bounds.checkBytes(QByteArray::fromHex("a5")).error(),
                 QStringLiteral("CBOR has more than 10 items"));
        // Items of indefinite containers are counted as they come.
        QByteArray indefinite =
            QByteArray::fromHex("9f") + QByteArray(10, 0) + QByteArray::fromHex("ff");
        QVERIFY(!bounds.checkBytes(indefinite).ok());
    }

    void malformedAndTrailing() {
        const CborBounds bounds;
        QVERIFY(bounds.checkBytes(QByteArray::fromHex("01")).ok());
        QVERIFY(bounds.checkBytes(QByteArray::fromHex("6161")).ok()); // "a"
        QVERIFY(!bounds.checkBytes(QByteArray()).ok());
        QVERIFY(bounds.checkBytes(QByteArray::fromHex("6261"))
                    .error()
                    .startsWith(QStringLiteral("malformed CBOR")));
        QVERIFY(bounds.checkBytes(QByteArray::fromHex("8201"))
                    .error()
                    .startsWith(QStringLiteral("malformed CBOR")));
        QCOMPARE(bounds.checkBytes(QByteArray::fromHex("0101")).error(),
                 QStringLiteral("CBOR has 1 trailing bytes"));
        QVERIFY(!bounds.checkBytes(QByteArray::fromHex("ff")).ok());
        // Chunked strings are one item.
        QVERIFY((CborBounds{2, 2}.checkBytes(QByteArray::fromHex("7f616161626163ff")).ok()));
    }

    void realisticMessagesPass() {
        QCborMap message{{0, 0}, {1, QByteArray(16, 'x')}, {2, QCborArray{1, 2, 3}}};
        QCborMap body;
        for (int i = 0; i < 100; ++i) {
            body.insert(QString::number(i), QCborArray{QStringLiteral("v"), i, 1.5, true});
        }
        message.insert(3, body);
        QVERIFY(CborBounds{}.checkBytes(QCborValue(message).toCbor()).ok());
        QVERIFY(CborBounds{}.checkValue(QCborValue(message)).ok());
    }
};

QTEST_GUILESS_MAIN(TestCborBounds)
#include "tst_cborbounds.moc"
