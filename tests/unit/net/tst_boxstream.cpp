// SPDX-License-Identifier: GPL-3.0-or-later
#include "TestData.h"
#include "crypto/Random.h"
#include "net/BoxStreamDecryptor.h"
#include "net/BoxStreamEncryptor.h"
#include "net/BoxStreamNonce.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QtTest>

using namespace orion;
using net::BoxStreamDecryptor;
using net::BoxStreamEncryptor;

namespace {

QByteArray hex(const QJsonObject &o, const char *key) {
    return QByteArray::fromHex(o.value(QLatin1String(key)).toString().toLatin1());
}

QJsonObject loadVectors() {
    return QJsonDocument::fromJson(test::TestData::read(QStringLiteral("transport/boxstream.json")))
        .object();
}

crypto::SecureBuffer keyOf(const QJsonObject &o) {
    return crypto::SecureBuffer::fromBytes(hex(o, "key"));
}

const QByteArray kKey(32, 'k');
const QByteArray kNonce = QByteArray::fromHex("0102030405060708090a0b0c0d0e0f101112131415161718");

struct Frame {
    QByteArray header;
    QByteArray body;
};

// Splits a stream into frames by decrypting headers (test helper).
QByteArray stream(const QList<QByteArray> &chunks, bool goodbye = true) {
    BoxStreamEncryptor enc(crypto::SecureBuffer::fromBytes(kKey), kNonce);
    QByteArray out;
    for (const auto &c : chunks) {
        enc.encrypt(c, out);
    }
    if (goodbye) {
        enc.goodbye(out);
    }
    return out;
}

struct Decoded {
    Status status;
    QByteArray plain;
    qint64 frames;
    bool finished;
};

Decoded decode(const QByteArray &wire, int step = 0) {
    BoxStreamDecryptor dec(crypto::SecureBuffer::fromBytes(kKey), kNonce);
    QByteArray plain;
    Status status = Status::success();
    if (step <= 0) {
        status = dec.feed(wire, plain);
    } else {
        for (qsizetype i = 0; i < wire.size() && status.ok(); i += step) {
            status = dec.feed(
                QByteArrayView(wire).sliced(i, std::min<qsizetype>(step, wire.size() - i)), plain);
        }
    }
    if (status.ok()) {
        status = dec.finish();
    }
    return {status, plain, dec.framesDecrypted(), dec.isFinished()};
}

} // namespace

