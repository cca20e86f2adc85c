// SPDX-License-Identifier: GPL-3.0-or-later
// The portal of real nodes on loopback, used through real QLocalSocket clients.
#include "Background.h"
#include "LoopbackConfig.h"
#include "identity/MemberRecord.h"
#include "node/NodeRunner.h"
#include "portal/PortalClient.h"
#include "portal/PortalProtocol.h"
#include "portal/PortalServer.h"

#include <QJsonArray>
#include <QTemporaryDir>
#include <QThread>
#include <QtTest>

#include <sys/stat.h>

using namespace orion;

namespace {

node::NodeConfig testConfig() {
    node::NodeConfig c = test::LoopbackConfig::make();
    c.bootstrapIntervalMs = 500;
    c.transport.maxPerAddress = 1000;
    c.transport.maxHandshakingPerAddress = 1000;
    c.transport.maxHandshakingPerSubnet = 1000;
    c.transport.acceptsPerSecondPerAddress = 1000;
    return c;
}

} // namespace

class TestNodePortal : public QObject {
    Q_OBJECT

    QTemporaryDir m_dir;
    identity::NetworkKey m_networkKey = identity::NetworkKey::generate();

    std::unique_ptr<node::NodeRunner> startNode(const QString &name) {
        auto n = std::make_unique<node::Node>(node::Profile(m_dir.filePath(name)),
                                              identity::NodeIdentity::generate(),
                                              m_networkKey.clone(), testConfig());
        auto thread = std::make_unique<node::NodeRunner>(std::move(n));
        auto started = thread->start();
        if (!started) {
            qWarning() << "start failed:" << started.error();
            return {};
        }
        return thread;
    }

    static QString socketOf(const QString &profileDir) {
        return portal::PortalServer::socketPathFor(profileDir);
    }

private Q_SLOTS:
    void statusAndSocket() {
        auto a = startNode(QStringLiteral("a"));
        QVERIFY(a);
        const QString path = socketOf(m_dir.filePath(QStringLiteral("a")));
        struct stat st {};
        QCOMPARE(::stat(QFile::encodeName(path).constData(), &st), 0);
        QCOMPARE(int(st.st_mode & 0777), 0600);

        portal::PortalClient client;
        QVERIFY(client.connectToNode(path).ok());
        auto hello = client.request(QStringLiteral("hello"), {{QStringLiteral("version"), 1}});
        QVERIFY(hello.ok());
        QCOMPARE(hello->value(QStringLiteral("node_id")).toString(), a->node()->nodeId().toHex());
        auto status = client.request(QStringLiteral("status"));
        QVERIFY(status.ok());
        QCOMPARE(status->value(QStringLiteral("node_id")).toString(), a->node()->nodeId().toHex());
        QCOMPARE(status->value(QStringLiteral("network_id")).toString(),
                 QString::fromLatin1(m_networkKey.networkId().toHex()));
        QCOMPARE(status->value(QStringLiteral("listen")).toArray().size(), 1);
        QVERIFY(status->value(QStringLiteral("listen"))
                    .toArray()
                    .at(0)
                    .toString()
                    .startsWith(QStringLiteral("127.0.0.1:")));
        a->stop();
        // a clean stop removes the socket
        QVERIFY(!QFileInfo::exists(path));
    }

    void secondNodeOnProfileIsRefused() {
        auto a = startNode(QStringLiteral("shared"));
        QVERIFY(a);
        auto n = std::make_unique<node::Node>(
            node::Profile(m_dir.filePath(QStringLiteral("shared"))),
            identity::NodeIdentity::generate(), m_networkKey.clone(), testConfig());
        node::NodeRunner second(std::move(n));
        auto started = second.start();
        QVERIFY(!started.ok());
        QVERIFY2(started.error().contains(QStringLiteral("already serving")),
                 qPrintable(started.error()));
        // the first node is unaffected
        portal::PortalClient client;
        QVERIFY(client.connectToNode(socketOf(m_dir.filePath(QStringLiteral("shared")))).ok());
        QVERIFY(client.request(QStringLiteral("status")).ok());
    }

