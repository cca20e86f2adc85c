// SPDX-License-Identifier: GPL-3.0-or-later
// 30 nodes on loopback, each on its own thread with real sockets: bootstrap from one seed,
// everyone finds everyone, a restarted node rejoins from its saved contacts alone, and
// lookups still succeed after 30 % of the nodes are gone.
#include "Cluster.h"
#include "LoopbackConfig.h"
#include "node/BootstrapList.h"

#include <QMutex>
#include <QTemporaryDir>
#include <QtTest>

#include <map>
#include <memory>

using namespace orion;
using identity::Key160;

namespace {

constexpr int kNodes = 30;

node::NodeConfig testConfig() {
    node::NodeConfig c = test::LoopbackConfig::make();
    // 870 lookups start at once here, each dialling the nodes it asks: on a loaded machine
    // a reply can take longer than the loopback default of 2 s, and a request that times
    // out makes a lookup miss a live node. Dead nodes still fail at once (refused dials).
    c.overlay.requestTimeoutMs = 10000;
    return c;
}

} // namespace

class TestOverlayNetwork : public QObject {
    Q_OBJECT

    test::Cluster m_cluster{kNodes, [](int) { return testConfig(); }};

    void startNode(int i) {
        auto started = m_cluster.start(i);
        QVERIFY2(started.ok(), started ? "" : qPrintable(started.error()));
        QVERIFY(started->startsWith(QStringLiteral("127.0.0.1:")));
    }

    bool running(int i) const { return m_cluster.isRunning(i); }
    node::NodeStatus statusOf(int i) { return m_cluster.status(i); }

    // Every running node looks up every other running node; returns the failures.
    QStringList lookupAll(const std::vector<int> &from, const std::vector<int> &targets) {
        QMutex mutex;
        std::map<std::pair<int, QString>, bool> results;
        std::vector<QMetaObject::Connection> connections;
        int expected = 0;
        for (int i : from) {
            auto *n = m_cluster.node(i);
            connections.push_back(QObject::connect(
                n, &node::Node::lookupFinished, n,
                [&, i](const Key160 &target, bool found, int, const QStringList &) {
                    QMutexLocker lock(&mutex);
                    results[{i, target.toHex()}] = found;
                },
                Qt::DirectConnection));
            for (int t : targets) {
                if (t == i) {
                    continue;
                }
                ++expected;
                const Key160 target = m_cluster.id(t);
                QMetaObject::invokeMethod(
                    n, [n, target] { n->lookup(target); }, Qt::QueuedConnection);
            }
        }
        auto finished = [&] {
            QMutexLocker lock(&mutex);
            return int(results.size());
        };
        QDeadlineTimer deadline(60000);
        while (finished() < expected && !deadline.hasExpired()) {
            QTest::qWait(20);
        }
        for (const auto &c : connections) {
            QObject::disconnect(c);
        }
        QStringList failed;
        if (finished() < expected) {
            failed << QStringLiteral("%1 lookups never finished").arg(expected - finished());
        }
        QMutexLocker lock(&mutex);
        for (const auto &[key, found] : results) {
            if (!found) {
                failed << QStringLiteral("%1->%2").arg(key.first).arg(key.second.left(8));
            }
        }
        return failed;
    }

private Q_SLOTS:
    void initTestCase() { QVERIFY(m_cluster.isValid()); }

    void bootstrapFromOneSeedAndFindEveryone() {
        startNode(0);
        const identity::MemberRecord seed = m_cluster.memberRecord(0);
        QCOMPARE(seed.addresses, QStringList{QStringLiteral("127.0.0.1")});
        QVERIFY(seed.port != 0);
        for (int i = 1; i < kNodes; ++i) {
            QVERIFY(m_cluster.seed(i, 0).ok());
            startNode(i);
        }
        for (int i = 0; i < kNodes; ++i) {
            QTRY_VERIFY_WITH_TIMEOUT(statusOf(i).bootstrapped || i == 0, 20000);
            QTRY_VERIFY_WITH_TIMEOUT(statusOf(i).contacts > 0, 20000);
        }
        std::vector<int> all;
        for (int i = 0; i < kNodes; ++i) {
            all.push_back(i);
        }
        const QStringList failed = lookupAll(all, all);
        QVERIFY2(failed.isEmpty(), qPrintable(failed.join(u' ')));
        // Self-knowledge: the seed told the nodes that dialled it the address it sees them
        // at (only peers a node dialled are believed). The vote counts once a dial-back
        // confirmed it, which may come after the lookups on a loaded machine.
        QTRY_COMPARE_WITH_TIMEOUT(statusOf(1).observedAddress, QStringLiteral("127.0.0.1"), 20000);
    }

    void restartedNodeRejoinsWithoutTheSeed() {
        const int restarted = 7;
        m_cluster.stop(restarted);
        m_cluster.stop(0); // the seed is gone for good
        QVERIFY(QFile::exists(m_cluster.profile(restarted).contactsPath()));
        QDir(node::BootstrapList::directory(m_cluster.profile(restarted))).removeRecursively();
        startNode(restarted);
        QTRY_VERIFY_WITH_TIMEOUT(statusOf(restarted).bootstrapped, 20000);
        std::vector<int> live;
        for (int i = 1; i < kNodes; ++i) {
            live.push_back(i);
        }
        QStringList failed = lookupAll({restarted}, live);
        QVERIFY2(failed.isEmpty(), qPrintable(failed.join(u' ')));
        failed = lookupAll({1, 2, 3, 20, 29}, {restarted});
        QVERIFY2(failed.isEmpty(), qPrintable(failed.join(u' ')));
    }

    void lookupsSurviveThirtyPercentStopped() {
        // The seed (0) is already stopped; eight more make 30 %.
        for (int i : {2, 5, 9, 12, 15, 18, 21, 26}) {
            m_cluster.stop(i);
        }
        std::vector<int> live;
        for (int i = 0; i < kNodes; ++i) {
            if (running(i)) {
                live.push_back(i);
            }
        }
        QCOMPARE(int(live.size()), 21);
        // One refresh period for the survivors to notice.
        const auto c = testConfig();
        QTest::qWait(int(c.overlay.refreshIntervalMs + c.overlay.maintenanceIntervalMs));
        const QStringList failed = lookupAll(live, live);
        QVERIFY2(failed.isEmpty(), qPrintable(failed.join(u' ')));
    }

    void cleanupTestCase() { m_cluster.stopAll(); }
};

QTEST_GUILESS_MAIN(TestOverlayNetwork)
#include "tst_overlay_network.moc"
