// SPDX-License-Identifier: GPL-3.0-or-later
// The counter container's data survives kill -9 of its hosting `orion-node run` process:
// after a restart from the profile, the stored count holds every acknowledged increment.
// Container logs survive a clean restart and kill -9, their ids going on across both.
#include "NodeProcess.h"
#include "portal/PortalClient.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QThread>
#include <QtTest>

#include <atomic>

using orion::test::NodeProcess;

class TestContainerCrash : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void acknowledgedIncrementsSurviveKill9() {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        NodeProcess sender(dir.filePath(QStringLiteral("sender")));
        NodeProcess host(dir.filePath(QStringLiteral("host")));
        auto ok = sender.init();
        QVERIFY2(ok.ok(), ok ? "" : qPrintable(ok.error()));
        ok = host.init(sender.networkKeyFile());
        QVERIFY2(ok.ok(), ok ? "" : qPrintable(ok.error()));
        for (NodeProcess *n : {&sender, &host}) {
            auto started = n->start();
            QVERIFY2(started.ok(), started ? "" : qPrintable(started.error()));
        }
        // The host keeps the sender's member file: after a restart it dials the sender.
        auto imported =
            host.ctl({QStringLiteral("member"), QStringLiteral("import"), sender.memberFile()});
        QVERIFY2(imported.ok(), imported ? "" : qPrintable(imported.error()));
        auto created = host.ctl(
            {QStringLiteral("container"), QStringLiteral("create"), QStringLiteral("counter"),
             QStringLiteral(ORION_SOURCE_DIR "/examples/containers/counter.ns")});
        QVERIFY2(created.ok(), created ? "" : qPrintable(created.error()));
        const QString key = created->trimmed();
        QCOMPARE(key.size(), 40);

