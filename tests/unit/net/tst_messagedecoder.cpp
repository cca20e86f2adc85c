// SPDX-License-Identifier: GPL-3.0-or-later
#include "crypto/Random.h"
#include "net/MessageDecoder.h"
#include "net/MessageFramer.h"

#include <QCborArray>
#include <QCborMap>
#include <QtTest>

using namespace orion;
using net::MessageDecoder;
using net::MessageFramer;

class TestMessageDecoder : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void roundTripAnySplit() {
        QList<QCborValue> sent;
        QByteArray wire;
        for (int i = 0; i < 300; ++i) {
            QCborValue v =
                (i % 3 == 0)
                    ? QCborValue(i)
                    : QCborValue(QCborMap{{QStringLiteral("n"), i},
                                          {QStringLiteral("b"),
                                           crypto::Random::bytes(crypto::Random::uniform(9000))}});
            sent.append(v);
            QVERIFY(MessageFramer::encode(v, wire).ok());
            if (i % 50 == 0) {
                MessageFramer::encodeKeepAlive(wire);
            }
        }
        for (int step : {1, 3, 4, 5, 4096, 100000}) {
            MessageDecoder decoder;
            QList<QCborValue> got;
            for (qsizetype i = 0; i < wire.size(); i += step) {
                QVERIFY(decoder
                            .feed(QByteArrayView(wire).sliced(
                                      i, std::min<qsizetype>(step, wire.size() - i)),
                                  got)
                            .ok());
            }
            QCOMPARE(got, sent);
            QCOMPARE(decoder.keepAlivesReceived(), 6);
            QVERIFY(!decoder.hasPartialMessage());
        }
    }

    void limits() {
        QByteArray wire;
        QVERIFY(MessageFramer::encode(
                    QCborValue(QByteArray(MessageFramer::kMaxMessageBytes - 5, 'a')), wire)
                    .ok());
        QCOMPARE(wire.size(), MessageFramer::kMaxMessageBytes + 4);
        QByteArray tooBig;
        QVERIFY(!MessageFramer::encode(
                     QCborValue(QByteArray(MessageFramer::kMaxMessageBytes - 4, 'a')), tooBig)
                     .ok());
        QVERIFY(tooBig.isEmpty());

        MessageDecoder decoder;
        QList<QCborValue> got;
        QVERIFY(decoder.feed(wire, got).ok());
        QCOMPARE(got.size(), 1);

        MessageDecoder over;
        QVERIFY(!over.feed(QByteArray::fromHex("00100001"), got).ok());
        QVERIFY(over.error().contains(QStringLiteral("exceeds")));
        QVERIFY(!over.feed(QByteArray::fromHex("0000000101"), got).ok()); // failure is final
    }

    void malformedCbor() {
        QList<QCborValue> got;
        MessageDecoder truncated;
        QVERIFY(truncated.feed(QByteArray::fromHex("0000000262"), got).ok()); // still partial
        QVERIFY(!truncated.feed(QByteArray::fromHex("61"), got).ok()); // "b" of 2 claims more
        MessageDecoder trailing;
        QVERIFY(!trailing.feed(QByteArray::fromHex("000000020101"), got).ok());
        QVERIFY(trailing.error().contains(QStringLiteral("trailing")));
        MessageDecoder bad;
        QVERIFY(!bad.feed(QByteArray::fromHex("00000001ff"), got).ok());
        QVERIFY(got.isEmpty());
        // A valid message before the bad one is still delivered.
        MessageDecoder mixed;
        QVERIFY(!mixed
                     .feed(QByteArray::fromHex("0000000107"
                                               "00000001ff"),
                           got)
                     .ok());
        QCOMPARE(got, QList<QCborValue>{QCborValue(7)});
    }
};

QTEST_GUILESS_MAIN(TestMessageDecoder)
#include "tst_messagedecoder.moc"
