// SPDX-License-Identifier: GPL-3.0-or-later
// orionctl and the Python example client against real `orion-node run` processes:
// five nodes bootstrapped with member files deliver a message end to end.
#include "NodeProcess.h"
#include "TestData.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QtTest>

using orion::test::NodeProcess;
using orion::test::TestData;

class TestOrionctl : public QObject {
    Q_OBJECT

    QTemporaryDir m_dir;
    std::vector<std::unique_ptr<NodeProcess>> m_nodes;

    NodeProcess &node(int i) { return *m_nodes[size_t(i)]; }

    static QJsonObject parseLine(const QString &line) {
        return QJsonDocument::fromJson(line.trimmed().toUtf8()).object();
    }

private Q_SLOTS:
    void initTestCase() {
        QVERIFY(m_dir.isValid());
        for (int i = 0; i < 5; ++i) {
            m_nodes.push_back(
                std::make_unique<NodeProcess>(m_dir.filePath(QStringLiteral("n%1").arg(i))));
        }
        auto first = node(0).init();
        QVERIFY2(first.ok(), first ? "" : qPrintable(first.error()));
        for (int i = 1; i < 5; ++i) {
            auto joined = node(i).init(node(0).networkKeyFile());
            QVERIFY2(joined.ok(), joined ? "" : qPrintable(joined.error()));
        }
        for (int i = 0; i < 5; ++i) {
            auto started = node(i).start();
            QVERIFY2(started.ok(), started ? "" : qPrintable(started.error()));
        }
    }

    void commandsFailClearlyWithoutANode() {
        NodeProcess absent(m_dir.filePath(QStringLiteral("absent")));
        auto status = absent.ctl({QStringLiteral("status")});
        QVERIFY(!status.ok());
        QVERIFY2(status.error().contains(QStringLiteral("is the node of this profile running?")),
                 qPrintable(status.error()));
        for (const char *command : {"status", "peers", "send", "listen", "member"}) {
            auto help = absent.ctl({QString::fromLatin1(command), QStringLiteral("--help")});
            QVERIFY2(help.ok() && help->contains(QStringLiteral("--profile")), command);
        }
        auto unknown = absent.ctl({QStringLiteral("frobnicate")});
        QVERIFY(!unknown.ok());
    }

    void statusShowsTheNode() {
        auto json = node(0).ctl({QStringLiteral("status"), QStringLiteral("--json")});
        QVERIFY2(json.ok(), json ? "" : qPrintable(json.error()));
        const QJsonObject status = parseLine(*json);
        QCOMPARE(status.value(QStringLiteral("node_id")).toString(), node(0).nodeId());
        QCOMPARE(status.value(QStringLiteral("listen")).toArray().at(0).toString(),
                 node(0).listenEndpoint());
        auto human = node(0).ctl({QStringLiteral("status")});
        QVERIFY(human.ok());
        QVERIFY(human->contains(node(0).nodeId()));
        QVERIFY(human->contains(QStringLiteral("uptime")));
    }

    // The node was started with ORION_PASSPHRASE and unlocked its identity with it; the
    // passphrase is gone from what the process's environment shows to others.
    void passphraseLeavesTheEnvironment() {
        QVERIFY(node(0).isRunning());
        QFile environ(QStringLiteral("/proc/%1/environ").arg(node(0).pid()));
        QVERIFY(environ.open(QIODevice::ReadOnly));
        const QByteArray block = environ.readAll();
        QVERIFY(block.contains("ORION_PASSPHRASE=")); // positive control: it was given
        QVERIFY(!block.contains(NodeProcess::kPassphrase));
    }

    void bootstrapWithMemberFiles() {
        // Everyone imports node 0's member file; node 0 learns of node 4 as well.
        for (int i = 1; i < 5; ++i) {
            auto imported = node(i).ctl(
                {QStringLiteral("member"), QStringLiteral("import"), node(0).memberFile()});
            QVERIFY2(imported.ok(), imported ? "" : qPrintable(imported.error()));
            QVERIFY(imported->contains(node(0).nodeId()));
        }
        auto bad = node(1).ctl({QStringLiteral("member"), QStringLiteral("import"),
                                m_dir.filePath(QStringLiteral("missing.json"))});
        QVERIFY(!bad.ok());
        auto contacts = [this](int i) {
            auto peers = node(i).ctl({QStringLiteral("peers"), QStringLiteral("--json")});
            return peers ? int(parseLine(*peers).value(QStringLiteral("peers")).toArray().size())
                         : -1;
        };
        for (int i = 0; i < 5; ++i) {
            QTRY_VERIFY_WITH_TIMEOUT(contacts(i) >= 4, 30000);
        }
        auto table = node(1).ctl({QStringLiteral("peers")});
        QVERIFY(table.ok());
        QVERIFY(table->contains(QStringLiteral("4 contacts")));
    }