    void memberExportImportAndPeers() {
        auto a = startNode(QStringLiteral("ma"));
        auto b = startNode(QStringLiteral("mb"));
        QVERIFY(a && b);
        portal::PortalClient ca, cb;
        QVERIFY(ca.connectToNode(socketOf(m_dir.filePath(QStringLiteral("ma")))).ok());
        QVERIFY(cb.connectToNode(socketOf(m_dir.filePath(QStringLiteral("mb")))).ok());

        // export with explicit address and port: signed, verifiable, with those values
        auto custom = cb.request(QStringLiteral("member.export"),
                                 {{QStringLiteral("address"), QStringLiteral("192.0.2.7")},
                                  {QStringLiteral("port"), 4242}});
        QVERIFY2(custom.ok(), custom ? "" : qPrintable(custom.error()));
        auto record = identity::MemberRecord::fromJsonObject(
            custom->value(QStringLiteral("member")).toObject());
        QVERIFY2(record.ok(), record ? "" : qPrintable(record.error()));
        QVERIFY(record->verify().ok());
        QCOMPARE(record->addresses, QStringList{QStringLiteral("192.0.2.7")});
        QCOMPARE(record->port, quint16(4242));
        auto badPort =
            cb.request(QStringLiteral("member.export"), {{QStringLiteral("port"), 70000}});
        QVERIFY(!badPort.ok());
        QCOMPARE(cb.lastErrorCode(), portal::PortalProtocol::kBadRequest);

        // a's own member file is refused; a tampered one too
        auto own = ca.request(QStringLiteral("member.export"));
        QVERIFY(own.ok());
        auto self = ca.request(QStringLiteral("member.import"),
                               {{QStringLiteral("member"), own->value(QStringLiteral("member"))}});
        QVERIFY(!self.ok());
        auto exported = cb.request(QStringLiteral("member.export"));
        QVERIFY(exported.ok());
        QJsonObject tampered = exported->value(QStringLiteral("member")).toObject();
        tampered.insert(QStringLiteral("port"), 1);
        auto forged =
            ca.request(QStringLiteral("member.import"), {{QStringLiteral("member"), tampered}});
        QVERIFY(!forged.ok());
        QVERIFY(forged.error().contains(QStringLiteral("signature")) ||
                forged.error().contains(QStringLiteral("rejected")));

        // the real one: a dials b, and b shows up as a connected peer
        auto imported =
            ca.request(QStringLiteral("member.import"),
                       {{QStringLiteral("member"), exported->value(QStringLiteral("member"))}});
        QVERIFY2(imported.ok(), imported ? "" : qPrintable(imported.error()));
        QCOMPARE(imported->value(QStringLiteral("node_id")).toString(),
                 b->node()->nodeId().toHex());
        const QString bId = b->node()->nodeId().toHex();
        auto peerState = [&]() {
            auto peers = ca.request(QStringLiteral("peers"));
            if (!peers) {
                return QString();
            }
            for (const auto &p : peers->value(QStringLiteral("peers")).toArray()) {
                if (p.toObject().value(QStringLiteral("node_id")).toString() == bId) {
                    return p.toObject().value(QStringLiteral("state")).toString();
                }
            }
            return QString();
        };
        QTRY_COMPARE_WITH_TIMEOUT(peerState(), QStringLiteral("connected"), 15000);
        auto peers = ca.request(QStringLiteral("peers"));
        const QJsonObject entry = peers->value(QStringLiteral("peers")).toArray().at(0).toObject();
        QCOMPARE(entry.value(QStringLiteral("distance_bits")).toInt(),
                 a->node()->nodeId().commonPrefixLength(b->node()->nodeId()));
        QVERIFY(entry.value(QStringLiteral("address"))
                    .toString()
                    .startsWith(QStringLiteral("127.0.0.1:")));
        // -1 until a round trip was measured, then milliseconds (never 2^32 - 1).
        const double rtt = entry.value(QStringLiteral("rtt_ms")).toDouble(-2);
        QVERIFY2(rtt == -1 || (rtt >= 1 && rtt < 60000), qPrintable(QString::number(rtt)));
        auto status = ca.request(QStringLiteral("status"));
        QVERIFY(status->value(QStringLiteral("connections")).toInt() >= 1);
        QVERIFY(status->value(QStringLiteral("bytes_in")).toDouble() > 0);
        QVERIFY(status->value(QStringLiteral("messages_out")).toDouble() > 0);
    }

