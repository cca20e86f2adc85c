// SPDX-License-Identifier: GPL-3.0-or-later
// The chat-room example across five `orion-node run` processes, driven by orionctl: the room
// is hosted on node 0; members on nodes 1-4 listen on their "chat" service, join with
// `orionctl send ROOM join`, and receive what the others say.
#include "NodeProcess.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QtTest>

using orion::test::NodeProcess;

class TestChatroom : public QObject {
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
            auto ok = i == 0 ? node(0).init() : node(i).init(node(0).networkKeyFile());
            QVERIFY2(ok.ok(), ok ? "" : qPrintable(ok.error()));
        }
        for (int i = 0; i < 5; ++i) {
            auto started = node(i).start();
            QVERIFY2(started.ok(), started ? "" : qPrintable(started.error()));
        }
        for (int i = 1; i < 5; ++i) {
            auto imported = node(i).ctl(
                {QStringLiteral("member"), QStringLiteral("import"), node(0).memberFile()});
            QVERIFY2(imported.ok(), imported ? "" : qPrintable(imported.error()));
        }
        auto contacts = [this](int i) {
            auto peers = node(i).ctl({QStringLiteral("peers"), QStringLiteral("--json")});
            return peers ? int(parseLine(*peers).value(QStringLiteral("peers")).toArray().size())
                         : -1;
        };
        for (int i = 0; i < 5; ++i) {
            QTRY_VERIFY_WITH_TIMEOUT(contacts(i) >= 4, 30000);
        }
    }

    void membersOnFourNodesChat() {
        auto created = node(0).ctl(
            {QStringLiteral("container"), QStringLiteral("create"), QStringLiteral("room"),
             QStringLiteral(ORION_SOURCE_DIR "/examples/containers/chatroom.ns")});
        QVERIFY2(created.ok(), created ? "" : qPrintable(created.error()));
        const QString room = created->trimmed();
        QCOMPARE(room.size(), 40);

        // Every member listens on its node's "chat" service, where the room relays to.
        std::vector<std::unique_ptr<QProcess>> listeners;
        for (int i = 1; i < 5; ++i) {
            listeners.push_back(node(i).startCtl({QStringLiteral("listen"), QStringLiteral("chat"),
                                                  QStringLiteral("--count"), QStringLiteral("1")}));
            QByteArray err;
            QTRY_VERIFY_WITH_TIMEOUT(
                (err += listeners.back()->readAllStandardError()).contains("listening for"), 20000);
        }
        for (int i = 1; i < 5; ++i) {
            auto joined = node(i).ctl({QStringLiteral("send"), room, QStringLiteral("join"),
                                       QStringLiteral("--wait-reply"), QStringLiteral("--timeout"),
                                       QStringLiteral("30")});
            QVERIFY2(joined.ok(), joined ? "" : qPrintable(joined.error()));
            const QJsonObject reply = parseLine(*joined);
            QCOMPARE(reply.value(QStringLiteral("source")).toString(), room);
            QCOMPARE(reply.value(QStringLiteral("body")).toString(),
                     QStringLiteral("joined; %1 in the room").arg(i));
        }
        auto said = node(2).ctl({QStringLiteral("send"), room, QStringLiteral("hello, room"),
                                 QStringLiteral("--wait-reply"), QStringLiteral("--timeout"),
                                 QStringLiteral("30")});
        QVERIFY2(said.ok(), said ? "" : qPrintable(said.error()));
        QCOMPARE(parseLine(*said).value(QStringLiteral("body")).toString(),
                 QStringLiteral("relayed to 3"));

        const QString expected = node(2).nodeId().left(8) + QStringLiteral(": hello, room");
        for (int i : {1, 3, 4}) {
            QProcess &listener = *listeners[size_t(i - 1)];
            QVERIFY2(listener.waitForFinished(30000),
                     qPrintable(QStringLiteral("member %1").arg(i)));
            QCOMPARE(listener.exitCode(), 0);
            const QJsonObject line = parseLine(QString::fromUtf8(listener.readAllStandardOutput()));
            QCOMPARE(line.value(QStringLiteral("body")).toString(), expected);
            QCOMPARE(line.value(QStringLiteral("source")).toString(), room);
            QCOMPARE(line.value(QStringLiteral("service")).toString(), QStringLiteral("chat"));
            QCOMPARE(line.value(QStringLiteral("target")).toString(), node(i).nodeId());
        }
        // The speaker does not hear itself.
        QProcess &own = *listeners[1];
        QVERIFY(!own.waitForReadyRead(1000));
        QVERIFY(own.readAllStandardOutput().isEmpty());
        own.kill();
        own.waitForFinished(10000);

        // A stranger who did not join is told so; the room's log names the members.
        auto stranger = node(0).ctl({QStringLiteral("send"), room, QStringLiteral("hi?"),
                                     QStringLiteral("--wait-reply"), QStringLiteral("--timeout"),
                                     QStringLiteral("30")});
        QVERIFY2(stranger.ok(), stranger ? "" : qPrintable(stranger.error()));
        QCOMPARE(parseLine(*stranger).value(QStringLiteral("body")).toString(),
                 QStringLiteral("send \"join\" first"));
        auto logs = node(0).ctl(
            {QStringLiteral("container"), QStringLiteral("logs"), QStringLiteral("room")});
        QVERIFY2(logs.ok(), logs ? "" : qPrintable(logs.error()));
        for (int i = 1; i < 5; ++i) {
            QVERIFY2(logs->contains(node(i).nodeId()), qPrintable(*logs));
        }
    }

    void cleanupTestCase() {
        for (auto &n : m_nodes) {
            QVERIFY2(n->stop(), qPrintable(n->log()));
        }
    }
};

QTEST_GUILESS_MAIN(TestChatroom)
#include "tst_chatroom.moc"
