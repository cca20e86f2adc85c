// SPDX-License-Identifier: GPL-3.0-or-later
#include "crypto/Random.h"
#include "net/MessageDecoder.h"
#include "net/MessageFramer.h"

#include <QCborArray>
#include <QCborMap>
#include <QtEndian>
#include <QtTest>

using namespace orion;
using net::MessageDecoder;
using net::MessageFramer;

namespace {

// One message as it arrives: a 4-byte length and the body.
QByteArray framed(const QByteArray &body) {
    QByteArray wire(4, 0);
    qToBigEndian<quint32>(quint32(body.size()), wire.data());
    return wire + body;
}

} // namespace

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

    void firstMessageCap() {
        const QByteArray small = QCborValue(QByteArray(100, 'a')).toCbor();
        const QByteArray large = QCborValue(QByteArray(20'000, 'a')).toCbor();
        QList<QCborValue> got;
        // Positive control: without the cap the large first message is decoded.
        MessageDecoder open;
        QVERIFY(open.feed(framed(large), got).ok());
        QCOMPARE(got.size(), 1);

        got.clear();
        MessageDecoder capped;
        capped.setFirstMessageMaxBytes(16 * 1024);
        // Keep-alives do not count as the first message; the length alone is refused,
        // before any body byte is buffered.
        QVERIFY(!capped.feed(QByteArray(4, 0) + framed(large).first(4), got).ok());
        QCOMPARE(
            capped.error(),
            QStringLiteral("first message length %1 exceeds the limit of 16384").arg(large.size()));
        QVERIFY(got.isEmpty());

        // Once the first message was within the cap, later ones have the common limit.
        MessageDecoder later;
        later.setFirstMessageMaxBytes(16 * 1024);
        QVERIFY(later.feed(framed(small) + framed(large), got).ok());
        QCOMPARE(got.size(), 2);
    }

    void nestingAndItemsAreBounded() {
        QList<QCborValue> got;
        // 40 nested arrays are past the default depth of 32; 20 are not.
        MessageDecoder deep;
        QVERIFY(deep.feed(framed(QByteArray(20, char(0x81)) + QByteArray(1, 0)), got).ok());
        QCOMPARE(got.size(), 1);
        QVERIFY(!deep.feed(framed(QByteArray(40, char(0x81)) + QByteArray(1, 0)), got).ok());
        QVERIFY(deep.error().contains(QStringLiteral("nested deeper than 32")));

        // The attack of a whole message of nested arrays is refused, and quickly so: it is
        // never built as a value (no timing decides this test, the error says where it
        // stopped).
        MessageDecoder nested;
        QVERIFY(!nested
                     .feed(framed(QByteArray(MessageFramer::kMaxMessageBytes - 1, char(0x81)) +
                                  QByteArray(1, 0)),
                           got)
                     .ok());
        QVERIFY(nested.error().startsWith(QStringLiteral("CBOR message refused: CBOR nested")));

        // An array declaring more items than allowed is refused on its header.
        MessageDecoder many;
        many.setBounds(util::CborBounds{32, 1000});
        QByteArray header = QByteArray::fromHex("9a000f4240"); // array of 1,000,000
        QVERIFY(!many.feed(framed(header + QByteArray(10, 0)), got).ok());
        QVERIFY(many.error().contains(QStringLiteral("more than 1000 items")));
        // The same bound lets 999 items through.
        MessageDecoder enough;
        enough.setBounds(util::CborBounds{32, 1000});
        QCborArray items;
        for (int i = 0; i < 999; ++i) {
            items.append(i);
        }
        got.clear();
        QVERIFY(enough.feed(framed(QCborValue(items).toCbor()), got).ok());
        QCOMPARE(got.value(0).toArray().size(), 999);
    }
};

QTEST_GUILESS_MAIN(TestMessageDecoder)
#include "tst_messagedecoder.moc"
