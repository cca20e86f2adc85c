// SPDX-License-Identifier: GPL-3.0-or-later
// Routing loops between containers are bounded by the route depth messages carry: a
// container that routes to itself is stopped after maxRouteDepth passes with the reason in
// its log, one whose messages come back through another container likewise, and a chain
// that returns once (a request and its answer) is left alone.
#include "TestKeyWrap.h"
#include "container/ContainerManager.h"
#include "crypto/Random.h"

#include <QTemporaryDir>
#include <QTimer>
#include <QtTest>

using namespace orion;
using namespace orion::container;
using identity::Key160;

class TestContainerRouteLoops : public QObject {
    Q_OBJECT

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<ContainerManager> m_manager;
    int m_outcomes = 0;
    int m_routesOut = 0; // routes to keys this manager does not host

    const int kDepth = ContainerManager::Options().maxRouteDepth; // the default, 16

    QString create(const QString &name, const QString &source) {
        auto key = m_manager->create(name, source);
        if (!key) {
            qWarning() << key.error();
            return {};
        }
        return *key;
    }

    void send(const QString &key, const QString &body) {
        ContainerMessage m;
        m.messageId = crypto::Random::bytes(16);
        m.container = *Key160::fromHex(key);
        m.source = Key160::random();
        m.origin = m.source;
        m.body = body;
        m_manager->deliver(m);
    }

    quint64 completed(const QString &name) const {
        return m_manager->info(name)->statistics.counts.completed;
    }

    bool logHas(const QString &name, const QString &part) const {
        // The result must outlive the loop: a range-for over a temporary's member does not
        // extend the temporary's life.
        const auto logs = m_manager->logs(name, 0);
        for (const auto &e : logs->entries) {
            if (e.level == ContainerLogRing::Level::Error && e.text.contains(part)) {
                return true;
            }
        }
        return false;
    }

    // Waits until nothing runs or waits any more (every route is delivered a turn later).
    void settle() {
        for (int round = 0; round < 1000; ++round) {
            m_manager->waitForIdle();
            QCoreApplication::processEvents(QEventLoop::AllEvents, 50);
            bool busy = false;
            for (const auto &i : m_manager->list()) {
                busy = busy || i.executing || i.queued > 0;
            }
            if (!busy && !m_pending) {
                return;
            }
        }
        QFAIL("the containers did not come to rest");
    }
    int m_pending = 0;

private Q_SLOTS:
    void init() {
        m_dir = std::make_unique<QTemporaryDir>();
        QVERIFY(m_dir->isValid());
        ContainerManager::Options o;
        o.containersDirectory = m_dir->filePath(QStringLiteral("containers"));
        o.databasePath = m_dir->filePath(QStringLiteral("orion.sqlite"));
        o.keyWrap = test::TestKeyWrap::make();
        o.maxThreads = 2;
        m_manager = std::make_unique<ContainerManager>(o);
        QVERIFY(m_manager->open().ok());
        m_outcomes = 0;
        m_routesOut = 0;
        m_pending = 0;
        connect(m_manager.get(), &ContainerManager::outcome, this, [this] { ++m_outcomes; });
        // As the node does: a route to a hosted container comes back to the manager a turn
        // later, from the routing container, with the depth and origin it was sent with.
        connect(m_manager.get(), &ContainerManager::routeRequested, this,
                [this](const Key160 &from, const Key160 &target, const QString &service,
                       const QJsonValue &body, const QByteArray &, int depth,
                       const Key160 &routeOrigin) {
                    if (!m_manager->hosts(target)) {
                        ++m_routesOut;
                        return;
                    }
                    ContainerMessage m;
                    m.messageId = crypto::Random::bytes(16);
                    m.container = target;
                    m.source = from;
                    m.origin = Key160::random();
                    m.service = service;
                    m.body = body;
                    m.routeDepth = depth;
                    m.routeOrigin = routeOrigin;
                    ++m_pending;
                    QTimer::singleShot(0, this, [this, m] {
                        --m_pending;
                        m_manager->deliver(m);
                    });
                });
    }
    void cleanup() {
        m_manager.reset();
        m_dir.reset();
    }