    void listenAndSendAcrossNodes() {
        auto listener = node(4).startCtl({QStringLiteral("listen"), QStringLiteral("chat"),
                                          QStringLiteral("--count"), QStringLiteral("1")});
        // registered once the listener says so on stderr
        QByteArray listenerErr;
        QTRY_VERIFY_WITH_TIMEOUT(
            (listenerErr += listener->readAllStandardError()).contains("listening for"), 10000);
        auto sent =
            node(1).ctl({QStringLiteral("send"), node(4).nodeId(), QStringLiteral("--service"),
                         QStringLiteral("chat"), QStringLiteral("{\"text\":\"hello five\"}")});
        QVERIFY2(sent.ok(), sent ? "" : qPrintable(sent.error()));
        QCOMPARE(sent->trimmed().size(), 32); // the message ID
        QVERIFY(listener->waitForFinished(20000));
        QCOMPARE(listener->exitCode(), 0);
        const QJsonObject line = parseLine(QString::fromUtf8(listener->readAllStandardOutput()));
        QCOMPARE(line.value(QStringLiteral("source")).toString(), node(1).nodeId());
        QCOMPARE(line.value(QStringLiteral("target")).toString(), node(4).nodeId());
        QCOMPARE(line.value(QStringLiteral("service")).toString(), QStringLiteral("chat"));
        QCOMPARE(
            line.value(QStringLiteral("body")).toObject().value(QStringLiteral("text")).toString(),
            QStringLiteral("hello five"));
        QCOMPARE(line.value(QStringLiteral("message_id")).toString(), sent->trimmed());

        // a plain-text body is sent as a string; a service nobody registered is refused
        auto refused = node(1).ctl({QStringLiteral("send"), node(3).nodeId(),
                                    QStringLiteral("--service"), QStringLiteral("nobody"),
                                    QStringLiteral("plain words"), QStringLiteral("--wait-reply"),
                                    QStringLiteral("--timeout"), QStringLiteral("10")});
        QVERIFY(!refused.ok());
        QVERIFY2(refused.error().contains(QStringLiteral("nobody")) ||
                     refused.error().contains(QStringLiteral("endpoint")),
                 qPrintable(refused.error()));
        auto badTarget =
            node(1).ctl({QStringLiteral("send"), QStringLiteral("xyz"), QStringLiteral("1")});
        QVERIFY(!badTarget.ok());

        // Without --wait-reply, send still waits for the target node's receipt: a message
        // nobody can take is an error, not a message ID. --no-wait returns the ID at once.
        auto undelivered =
            node(1).ctl({QStringLiteral("send"), node(3).nodeId(), QStringLiteral("--service"),
                         QStringLiteral("nobody"), QStringLiteral("1")});
        QVERIFY(!undelivered.ok());
        QVERIFY2(undelivered.error().contains(QStringLiteral("nobody")) ||
                     undelivered.error().contains(QStringLiteral("endpoint")),
                 qPrintable(undelivered.error()));
        auto unchecked = node(1).ctl({QStringLiteral("send"), node(3).nodeId(),
                                      QStringLiteral("--service"), QStringLiteral("nobody"),
                                      QStringLiteral("1"), QStringLiteral("--no-wait")});
        QVERIFY2(unchecked.ok(), unchecked ? "" : qPrintable(unchecked.error()));
        QCOMPARE(unchecked->trimmed().size(), 32);
        auto contradictory =
            node(1).ctl({QStringLiteral("send"), node(3).nodeId(), QStringLiteral("1"),
                         QStringLiteral("--no-wait"), QStringLiteral("--wait-reply")});
        QVERIFY(!contradictory.ok());
    }

    void pythonExampleClient() {
        QProcess python;
        python.start(QStringLiteral("python3"),
                     {QStringLiteral(ORION_SOURCE_DIR "/examples/portal_client.py"),
                      QStringLiteral("--socket"), node(2).socketPath()});
        QVERIFY(python.waitForFinished(30000));
        const QString out = QString::fromUtf8(python.readAllStandardOutput());
        QVERIFY2(python.exitCode() == 0,
                 qPrintable(out + QString::fromUtf8(python.readAllStandardError())));
        QVERIFY(out.contains(QStringLiteral("connected to node ") + node(2).nodeId()));
        QVERIFY(out.contains(QStringLiteral("registered service py-demo")));
        const QString received = out.section(QStringLiteral("received: "), 1).trimmed();
        const QJsonObject event = parseLine(received);
        QCOMPARE(event.value(QStringLiteral("source")).toString(), node(2).nodeId());
        QCOMPARE(event.value(QStringLiteral("service")).toString(), QStringLiteral("py-demo"));
        QCOMPARE(
            event.value(QStringLiteral("body")).toObject().value(QStringLiteral("text")).toString(),
            QStringLiteral("hello from python"));
    }

    void stopIsClean() {
        for (int i = 0; i < 5; ++i) {
            QVERIFY2(node(i).stop(), qPrintable(node(i).log()));
            QVERIFY(!QFileInfo::exists(node(i).socketPath()));
        }
    }
};

QTEST_GUILESS_MAIN(TestOrionctl)
#include "tst_orionctl.moc"