    void containersThroughThePortal() {
        auto a = startNode(QStringLiteral("ca"));
        QVERIFY(a);
        portal::PortalClient client;
        QVERIFY(client.connectToNode(socketOf(m_dir.filePath(QStringLiteral("ca")))).ok());
        auto created = client.request(
            QStringLiteral("container.create"),
            {{QStringLiteral("name"), QStringLiteral("echo")},
             {QStringLiteral("source"), QStringLiteral("(defun main () (reply MESSAGE))")}});
        QVERIFY2(created.ok(), created ? "" : qPrintable(created.error()));
        QCOMPARE(created->value(QStringLiteral("key")).toString().size(), 40);
        auto broken =
            client.request(QStringLiteral("container.create"),
                           {{QStringLiteral("name"), QStringLiteral("broken")},
                            {QStringLiteral("source"),
                             QStringLiteral("(defun main ()\n  (reply (concat MESSAGE)")}});
        QVERIFY(!broken.ok());
        QCOMPARE(client.lastErrorCode(), QStringLiteral("compile_error"));
        QVERIFY2(broken.error().contains(QStringLiteral("main.ns:")), qPrintable(broken.error()));
        auto list = client.request(QStringLiteral("container.list"));
        QVERIFY(list.ok());
        const QJsonArray containers = list->value(QStringLiteral("containers")).toArray();
        QCOMPARE(containers.size(), 1);
        QCOMPARE(containers.at(0).toObject().value(QStringLiteral("name")).toString(),
                 QStringLiteral("echo"));
        // the definition lives in the profile
        QVERIFY(QFileInfo::exists(m_dir.filePath(QStringLiteral("ca/containers/echo/main.ns"))));
    }

