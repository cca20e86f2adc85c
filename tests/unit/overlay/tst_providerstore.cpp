// SPDX-License-Identifier: GPL-3.0-or-later
// Provider-store flooding: one peer, or many peers naming one host, cannot fill the store;
// a full store keeps the records closest to this node, and the node's own always fit.
#include "overlay/ProviderStore.h"
#include "routing/NodeInfo.h"

#include <QDateTime>
#include <QtTest>

using namespace orion;
using identity::Key160;
using overlay::ProviderRecord;
using overlay::ProviderStore;

class TestProviderStore : public QObject {
    Q_OBJECT

    const qint64 m_now = QDateTime::currentSecsSinceEpoch();
    const Key160 m_self = Key160::random();

    ProviderRecord recordOf(const crypto::Ed25519 &host) const {
        return ProviderRecord::create(crypto::Ed25519::generate(), host, 1, m_now + 3600);
    }

private Q_SLOTS:
    void onePeerCannotFillTheStore() {
        ProviderStore store(ProviderStore::Limits{10'000, 256, 10'000}, m_self);
        const Key160 flooder = Key160::random();
        int accepted = 0;
        QString lastError;
        for (int i = 0; i < 1000; ++i) {
            auto ok = store.accept(recordOf(crypto::Ed25519::generate()), m_now, flooder);
            accepted += ok.ok();
            if (!ok) {
                lastError = ok.error();
            }
        }
        // Positive control: the flood reached the store, up to the quota.
        QCOMPARE(accepted, 256);
        QCOMPARE(store.countFromSender(flooder), 256);
        QVERIFY2(lastError.contains(QStringLiteral("sending peer has 256 records")),
                 qPrintable(lastError));
        QCOMPARE(store.refused(), 744);
        // Others still have room, and so do the node's own records.
        QVERIFY(store.accept(recordOf(crypto::Ed25519::generate()), m_now, Key160::random()).ok());
        QVERIFY(store.accept(recordOf(crypto::Ed25519::generate()), m_now).ok());
        QCOMPARE(store.size(), 258);
    }

    void manyPeersCannotFillItForOneHost() {
        ProviderStore store(ProviderStore::Limits{10'000, 10'000, 100}, m_self);
        const auto host = crypto::Ed25519::generate();
        int accepted = 0;
        for (int i = 0; i < 300; ++i) {
            accepted += store.accept(recordOf(host), m_now, Key160::random()).ok();
        }
        QCOMPARE(accepted, 100);
        QVERIFY(store.accept(recordOf(crypto::Ed25519::generate()), m_now, Key160::random()).ok());
    }

    void aFullStoreKeepsTheClosest() {
        ProviderStore store(ProviderStore::Limits{50, 10'000, 10'000}, m_self);
        std::vector<ProviderRecord> records;
        for (int i = 0; i < 400; ++i) {
            records.push_back(recordOf(crypto::Ed25519::generate()));
        }
        int accepted = 0;
        for (const auto &r : records) {
            accepted += store.accept(r, m_now, Key160::random()).ok();
        }
        QCOMPARE(store.size(), 50);
        QVERIFY(accepted >= 50 && accepted < 400);
        QCOMPARE(store.evicted(), qint64(accepted - 50));
        // Exactly the 50 closest to this node's ID remain.
        std::sort(records.begin(), records.end(), [&](const auto &a, const auto &b) {
            return m_self.isCloser(a.containerKey, b.containerKey);
        });
        for (int i = 0; i < 400; ++i) {
            QCOMPARE(store.find(records[size_t(i)].containerKey, m_now).has_value(), i < 50);
        }
        // The node's own record fits even now, whatever its key.
        const auto own = recordOf(crypto::Ed25519::generate());
        QVERIFY(store.accept(own, m_now).ok());
        QVERIFY(store.find(own.containerKey, m_now));
        QCOMPARE(store.size(), 50);
    }

    void newerRecordReplacesWithinTheQuota() {
        ProviderStore store(ProviderStore::Limits{10'000, 1, 10'000}, m_self);
        const auto container = crypto::Ed25519::generate();
        const auto host = crypto::Ed25519::generate();
        const Key160 peer = Key160::random();
        QVERIFY(store.accept(ProviderRecord::create(container, host, 1, m_now + 3600), m_now, peer)
                    .ok());
        QVERIFY(store.accept(ProviderRecord::create(container, host, 2, m_now + 3600), m_now, peer)
                    .ok());
        QCOMPARE(store.find(keyOf(container), m_now)->sequence, quint64(2));
        QCOMPARE(store.countFromSender(peer), 1);
        QVERIFY(!store.accept(recordOf(host), m_now, peer).ok()); // a second container: over
    }

private:
    static Key160 keyOf(const crypto::Ed25519 &key) {
        return routing::NodeInfo::idForPublicKey(key.publicKey());
    }
};

QTEST_GUILESS_MAIN(TestProviderStore)
#include "tst_providerstore.moc"
