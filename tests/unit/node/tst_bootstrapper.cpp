// SPDX-License-Identifier: GPL-3.0-or-later
// Bootstrapper with a recorded bootstrap instead of an overlay: which seeds it offers, that
// nothing starts without seeds or twice at once, that a new member file in peers/ starts
// one, and that nothing starts after stop().
#include "identity/MemberRecord.h"
#include "identity/NetworkKey.h"
#include "identity/NodeIdentity.h"
#include "node/BootstrapList.h"
#include "node/Bootstrapper.h"
#include "node/ContactStore.h"

#include <QSignalSpy>
#include <QTemporaryDir>
#include <QtTest>

using namespace orion;
using node::Bootstrapper;
using routing::NodeInfo;

namespace {

identity::MemberRecord signedRecord(const identity::NodeIdentity &who, const QByteArray &network,
                                    const QStringList &addresses, quint16 port) {
    auto record = identity::MemberRecord::create(who, network, addresses, port);
    record.sign(who);
    return record;
}

// Records every bootstrap it is asked for; the test ends them.
struct Recorder {
    std::vector<std::vector<NodeInfo>> runs;
    std::function<void(bool)> pending;
    int tableSize = 0;

    Bootstrapper::Run run() {
        return [this](const std::vector<NodeInfo> &seeds, std::function<void(bool)> done) {
            runs.push_back(seeds);
            pending = std::move(done);
        };
    }
    Bootstrapper::TableSize size() {
        return [this] { return tableSize; };
    }
};

} // namespace

class TestBootstrapper : public QObject {
    Q_OBJECT

    QTemporaryDir m_dir;
    identity::NetworkKey m_network = identity::NetworkKey::generate();
    identity::NodeIdentity m_self = identity::NodeIdentity::generate();
    int m_profiles = 0;

    node::Profile freshProfile() {
        node::Profile profile(m_dir.filePath(QString::number(++m_profiles)));
        [&] { QVERIFY(profile.create().ok()); }();
        return profile;
    }

private Q_SLOTS:
    void seedsAreMemberFilesThenSavedContacts() {
        const node::Profile profile = freshProfile();
        const auto peer = identity::NodeIdentity::generate();
        const auto leaf = identity::NodeIdentity::generate();
        const QByteArray network = m_network.networkId();
        QVERIFY(node::BootstrapList::add(profile, signedRecord(peer, network, {"127.0.0.1"}, 7000),
                                         network)
                    .ok());
        // No address or no port: it cannot be dialled, so it is refused. Our own record: not
        // a seed.
        QVERIFY(
            !node::BootstrapList::add(profile, signedRecord(leaf, network, {}, 0), network).ok());
        QVERIFY(!node::BootstrapList::add(profile, signedRecord(leaf, network, {}, 7003), network)
                     .ok());
        QVERIFY(node::BootstrapList::add(
                    profile, signedRecord(m_self, network, {"127.0.0.1"}, 7001), network)
                    .ok());
        const auto saved = identity::NodeIdentity::generate();
        auto contact = *NodeInfo::fromPublicKey(saved.publicKey(),
                                                routing::Endpoint(QHostAddress::LocalHost, 7002));
        QVERIFY(node::ContactStore::save(profile.contactsPath(), {routing::Contact{contact}}, 0, 10)
                    .ok());

        Recorder recorder;
        Bootstrapper b(profile, network, m_self.nodeId(), recorder.run(), recorder.size());
        const auto seeds = b.seeds();
        QCOMPARE(seeds.size(), size_t(2));
        QCOMPARE(seeds[0].id, peer.nodeId());
        QCOMPARE(seeds[0].endpoint, routing::Endpoint(QHostAddress::LocalHost, 7000));
        QCOMPARE(seeds[1].id, saved.nodeId());
    }

    void nothingToStartFrom() {
        Recorder recorder;
        Bootstrapper b(freshProfile(), m_network.networkId(), m_self.nodeId(), recorder.run(),
                       recorder.size());
        b.bootstrapNow();
        QVERIFY(recorder.runs.empty());
        // A table with contacts is enough: its contacts are where a bootstrap starts.
        recorder.tableSize = 3;
        b.bootstrapNow();
        QCOMPARE(recorder.runs.size(), size_t(1));
        QVERIFY(recorder.runs[0].empty());
    }

    void oneAtATimeAndReported() {
        Recorder recorder;
        recorder.tableSize = 1;
        Bootstrapper b(freshProfile(), m_network.networkId(), m_self.nodeId(), recorder.run(),
                       recorder.size());
        QSignalSpy finished(&b, &Bootstrapper::finished);
        b.bootstrapNow();
        b.bootstrapNow();
        QCOMPARE(recorder.runs.size(), size_t(1));
        QVERIFY(!b.isBootstrapped());
        recorder.pending(false);
        QCOMPARE(finished.size(), 1);
        QCOMPARE(finished.at(0).at(0).toBool(), false);
        QVERIFY(!b.isBootstrapped());
        b.bootstrapNow();
        QCOMPARE(recorder.runs.size(), size_t(2));
        recorder.pending(true);
        QVERIFY(b.isBootstrapped());
        QCOMPARE(finished.size(), 2);
    }

    void aNewMemberFileStartsOne() {
        const node::Profile profile = freshProfile();
        Recorder recorder;
        recorder.tableSize = 5; // the table is not empty: ticks alone start nothing
        Bootstrapper b(profile, m_network.networkId(), m_self.nodeId(), recorder.run(),
                       recorder.size());
        b.start(50);
        QCOMPARE(recorder.runs.size(), size_t(1));
        recorder.pending(true);
        QTest::qWait(200);
        QCOMPARE(recorder.runs.size(), size_t(1));

        const auto peer = identity::NodeIdentity::generate();
        QVERIFY(node::BootstrapList::add(
                    profile, signedRecord(peer, m_network.networkId(), {"127.0.0.1"}, 7100),
                    m_network.networkId())
                    .ok());
        QTRY_COMPARE(recorder.runs.size(), size_t(2));
        QCOMPARE(recorder.runs[1].size(), size_t(1));
        QCOMPARE(recorder.runs[1][0].id, peer.nodeId());
    }

    void anEmptyTableIsRetriedAndStopEndsIt() {
        const node::Profile profile = freshProfile();
        const auto peer = identity::NodeIdentity::generate();
        QVERIFY(node::BootstrapList::add(
                    profile, signedRecord(peer, m_network.networkId(), {"127.0.0.1"}, 7200),
                    m_network.networkId())
                    .ok());
        Recorder recorder;
        recorder.tableSize = 1;
        Bootstrapper b(profile, m_network.networkId(), m_self.nodeId(), recorder.run(),
                       recorder.size());
        b.start(20);
        QCOMPARE(recorder.runs.size(), size_t(1));
        recorder.tableSize = 0;
        recorder.pending(false);
        // Every tick with an empty table tries again.
        QTRY_COMPARE(recorder.runs.size(), size_t(2));
        recorder.pending(false);
        b.stop();
        const size_t runs = recorder.runs.size();
        b.bootstrapNow();
        QCOMPARE(recorder.runs.size(), runs);
    }
};

QTEST_GUILESS_MAIN(TestBootstrapper)
#include "tst_bootstrapper.moc"
