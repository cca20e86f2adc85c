// SPDX-License-Identifier: GPL-3.0-or-later
// Provider records: a good record is accepted, and every forgery (bad signature of either
// key, key not the hash of the public key, expired, lower sequence number) is rejected
// with its reason.
#include "crypto/Blake2b.h"
#include "overlay/ProviderStore.h"

#include <QDateTime>
#include <QtTest>

using namespace orion;
using overlay::ProviderRecord;
using overlay::ProviderStore;

class TestProviderRecord : public QObject {
    Q_OBJECT

    crypto::Ed25519 m_container = crypto::Ed25519::generate();
    crypto::Ed25519 m_host = crypto::Ed25519::generate();
    qint64 m_now = QDateTime::currentSecsSinceEpoch();

    ProviderRecord good(quint64 sequence = 10) const {
        return ProviderRecord::create(m_container, m_host, sequence, m_now + 3600);
    }
    void expectRejected(const ProviderRecord &r, const QString &reason) {
        ProviderStore store;
        auto ok = store.accept(r, m_now);
        QVERIFY(!ok);
        QVERIFY2(ok.error().contains(reason), qPrintable(ok.error()));
        QCOMPARE(store.size(), 0);
    }

private Q_SLOTS:
    void acceptsAndRoundTrips() {
        ProviderStore store;
        const auto r = good();
        QVERIFY(store.accept(r, m_now).ok());
        auto back = ProviderRecord::fromCbor(r.toCbor());
        QVERIFY(back.ok());
        QCOMPARE(*back, r);
        QCOMPARE(store.find(r.containerKey, m_now)->hostId, r.hostId);
        QCOMPARE(r.containerKey.toBytes(), crypto::Blake2b::hash160(m_container.publicKey()));
    }

    void rejectsForgeries() {
        auto r = good();
        r.containerSignature[3] = char(r.containerSignature[3] ^ 1);
        expectRejected(r, QStringLiteral("bad container signature"));

        r = good();
        r.hostSignature[0] = char(r.hostSignature[0] ^ 1);
        expectRejected(r, QStringLiteral("bad host signature"));

        // Another host claims the container: signed by its own key, but not the container's.
        r = good();
        const auto mallory = crypto::Ed25519::generate();
        r.containerPublicKey = mallory.publicKey();
        r.containerSignature = mallory.sign(r.signedBytes());
        expectRejected(r, QStringLiteral("not the hash of the container public key"));

        r = good();
        r.hostId = identity::Key160::random();
        expectRejected(r, QStringLiteral("host ID is not the hash"));

        r = ProviderRecord::create(m_container, m_host, 10, m_now - 1);
        expectRejected(r, QStringLiteral("expired"));

        r = ProviderRecord::create(m_container, m_host, 10, m_now + 30 * 24 * 3600);
        expectRejected(r, QStringLiteral("too far in the future"));
    }

    void rejectsLowerSequence() {
        ProviderStore store;
        QVERIFY(store.accept(good(20), m_now).ok());
        auto older = store.accept(good(19), m_now);
        QVERIFY(!older);
        QVERIFY(older.error().contains(QStringLiteral("lower sequence number")));
        QVERIFY(store.accept(good(21), m_now).ok());
        QCOMPARE(store.find(good().containerKey, m_now)->sequence, quint64(21));
    }

    void expires() {
        ProviderStore store;
        QVERIFY(
            store.accept(ProviderRecord::create(m_container, m_host, 1, m_now + 10), m_now).ok());
        QVERIFY(store.find(good().containerKey, m_now + 9));
        QVERIFY(!store.find(good().containerKey, m_now + 10));
        QCOMPARE(store.expire(m_now + 11), 1);
    }
};

QTEST_GUILESS_MAIN(TestProviderRecord)
#include "tst_providerrecord.moc"
