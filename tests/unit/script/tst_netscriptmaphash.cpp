// SPDX-License-Identifier: GPL-3.0-or-later
// Map hashing is keyed with a secret chosen when the process starts, so keys crafted to
// collide (sent through json-parse, or as integers) no longer pile up in one probe chain.
#include "script/Compiler.h"
#include "script/Heap.h"
#include "script/Instance.h"
#include "script/KeyHash.h"
#include "script/MapObject.h"
#include "script/MemoryStore.h"
#include "script/StringObject.h"

#include <QtTest>

#include <cstring>
#include <string>
#include <vector>

using namespace orion::script;

namespace {

constexpr size_t kKeys = 1024;
constexpr uint64_t kMask = 2047; // the table of 1,024 keys has 2,048 slots

// The unkeyed hashes maps used before they were keyed; an attacker could compute them.
uint64_t unkeyedStringHash(std::string_view s) {
    uint64_t h = 0xcbf29ce484222325ull ^ s.size();
    size_t i = 0;
    for (; i + 8 <= s.size(); i += 8) {
        uint64_t w;
        std::memcpy(&w, s.data() + i, 8);
        h = (h ^ w) * 0x100000001b3ull;
        h ^= h >> 29;
    }
    for (; i < s.size(); ++i) {
        h = (h ^ uint8_t(s[i])) * 0x100000001b3ull;
    }
    h ^= h >> 32;
    h *= 0x9e3779b97f4a7c15ull;
    h ^= h >> 29;
    return h | 1;
}

uint64_t unkeyedIntHash(int64_t key) {
    uint64_t x = uint64_t(key) + 0x9e3779b97f4a7c15ull;
    x = (x ^ (x >> 30)) * 0xbf58476d1ce4e5b9ull;
    x = (x ^ (x >> 27)) * 0x94d049bb133111ebull;
    return (x ^ (x >> 31)) | 1;
}

// Keys whose unkeyed hashes all land in slot 0 of the table.
std::vector<std::string> collidingStrings() {
    std::vector<std::string> keys;
    for (uint64_t i = 0; keys.size() < kKeys; ++i) {
        std::string k = "user" + std::to_string(i);
        if ((unkeyedStringHash(k) & kMask) == 1) {
            keys.push_back(std::move(k));
        }
    }
    return keys;
}

std::vector<int64_t> collidingIntegers() {
    std::vector<int64_t> keys;
    for (int64_t i = 0; keys.size() < kKeys; ++i) {
        if ((unkeyedIntHash(i) & kMask) == 1) {
            keys.push_back(i);
        }
    }
    return keys;
}

// Sum over all entries of the distance from the slot its hash points at to the slot it sits
// in: the extra probes a lookup of every key costs. About one per key for a good hash; a
// chain of n colliding keys costs n * (n - 1) / 2.
size_t displacement(const MapObject &m) {
    const size_t mask = m.slots.size() - 1;
    size_t total = 0;
    for (size_t i = 0; i < m.slots.size(); ++i) {
        if (m.slots[i] >= 0) {
            const size_t home = m.entries[size_t(m.slots[i])].hash & mask;
            total += (i - home) & mask;
        }
    }
    return total;
}

// The same measure for a table filled with the given hashes (what the unkeyed hash did).
size_t displacementOf(const std::vector<uint64_t> &hashes, size_t slots) {
    std::vector<bool> used(slots);
    size_t total = 0;
    for (uint64_t h : hashes) {
        size_t i = h & (slots - 1);
        while (used[i]) {
            i = (i + 1) & (slots - 1);
            ++total;
        }
        used[i] = true;
    }
    return total;
}

} // namespace

class TestNetScriptMapHash : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void craftedStringKeysDoNotShareAProbeChain() {
        const auto keys = collidingStrings();
        // Control: under the unkeyed hash these keys form one chain.
        std::vector<uint64_t> unkeyed;
        for (const auto &k : keys) {
            unkeyed.push_back(unkeyedStringHash(k));
        }
        QVERIFY(displacementOf(unkeyed, kMask + 1) >= kKeys * (kKeys - 1) / 2);

