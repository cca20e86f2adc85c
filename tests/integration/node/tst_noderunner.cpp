// SPDX-License-Identifier: GPL-3.0-or-later
// NodeRunner and the node's life cycle on loopback: a start that fails (the port is taken)
// can be retried once the port is free; pausing keeps the routing table, the contacts and
// the containers while no peer connection stays open; resuming reconnects from the table and
// saved contacts with no bootstrap file left.
#include "Cluster.h"
#include "LoopbackConfig.h"
#include "container/ContainerManager.h"
#include "node/BootstrapList.h"
#include "node/NodeRunner.h"

#include <QTcpServer>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QtTest>

#include <algorithm>
#include <memory>

using namespace orion;
using identity::Key160;

namespace {

QStringList contactIds(const std::vector<routing::Contact> &contacts) {
    QStringList ids;
    for (const auto &c : contacts) {
        ids << c.info.id.toHex() + QLatin1Char('@') + c.info.endpoint.toString();
    }
    ids.sort();
    return ids;
}

QStringList containerRows(const container::ContainerManager &manager) {
    QStringList rows;
    for (const auto &c : manager.list()) {
        rows << QStringLiteral("%1 %2 v%3 enabled=%4 loaded=%5")
                    .arg(c.name, c.key)
                    .arg(c.version)
                    .arg(c.enabled)
                    .arg(c.loaded);
    }
    rows.sort();
    return rows;
}

} // namespace

class TestNodeRunner : public QObject {
    Q_OBJECT

    QTemporaryDir m_dir;
    identity::NetworkKey m_networkKey = identity::NetworkKey::generate();

    std::unique_ptr<node::NodeRunner> makeNode(const QString &name, node::NodeConfig config,
                                               const identity::NodeIdentity &id) {
        auto n = std::make_unique<node::Node>(node::Profile(m_dir.filePath(name)), id.clone(),
                                              m_networkKey.clone(), std::move(config));
        return std::make_unique<node::NodeRunner>(std::move(n));
    }

    static node::NodeStatus statusOf(node::NodeRunner &r) {
        return r.call([&r] { return r.node()->status(); });
    }

private Q_SLOTS:
    void initTestCase() { QVERIFY(m_dir.isValid()); }

    void failedStartCanBeRetried() {
        QTcpServer squatter;
        QVERIFY(squatter.listen(QHostAddress::LocalHost, 0));
        node::NodeConfig config = test::LoopbackConfig::make();
        config.listenPort = squatter.serverPort();
        const auto id = identity::NodeIdentity::generate();
        auto runner = makeNode(QStringLiteral("retry"), config, id);

        auto first = runner->start();
        QVERIFY(!first.ok()); // the attack on the port reached the node
        QVERIFY(!runner->isRunning());
        QVERIFY2(!first.error().isEmpty(), "a failed start says why");
        QCOMPARE(statusOf(*runner).listenEndpoint, QString());

        squatter.close();
        auto second = runner->start();
        QVERIFY2(second.ok(), second ? "" : qPrintable(second.error()));
        QCOMPARE(*second, QStringLiteral("127.0.0.1:%1").arg(config.listenPort));
        QVERIFY(runner->isRunning());
        runner->stop();
        QVERIFY(!runner->isRunning());
        QCOMPARE(runner->node(), nullptr);
        QVERIFY(!runner->start().ok()); // a stopped runner says so instead of crashing
    }

