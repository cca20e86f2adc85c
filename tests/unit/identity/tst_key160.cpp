// SPDX-License-Identifier: GPL-3.0-or-later
#include "identity/Key160.h"

#include <QtTest>

#include <algorithm>
#include <random>
#include <vector>

using orion::identity::Key160;

class TestKey160 : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void hexRoundTrip() {
        const QString hex = QStringLiteral("00112233445566778899aabbccddeeff01234567");
        const auto key = Key160::fromHex(hex);
        QVERIFY(key.has_value());
        QCOMPARE(key->toHex(), hex);
        QCOMPARE(key->shortHex(), QStringLiteral("00112233"));
        QCOMPARE(Key160::fromHex(hex.toUpper())->toHex(), hex);
        QVERIFY(!Key160::fromHex(hex.left(39)).has_value());
        QVERIFY(!Key160::fromHex(hex + u'0').has_value());
        QVERIFY(!Key160::fromHex(QStringLiteral("g0112233445566778899aabbccddeeff01234567")));
        QVERIFY(!Key160::fromBytes(QByteArray(19, 'x')).has_value());
        QCOMPARE(Key160::fromBytes(key->toBytes()).value(), *key);
    }

    void xorMetricProperties() {
        for (int round = 0; round < 200; ++round) {
            const Key160 a = Key160::random(), b = Key160::random(), c = Key160::random();
            // identity, symmetry, and d(a,c) <= d(a,b) xor d(b,c) (triangle via xor)
            QVERIFY(a.distanceTo(a).isZero());
            QCOMPARE(a.distanceTo(b), b.distanceTo(a));
            QVERIFY(!(a == b) || a.distanceTo(b).isZero());
            QCOMPARE(a.distanceTo(b).distanceTo(b.distanceTo(c)), a.distanceTo(c));
            // unidirectionality: for fixed a and distance there is exactly one b
            QCOMPARE(a.distanceTo(a.distanceTo(b)), b);
            QCOMPARE(a.isCloser(b, c), a.distanceTo(b) < a.distanceTo(c));
            QVERIFY(!a.isCloser(b, b));
        }
    }

    void commonPrefixLength() {
        const Key160 zero;
        QCOMPARE(zero.commonPrefixLength(zero), 160);
        for (int bit = 0; bit < 160; ++bit) {
            std::array<std::uint8_t, 20> bytes{};
            bytes[bit / 8] = std::uint8_t(0x80 >> (bit % 8));
            const Key160 k(bytes);
            QCOMPARE(zero.commonPrefixLength(k), bit);
            QVERIFY(k.bit(bit));
            QCOMPARE(Key160::randomWithPrefix(k, bit + 1).commonPrefixLength(k) >= bit + 1, true);
        }
    }

    void sortByDistance() {
        const Key160 target = Key160::random();
        std::vector<Key160> keys;
        for (int i = 0; i < 100; ++i) {
            keys.push_back(Key160::random());
        }
        std::sort(keys.begin(), keys.end(),
                  [&](const Key160 &x, const Key160 &y) { return target.isCloser(x, y); });
        for (size_t i = 1; i < keys.size(); ++i) {
            QVERIFY(target.distanceTo(keys[i - 1]) <= target.distanceTo(keys[i]));
            QVERIFY(target.commonPrefixLength(keys[i - 1]) >= target.commonPrefixLength(keys[i]));
        }
    }
};

QTEST_GUILESS_MAIN(TestKey160)
#include "tst_key160.moc"