class TestBoxStream : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void nonceIsBigEndianAndWraps() {
        net::BoxStreamNonce n(
            QByteArray::fromHex("0000000000000000000000000000000000000000000000ff"));
        n.increment();
        QCOMPARE(n.view().toByteArray().toHex(),
                 QByteArray("000000000000000000000000000000000000000000000100"));
        net::BoxStreamNonce wrap(QByteArray(24, char(0xff)));
        wrap.increment();
        QCOMPARE(wrap.view().toByteArray(), QByteArray(24, '\0'));
    }

    void vectors_data() {
        QTest::addColumn<QJsonObject>("vector");
        const QJsonObject all = loadVectors();
        QTest::newRow("main") << all;
        for (const auto &v : all.value(QLatin1String("more_vectors")).toArray()) {
            QTest::newRow(qPrintable(v.toObject().value(QLatin1String("name")).toString()))
                << v.toObject();
        }
    }

    void vectors() {
        QFETCH(QJsonObject, vector);
        const QByteArray nonce = hex(vector, "nonce");
        const QByteArray expected = hex(vector, "ciphertext");
        QCOMPARE(expected.size(), vector.value(QLatin1String("ciphertext_length")).toInt());

        BoxStreamEncryptor enc(keyOf(vector), nonce);
        QByteArray out;
        for (const auto &chunk : vector.value(QLatin1String("plaintext_chunks")).toArray()) {
            QVERIFY(enc.encrypt(QByteArray::fromHex(chunk.toString().toLatin1()), out));
        }
        QVERIFY(enc.goodbye(out));
        QCOMPARE(out.toHex(), expected.toHex());
        QVERIFY(!enc.encrypt("late", out));

        // Per-frame layout: header, body, and both nonces.
        qsizetype at = 0;
        net::BoxStreamNonce n(nonce);
        for (const auto &f : vector.value(QLatin1String("frames")).toArray()) {
            const QJsonObject frame = f.toObject();
            QCOMPARE(n.view().toByteArray().toHex(), hex(frame, "header_nonce").toHex());
            QCOMPARE(out.mid(at, 34).toHex(), hex(frame, "header").toHex());
            at += 34;
            if (frame.value(QLatin1String("type")).toString() == QLatin1String("data")) {
                QCOMPARE(n.next().view().toByteArray(), hex(frame, "body_nonce"));
                const QByteArray body = hex(frame, "body");
                QCOMPARE(out.mid(at, body.size()), body);
                at += body.size();
                n.increment();
                n.increment();
            }
        }
        QCOMPARE(at, out.size());

        // Decrypt in every split: all at once, and in odd-sized pieces.
        QByteArray expectedPlain;
        for (const auto &d : vector.value(QLatin1String("decrypted_frames")).toArray()) {
            expectedPlain += QByteArray::fromHex(d.toString().toLatin1());
        }
        for (int step : {0, 1, 7, 34, 35, 4130, 5000}) {
            BoxStreamDecryptor dec(keyOf(vector), nonce);
            QByteArray plain;
            if (step == 0) {
                QVERIFY(dec.feed(expected, plain).ok());
            } else {
                for (qsizetype i = 0; i < expected.size(); i += step) {
                    QVERIFY(dec.feed(QByteArrayView(expected).sliced(
                                         i, std::min<qsizetype>(step, expected.size() - i)),
                                     plain)
                                .ok());
                }
            }
            QVERIFY(dec.isFinished());
            QVERIFY(dec.finish().ok());
            QCOMPARE(plain, expectedPlain);
            QCOMPARE(dec.framesDecrypted(),
                     vector.value(QLatin1String("decrypted_frames")).toArray().size());
        }
    }

    void invalidStreams_data() {
        QTest::addColumn<QJsonObject>("vector");
        const QJsonArray invalid = loadVectors().value(QLatin1String("invalid_streams")).toArray();
        QCOMPARE(invalid.size(), 11);
        for (const auto &v : invalid) {
            QTest::newRow(qPrintable(v.toObject().value(QLatin1String("name")).toString()))
                << v.toObject();
        }
    }

    void invalidStreams() {
        QFETCH(QJsonObject, vector);
        const QJsonObject main = loadVectors();
        QList<QByteArray> mainFrames;
        for (const auto &d : main.value(QLatin1String("decrypted_frames")).toArray()) {
            mainFrames.append(QByteArray::fromHex(d.toString().toLatin1()));
        }
        const int before = vector.value(QLatin1String("frames_before_error")).toInt();
        const QByteArray wire = hex(vector, "ciphertext");
        for (int step : {0, 1, 34, 1000}) {
            BoxStreamDecryptor dec(keyOf(vector), hex(vector, "nonce"));
            QByteArray plain;
            Status status = Status::success();
            if (step == 0) {
                status = dec.feed(wire, plain);
            } else {
                for (qsizetype i = 0; i < wire.size() && status.ok(); i += step) {
                    status = dec.feed(
                        QByteArrayView(wire).sliced(i, std::min<qsizetype>(step, wire.size() - i)),
                        plain);
                }
            }
            if (status.ok()) {
                status = dec.finish(); // EOF: only fine after the goodbye
            }
            QVERIFY2(!status.ok(), qPrintable(vector.value(QLatin1String("name")).toString()));
            QVERIFY(!dec.isFinished());
            QCOMPARE(dec.framesDecrypted(), before);
            QByteArray expectedPlain;
            for (int i = 0; i < before; ++i) {
                expectedPlain += mainFrames.at(i);
            }
            QCOMPARE(plain, expectedPlain);
            // Failure is final.
            QVERIFY(!dec.feed(QByteArray(100, 'x'), plain).ok());
        }
    }

    void roundTripRandomSizes() {
        QList<QByteArray> chunks;
        QByteArray all;
        for (int i = 0; i < 200; ++i) {
            const QByteArray c = crypto::Random::bytes(crypto::Random::uniform(20000) + 1);
            chunks.append(c);
            all += c;
        }
        const QByteArray wire = stream(chunks);
        for (int step : {0, 3, 4096, 4130}) {
            Decoded d = decode(wire, step);
            QVERIFY(d.status.ok());
            QVERIFY(d.finished);
            QCOMPARE(d.plain, all);
        }
        // An empty write produces no frame.
        QCOMPARE(stream({QByteArray()}).size(), 34);
    }

    void reorderedReplayedTruncatedTampered() {
        // Three single-frame chunks: frame i spans [i*(34+10), (i+1)*(34+10)).
        const QList<QByteArray> chunks{QByteArray(10, 'a'), QByteArray(10, 'b'),
                                       QByteArray(10, 'c')};
        const QByteArray wire = stream(chunks);
        const int f = 44;
        QVERIFY(decode(wire).status.ok());

        // Reordered: frames 1 and 2 swapped.
        QByteArray swapped = wire.first(f) + wire.mid(2 * f, f) + wire.mid(f, f) + wire.mid(3 * f);
        Decoded d = decode(swapped);
        QVERIFY(!d.status.ok());
        QCOMPARE(d.frames, 1);
        QCOMPARE(d.plain, chunks[0]);

        // Replayed: frame 0 sent twice.
        d = decode(wire.first(f) + wire.first(f) + wire.mid(f));
        QVERIFY(!d.status.ok());
        QCOMPARE(d.frames, 1);

        // Dropped: frame 1 missing.
        d = decode(wire.first(f) + wire.mid(2 * f));
        QVERIFY(!d.status.ok());
        QCOMPARE(d.frames, 1);

        // Truncated at every length short of the goodbye.
        for (qsizetype cut = 0; cut < wire.size(); ++cut) {
            d = decode(wire.first(cut));
            QVERIFY(!d.status.ok());
            QVERIFY(!d.finished);
            QCOMPARE(d.frames, cut / f);
        }

        // Tampered in any bit of any byte.
        for (qsizetype i = 0; i < wire.size(); ++i) {
            QByteArray t = wire;
            t[i] = char(t[i] ^ (1 << (i % 8)));
            d = decode(t);
            QVERIFY2(!d.status.ok(), qPrintable(QString::number(i)));
            QCOMPARE(d.frames, i / f);
        }

        // Bytes after the goodbye are ignored, as by the reference implementation.
        d = decode(wire + "trailing");
        QVERIFY(d.status.ok());
        QCOMPARE(d.plain, chunks[0] + chunks[1] + chunks[2]);
    }
};

QTEST_GUILESS_MAIN(TestBoxStream)
#include "tst_boxstream.moc"