    void registerSendReceiveAcrossNodes() {
        auto a = startNode(QStringLiteral("xa"));
        auto b = startNode(QStringLiteral("xb"));
        QVERIFY(a && b);
        portal::PortalClient ca, cb;
        QVERIFY(ca.connectToNode(socketOf(m_dir.filePath(QStringLiteral("xa")))).ok());
        QVERIFY(cb.connectToNode(socketOf(m_dir.filePath(QStringLiteral("xb")))).ok());
        auto exported = cb.request(QStringLiteral("member.export"));
        QVERIFY(exported.ok());
        QVERIFY(ca.request(QStringLiteral("member.import"),
                           {{QStringLiteral("member"), exported->value(QStringLiteral("member"))}})
                    .ok());
        auto connections = [&ca] {
            auto status = ca.request(QStringLiteral("status"));
            return status ? status->value(QStringLiteral("connections")).toInt() : -1;
        };
        QTRY_VERIFY_WITH_TIMEOUT(connections() >= 1, 15000);
        auto reg = cb.request(QStringLiteral("register"),
                              {{QStringLiteral("service"), QStringLiteral("inbox")}});
        QVERIFY2(reg.ok(), reg ? "" : qPrintable(reg.error()));
        // the node's own names are reserved
        auto reserved = cb.request(QStringLiteral("register"),
                                   {{QStringLiteral("service"), QStringLiteral("echo")}});
        QVERIFY(!reserved.ok());
        QCOMPARE(cb.lastErrorCode(), portal::PortalProtocol::kConflict);

        const QString bId = b->node()->nodeId().toHex();
        const QString aId = a->node()->nodeId().toHex();
        QStringList sentIds;
        for (int i = 0; i < 3; ++i) {
            QJsonObject send{{QStringLiteral("target"), bId},
                             {QStringLiteral("service"), QStringLiteral("inbox")},
                             {QStringLiteral("body"), QJsonObject{{QStringLiteral("n"), i}}}};
            auto sent = ca.request(QStringLiteral("send"), send, 20000);
            QVERIFY2(sent.ok(), sent ? "" : qPrintable(sent.error()));
            sentIds << sent->value(QStringLiteral("message_id")).toString();
        }
        // each arrives exactly once, in order
        for (int i = 0; i < 3; ++i) {
            auto event = cb.waitForEvent(20000);
            QVERIFY(event.has_value());
            QCOMPARE(event->value(QStringLiteral("event")).toString(), QStringLiteral("message"));
            QCOMPARE(event->value(QStringLiteral("source")).toString(), aId);
            QCOMPARE(event->value(QStringLiteral("target")).toString(), bId);
            QCOMPARE(event->value(QStringLiteral("service")).toString(), QStringLiteral("inbox"));
            QCOMPARE(event->value(QStringLiteral("message_id")).toString(), sentIds[i]);
            QCOMPARE(
                event->value(QStringLiteral("body")).toObject().value(QStringLiteral("n")).toInt(),
                i);
        }

        // a waiting send: b's client answers with "reply", a's client gets it as the result
        std::optional<Result<QJsonObject>> waited;
        test::Background asker([&] {
            portal::PortalClient client;
            if (auto connected =
                    client.connectToNode(socketOf(m_dir.filePath(QStringLiteral("xa"))));
                !connected) {
                waited = Result<QJsonObject>::failure(connected.error());
                return;
            }
            waited = client.request(QStringLiteral("send"),
                                    {{QStringLiteral("target"), bId},
                                     {QStringLiteral("service"), QStringLiteral("inbox")},
                                     {QStringLiteral("body"), QStringLiteral("question")},
                                     {QStringLiteral("wait_reply"), true},
                                     {QStringLiteral("timeout_ms"), 20000}},
                                    30000);
        });
        auto question = cb.waitForEvent(20000);
        QVERIFY(question.has_value());
        QCOMPARE(question->value(QStringLiteral("body")).toString(), QStringLiteral("question"));
        auto answered = cb.request(
            QStringLiteral("reply"),
            {{QStringLiteral("message_id"), question->value(QStringLiteral("message_id"))},
             {QStringLiteral("body"), QStringLiteral("answer")}});
        QVERIFY2(answered.ok(), answered ? "" : qPrintable(answered.error()));
        QVERIFY(asker.wait(30000));
        QVERIFY(waited.has_value());
        QVERIFY2(waited->ok(), waited->ok() ? "" : qPrintable(waited->error()));
        const QJsonObject reply = (*waited)->value(QStringLiteral("reply")).toObject();
        QCOMPARE(reply.value(QStringLiteral("body")).toString(), QStringLiteral("answer"));
        QCOMPARE(reply.value(QStringLiteral("source")).toString(), bId);

        // a service nobody registered: a waiting send fails with not_found
        auto missing = ca.request(QStringLiteral("send"),
                                  {{QStringLiteral("target"), bId},
                                   {QStringLiteral("service"), QStringLiteral("nobody")},
                                   {QStringLiteral("body"), 1},
                                   {QStringLiteral("wait_reply"), true},
                                   {QStringLiteral("timeout_ms"), 20000}},
                                  30000);
        QVERIFY(!missing.ok());
        QCOMPARE(ca.lastErrorCode(), portal::PortalProtocol::kNotFound);
        // wait_delivery: answered on the target node's receipt, or with the route error
        auto delivered = ca.request(QStringLiteral("send"),
                                    {{QStringLiteral("target"), bId},
                                     {QStringLiteral("service"), QStringLiteral("echo")},
                                     {QStringLiteral("body"), 2},
                                     {QStringLiteral("wait_delivery"), true},
                                     {QStringLiteral("timeout_ms"), 20000}},
                                    30000);
        QVERIFY2(delivered.ok(), delivered ? "" : qPrintable(delivered.error()));
        QCOMPARE(delivered->value(QStringLiteral("delivered")).toBool(), true);
        QCOMPARE(delivered->value(QStringLiteral("message_id")).toString().size(), 32);
        QVERIFY(!delivered->contains(QStringLiteral("reply")));
        auto undelivered = ca.request(QStringLiteral("send"),
                                      {{QStringLiteral("target"), bId},
                                       {QStringLiteral("service"), QStringLiteral("nobody")},
                                       {QStringLiteral("body"), 3},
                                       {QStringLiteral("wait_delivery"), true},
                                       {QStringLiteral("timeout_ms"), 20000}},
                                      30000);
        QVERIFY(!undelivered.ok());
        QCOMPARE(ca.lastErrorCode(), portal::PortalProtocol::kNotFound);
        // the node answers "echo" itself
        auto echo = ca.request(QStringLiteral("send"),
                               {{QStringLiteral("target"), bId},
                                {QStringLiteral("service"), QStringLiteral("echo")},
                                {QStringLiteral("body"), QStringLiteral("ping?")},
                                {QStringLiteral("wait_reply"), true},
                                {QStringLiteral("timeout_ms"), 20000}},
                               30000);
        QVERIFY2(echo.ok(), echo ? "" : qPrintable(echo.error()));
        QCOMPARE(echo->value(QStringLiteral("reply"))
                     .toObject()
                     .value(QStringLiteral("body"))
                     .toString(),
                 QStringLiteral("ping?"));
    }
};

QTEST_GUILESS_MAIN(TestNodePortal)
#include "tst_nodeportal.moc"
