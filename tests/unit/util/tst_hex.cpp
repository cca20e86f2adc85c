// SPDX-License-Identifier: GPL-3.0-or-later
// One hex codec for files and for keys people type: the same digits decode the same way
// through util::Hex and Key160, and only the letter case rule differs, by choice.
#include "identity/Key160.h"
#include "util/Hex.h"

#include <QtTest>

using orion::identity::Key160;
using orion::util::Hex;

class TestHex : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void roundTrip() {
        const QByteArray bytes("\x00\x01\x7f\x80\xab\xff", 6);
        const QString hex = Hex::encode(bytes);
        QCOMPARE(hex, QStringLiteral("00017f80abff"));
        QCOMPARE(Hex::decode(hex), std::optional<QByteArray>(bytes));
        QCOMPARE(Hex::decode(hex, 6), std::optional<QByteArray>(bytes));
        QCOMPARE(Hex::decode(QString()), std::optional<QByteArray>(QByteArray()));
    }

    void filesAreReadLowercaseOnly() {
        QVERIFY(Hex::decode(QStringLiteral("abcdef")).has_value());
        QVERIFY(!Hex::decode(QStringLiteral("ABCDEF")).has_value());
        QVERIFY(!Hex::decode(QStringLiteral("abcdeF")).has_value());
    }

    void anyCaseWhenAsked() {
        const auto upper = Hex::decode(QStringLiteral("ABCDEF"), 3, Hex::Letters::AnyCase);
        QVERIFY(upper.has_value());
        QCOMPARE(*upper, QByteArray("\xab\xcd\xef"));
        QCOMPARE(Hex::decode(QStringLiteral("aBcDeF"), -1, Hex::Letters::AnyCase), upper);
    }

    void rejectsWhatIsNotHex() {
        for (const Hex::Letters letters : {Hex::Letters::Lower, Hex::Letters::AnyCase}) {
            QVERIFY(!Hex::decode(QStringLiteral("abc"), -1, letters));        // odd length
            QVERIFY(!Hex::decode(QStringLiteral("abcd"), 3, letters));        // wrong size
            QVERIFY(!Hex::decode(QStringLiteral("ag"), -1, letters));         // not a digit
            QVERIFY(!Hex::decode(QStringLiteral("a "), -1, letters));         // space
            QVERIFY(!Hex::decode(QStringLiteral("0x"), -1, letters));         // prefix
            QVERIFY(!Hex::decode(QString::fromUtf8("a\u0661"), -1, letters)); // Arabic-Indic 1
            QVERIFY(!Hex::decode(QString::fromUtf8("\uff41b"), -1, letters)); // fullwidth a
        }
    }

    void keysAcceptEitherCaseThroughTheSameCodec() {
        const Key160 key = Key160::random();
        const QString lower = key.toHex();
        QCOMPARE(lower, lower.toLower());
        QCOMPARE(Key160::fromHex(lower), std::optional<Key160>(key));
        QCOMPARE(Key160::fromHex(lower.toUpper()), std::optional<Key160>(key));
        // Key160 and Hex agree on every key: the same bytes either way.
        QCOMPARE(Hex::decode(lower, Key160::kBytes), std::optional<QByteArray>(key.toBytes()));
        QCOMPARE(Hex::decode(lower.toUpper(), Key160::kBytes, Hex::Letters::AnyCase),
                 std::optional<QByteArray>(key.toBytes()));
    }

    void keysRejectWhatIsNotAKey() {
        const QString lower = Key160::random().toHex();
        QVERIFY(!Key160::fromHex(lower.left(39)));
        QVERIFY(!Key160::fromHex(lower + QStringLiteral("0")));
        QVERIFY(!Key160::fromHex(lower + QStringLiteral("00")));
        QString bad = lower;
        bad[7] = u'g';
        QVERIFY(!Key160::fromHex(bad));
        QVERIFY(!Key160::fromHex(QString()));
    }
};

QTEST_GUILESS_MAIN(TestHex)
#include "tst_hex.moc"