        std::atomic<int> sent{0};
        std::atomic<int> acked{0};
        std::atomic<int> maxCount{0};
        std::atomic<bool> stop{false};
        std::vector<std::unique_ptr<QThread>> threads;
        for (int t = 0; t < 2; ++t) {
            threads.emplace_back(QThread::create([&] {
                orion::portal::PortalClient client;
                if (!client.connectToNode(sender.socketPath())) {
                    return;
                }
                while (!stop) {
                    ++sent;
                    auto r = client.request(QStringLiteral("send"),
                                            {{QStringLiteral("target"), key},
                                             {QStringLiteral("body"), QStringLiteral("tick")},
                                             {QStringLiteral("wait_reply"), true},
                                             {QStringLiteral("timeout_ms"), 5000}},
                                            20000);
                    if (r) {
                        const QJsonValue body = r->value(QStringLiteral("reply"))
                                                    .toObject()
                                                    .value(QStringLiteral("body"));
                        const int count = body.isString() ? body.toString().toInt() : body.toInt();
                        int seen = maxCount;
                        while (count > seen && !maxCount.compare_exchange_weak(seen, count)) {
                        }
                        ++acked;
                    } else {
                        QThread::msleep(50); // the host is down: do not spin
                    }
                }
            }));
            threads.back()->start();
        }
        QTRY_VERIFY_WITH_TIMEOUT(acked >= 60, 60000);
        host.kill(); // SIGKILL mid-stream
        const int ackedBeforeKill = acked;
        QVERIFY(ackedBeforeKill >= 60);
        auto restarted = host.start();
        QVERIFY2(restarted.ok(), restarted ? "" : qPrintable(restarted.error()));
        // The restarted host answers again, counting on from its stored data.
        QTRY_VERIFY_WITH_TIMEOUT(acked >= ackedBeforeKill + 30, 60000);
        stop = true;
        for (auto &t : threads) {
            QVERIFY(t->wait(60000));
        }
        auto data = host.ctl({QStringLiteral("container"), QStringLiteral("data"),
                              QStringLiteral("counter"), QStringLiteral("--json")});
        QVERIFY2(data.ok(), data ? "" : qPrintable(data.error()));
        const int stored = QJsonDocument::fromJson(data->toUtf8())
                               .object()
                               .value(QStringLiteral("count"))
                               .toVariant()
                               .toInt();
        qInfo() << "sent" << sent << "acknowledged" << acked << "stored" << stored;
        QVERIFY2(
            stored >= acked,
            qPrintable(QStringLiteral("stored %1 < acknowledged %2").arg(stored).arg(int(acked))));
        QVERIFY(stored >= maxCount);
        QVERIFY(stored <= sent);
        QVERIFY2(host.stop(), qPrintable(host.log()));
        QVERIFY2(sender.stop(), qPrintable(sender.log()));
    }

    void logsSurviveARestartAndKill9() {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        NodeProcess host(dir.filePath(QStringLiteral("host")));
        auto ok = host.init();
        QVERIFY2(ok.ok(), ok ? "" : qPrintable(ok.error()));
        auto started = host.start();
        QVERIFY2(started.ok(), started ? "" : qPrintable(started.error()));
        const QString source = dir.filePath(QStringLiteral("talker.ns"));
        {
            QFile f(source);
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write("(defun main () (log \"got\" MESSAGE))\n");
        }
        auto created = host.ctl({QStringLiteral("container"), QStringLiteral("create"),
                                 QStringLiteral("talker"), source});
        QVERIFY2(created.ok(), created ? "" : qPrintable(created.error()));
        const QString key = created->trimmed();
        const auto say = [&](const QString &text) {
            auto sent = host.ctl({QStringLiteral("send"), key, text});
            QVERIFY2(sent.ok(), sent ? "" : qPrintable(sent.error()));
        };
        // What `orionctl container logs --since N` asks: the entries after N, the last id.
        const auto logs = [&](quint64 since) {
            orion::portal::PortalClient client;
            if (!client.connectToNode(host.socketPath())) {
                return QJsonObject();
            }
            auto reply = client.request(QStringLiteral("container.logs"),
                                        {{QStringLiteral("name"), QStringLiteral("talker")},
                                         {QStringLiteral("since"), qint64(since)}});
            return reply ? *reply : QJsonObject();
        };
        const auto texts = [](const QJsonObject &reply) {
            QStringList out;
            for (const auto &e : reply.value(QStringLiteral("entries")).toArray()) {
                out << e.toObject().value(QStringLiteral("text")).toString();
            }
            return out;
        };
        say(QStringLiteral("one"));
        QTRY_VERIFY_WITH_TIMEOUT(texts(logs(0)).contains(QStringLiteral("got one")), 20000);

        // A clean restart keeps the log.
        QVERIFY2(host.stop(), qPrintable(host.log()));
        started = host.start();
        QVERIFY2(started.ok(), started ? "" : qPrintable(started.error()));
        QVERIFY2(texts(logs(0)).contains(QStringLiteral("got one")), qPrintable(host.log()));
        say(QStringLiteral("two"));
        QTRY_VERIFY_WITH_TIMEOUT(texts(logs(0)).contains(QStringLiteral("got two")), 20000);
        const QJsonObject beforeKill = logs(0);
        const quint64 lastId = quint64(beforeKill.value(QStringLiteral("last_id")).toInteger());
        QVERIFY(lastId >= 3);

        // So does kill -9, and ids go on from where they were: `--since` misses nothing.
        host.kill();
        started = host.start();
        QVERIFY2(started.ok(), started ? "" : qPrintable(started.error()));
        QCOMPARE(logs(0).value(QStringLiteral("entries")),
                 beforeKill.value(QStringLiteral("entries")));
        say(QStringLiteral("three"));
        QTRY_COMPARE_WITH_TIMEOUT(texts(logs(lastId)), QStringList{QStringLiteral("got three")},
                                  20000);
        const QJsonArray fresh = logs(lastId).value(QStringLiteral("entries")).toArray();
        QCOMPARE(quint64(fresh.first().toObject().value(QStringLiteral("id")).toInteger()),
                 lastId + 1);
        QVERIFY2(host.stop(), qPrintable(host.log()));
    }
};

QTEST_GUILESS_MAIN(TestContainerCrash)
#include "tst_containercrash.moc"