        Heap heap(64u << 20);
        MapObject *m = heap.newMap();
        const Value holder = Value::adopt(m);
        for (const auto &k : keys) {
            heap.grow(m, m->insert(heap.string(k), Value::t()));
        }
        QCOMPARE(m->size(), kKeys);
        QCOMPARE(m->slots.size(), size_t(kMask + 1));
        QVERIFY2(displacement(*m) < 4 * kKeys, qPrintable(QString::number(displacement(*m))));
        for (const auto &k : keys) {
            QVERIFY(m->find(heap.string(k)) != nullptr);
        }
    }

    void craftedIntegerKeysDoNotShareAProbeChain() {
        const auto keys = collidingIntegers();
        std::vector<uint64_t> unkeyed;
        for (int64_t k : keys) {
            unkeyed.push_back(unkeyedIntHash(k));
        }
        QVERIFY(displacementOf(unkeyed, kMask + 1) >= kKeys * (kKeys - 1) / 2);

        Heap heap(64u << 20);
        MapObject *m = heap.newMap();
        const Value holder = Value::adopt(m);
        for (int64_t k : keys) {
            heap.grow(m, m->insert(Value::integer(k), Value::t()));
        }
        QCOMPARE(m->size(), kKeys);
        QVERIFY2(displacement(*m) < 4 * kKeys, qPrintable(QString::number(displacement(*m))));
        for (int64_t k : keys) {
            QVERIFY(m->find(Value::integer(k)) != nullptr);
        }
    }

    void craftedJsonDocumentParsesIntoAWorkingMap() {
        // The same keys through json-parse, as a message would bring them.
        QString doc = QStringLiteral("{");
        const auto keys = collidingStrings();
        for (size_t i = 0; i < keys.size(); ++i) {
            doc += QStringLiteral("%1\"%2\":%3")
                       .arg(i ? QStringLiteral(",") : QString(), QString::fromStdString(keys[i]))
                       .arg(i);
        }
        doc += u'}';
        auto p = Compiler::compile(QStringLiteral("(defun main () (let m (json-parse MESSAGE))\n"
                                                  "  (log (length m) (get m \"%1\")))")
                                       .arg(QString::fromStdString(keys.back())),
                                   QStringLiteral("hash.ns"));
        QVERIFY(p);
        MemoryStore store;
        const RunResult r = Instance::run(**p, MessageInput::fromText(doc), store);
        QVERIFY2(r.ok, qPrintable(r.error.message));
        QCOMPARE(r.effects.at(0).body, QStringLiteral("1024 1023"));
    }

    void hashDependsOnTheKeyAndMatchesTheReferenceVector() {
        // SipHash-2-4 of the reference paper: key 00..0f, message 00..0e.
        uint8_t key[16];
        uint8_t msg[15];
        for (int i = 0; i < 16; ++i) {
            key[i] = uint8_t(i);
        }
        for (int i = 0; i < 15; ++i) {
            msg[i] = uint8_t(i);
        }
        uint64_t k0;
        uint64_t k1;
        std::memcpy(&k0, key, 8);
        std::memcpy(&k1, key + 8, 8);
        const std::string_view m(reinterpret_cast<const char *>(msg), sizeof msg);
        QCOMPARE((KeyHash::sipHash<2, 4>(k0, k1, m)), 0xa129ca6149be45e5ull);
        // Another key, another hash: the process key decides where keys land.
        QVERIFY((KeyHash::sipHash<1, 3>(k0, k1, m)) != (KeyHash::sipHash<1, 3>(k0 ^ 1, k1, m)));
    }
};

QTEST_GUILESS_MAIN(TestNetScriptMapHash)
#include "tst_netscriptmaphash.moc"