    void aContainerRoutingToItselfIsStopped() {
        // The original project's example: every message goes straight back to the container.
        const QString key = create(QStringLiteral("looper"),
                                   QStringLiteral("(defun main ()\n"
                                                  "  (let result (concat MESSAGE \"!\"))\n"
                                                  "  (route result RECEIVER))\n"));
        QVERIFY(!key.isEmpty());
        send(key, QStringLiteral("hi"));
        QTRY_VERIFY_WITH_TIMEOUT(!m_manager->info(QStringLiteral("looper"))->enabled, 20000);
        settle();
        // Depths 0 to kDepth ran; the route of the last one was dropped and it stopped.
        QCOMPARE(completed(QStringLiteral("looper")), quint64(kDepth + 1));
        QCOMPARE(m_manager->info(QStringLiteral("looper"))->statistics.counts.routes,
                 quint64(kDepth));
        QVERIFY(logHas(QStringLiteral("looper"), QStringLiteral("loop")));
        QVERIFY(logHas(QStringLiteral("looper"), QStringLiteral("containers/maxRouteDepth")));
        // Stopped means stopped: a new message is refused, nothing runs.
        send(key, QStringLiteral("again"));
        settle();
        QCOMPARE(completed(QStringLiteral("looper")), quint64(kDepth + 1));
        // Started again, it handles messages (and loops again until it is stopped again).
        QVERIFY(m_manager->start(QStringLiteral("looper")).ok());
        send(key, QStringLiteral("once more"));
        QTRY_VERIFY_WITH_TIMEOUT(!m_manager->info(QStringLiteral("looper"))->enabled, 20000);
        settle();
        QCOMPARE(completed(QStringLiteral("looper")), quint64(2 * (kDepth + 1)));
    }

    void aLoopThroughAnotherContainerStopsTheOneThatStartedIt() {
        // pong answers whatever reaches it by routing it back to its sender; ping passes
        // everything to pong: each sees its messages come back through the other.
        const QString pong = create(QStringLiteral("pong"),
                                    QStringLiteral("(defun main () (route MESSAGE SENDER))"));
        QVERIFY(!pong.isEmpty());
        const QString ping =
            create(QStringLiteral("ping"),
                   QStringLiteral("(defun main () (route MESSAGE \"%1\"))").arg(pong));
        QVERIFY(!ping.isEmpty());
        send(ping, QStringLiteral("ball"));
        QTRY_VERIFY_WITH_TIMEOUT(!m_manager->info(QStringLiteral("ping"))->enabled, 20000);
        settle();
        QCOMPARE(completed(QStringLiteral("ping")) + completed(QStringLiteral("pong")),
                 quint64(kDepth + 1));
        QVERIFY(logHas(QStringLiteral("ping"), QStringLiteral("loop")));
        // pong only answered; it runs on, and a message from outside it still answers.
        QVERIFY(m_manager->info(QStringLiteral("pong"))->enabled);
        send(pong, QStringLiteral("from outside"));
        settle();
        QCOMPARE(m_routesOut, 1);
    }

    void aRequestAndItsAnswerAreNoLoop() {
        // asker forwards outside messages to the doubler and the doubler's answer outside.
        const QString doubler =
            create(QStringLiteral("doubler"),
                   QStringLiteral("(defun main () (route (concat MESSAGE MESSAGE) SENDER))"));
        QVERIFY(!doubler.isEmpty());
        const QString asker =
            create(QStringLiteral("asker"), QStringLiteral("(defun main ()\n"
                                                           "  (if (= SENDER \"%1\")\n"
                                                           "      (route MESSAGE \"%2\")\n"
                                                           "    (route MESSAGE \"%1\")))\n")
                                                .arg(doubler, QString(40, u'e')));
        QVERIFY(!asker.isEmpty());
        for (int i = 0; i < 5; ++i) {
            send(asker, QStringLiteral("x%1").arg(i));
        }
        QTRY_COMPARE_WITH_TIMEOUT(m_routesOut, 5, 20000);
        settle();
        QVERIFY(m_manager->info(QStringLiteral("asker"))->enabled);
        QVERIFY(m_manager->info(QStringLiteral("doubler"))->enabled);
        QVERIFY(!logHas(QStringLiteral("asker"), QStringLiteral("dropped")));
    }
};

QTEST_GUILESS_MAIN(TestContainerRouteLoops)
#include "tst_containerrouteloops.moc"