    void pauseKeepsTablesAndContainersAndResumeReconnects() {
        // Node 0 is the seed, node 1 the one paused (and the only one with containers).
        test::Cluster cluster(2, [](int i) {
            node::NodeConfig c = test::LoopbackConfig::make();
            c.containers = i == 1;
            return c;
        });
        QVERIFY(cluster.isValid());
        QVERIFY(cluster.start(0).ok());
        QVERIFY(cluster.seed(1, 0).ok());
        auto started = cluster.start(1);
        QVERIFY2(started.ok(), started ? "" : qPrintable(started.error()));
        node::NodeRunner *runner = &cluster.runner(1);
        node::NodeRunner *seed = &cluster.runner(0);
        const node::Profile profile = cluster.profile(1);
        QTRY_VERIFY_WITH_TIMEOUT(statusOf(*runner).activePeers > 0, 20000);
        QTRY_VERIFY_WITH_TIMEOUT(statusOf(*runner).contacts > 0, 20000);

        node::Node *n = runner->node();
        const Result<QString> created = runner->call([n] {
            return n->containers()->create(QStringLiteral("echo"),
                                           QStringLiteral("(defun main () (reply MESSAGE))"));
        });
        QVERIFY2(created.ok(), created ? "" : qPrintable(created.error()));

        const QStringList contactsBefore = runner->call([n] { return contactIds(n->contacts()); });
        const QStringList containersBefore =
            runner->call([n] { return containerRows(*n->containers()); });
        QVERIFY(!contactsBefore.isEmpty());
        QCOMPARE(containersBefore.size(), 1);

        QVERIFY(runner->setPaused(true).ok());
        QVERIFY(statusOf(*runner).paused);
        QTRY_COMPARE_WITH_TIMEOUT(statusOf(*runner).connections, 0, 10000);
        QTRY_COMPARE_WITH_TIMEOUT(statusOf(*seed).activePeers, 0, 10000);
        // Nobody gets in while paused: the listener is closed.
        const QString endpoint = *started;
        QTcpSocket probe;
        probe.connectToHost(QHostAddress::LocalHost,
                            quint16(endpoint.section(QLatin1Char(':'), -1).toUInt()));
        QVERIFY(!probe.waitForConnected(2000));
        QCOMPARE(runner->call([n] { return contactIds(n->contacts()); }), contactsBefore);
        QCOMPARE(runner->call([n] { return containerRows(*n->containers()); }), containersBefore);

        // Resume with no bootstrap file left: the table and saved contacts are enough.
        QDir(node::BootstrapList::directory(profile)).removeRecursively();
        QVERIFY(runner->setPaused(false).ok());
        QVERIFY(!statusOf(*runner).paused);
        QCOMPARE(statusOf(*runner).listenEndpoint, endpoint);
        QTRY_VERIFY_WITH_TIMEOUT(statusOf(*runner).activePeers > 0, 20000);
        QTRY_VERIFY_WITH_TIMEOUT(statusOf(*seed).activePeers > 0, 20000);
        QCOMPARE(runner->call([n] { return containerRows(*n->containers()); }), containersBefore);
        const QStringList contactsAfter = runner->call([n] { return contactIds(n->contacts()); });
        for (const QString &c : contactsBefore) {
            QVERIFY2(contactsAfter.contains(c), qPrintable(c));
        }
        cluster.stopAll();
    }

    void resumeFailsLoudlyAndStaysPaused() {
        const auto id = identity::NodeIdentity::generate();
        auto runner = makeNode(QStringLiteral("squatted"), test::LoopbackConfig::make(), id);
        auto started = runner->start();
        QVERIFY(started.ok());
        const quint16 port = quint16(started->section(QLatin1Char(':'), -1).toUInt());
        QVERIFY(runner->setPaused(true).ok());
        // Someone takes the port while the node is paused.
        QTcpServer squatter;
        QVERIFY2(squatter.listen(QHostAddress::LocalHost, port),
                 qPrintable(squatter.errorString()));
        const Status resumed = runner->setPaused(false);
        QVERIFY(!resumed.ok());
        QVERIFY(!resumed.error().isEmpty());
        QVERIFY(statusOf(*runner).paused);
        squatter.close();
        QVERIFY(runner->setPaused(false).ok());
        QCOMPARE(statusOf(*runner).listenEndpoint, *started);
        runner->stop();
    }
};

QTEST_GUILESS_MAIN(TestNodeRunner)
#include "tst_noderunner.moc"
