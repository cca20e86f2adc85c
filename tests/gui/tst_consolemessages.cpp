// SPDX-License-Identifier: GPL-3.0-or-later
// The message console over two real nodes: the GUI's own node (NodeController + NodeHost
// on its thread) and one more node on loopback. A message to the other node's echo service
// comes back as a reply; messages for the console's service, from the other node and from
// the console itself, appear as received.
#include "facade/NodeController.h"
#include "facade/NodeHost.h"
#include "models/MessageLogModel.h"
#include "node/BootstrapList.h"
#include "node/NodeRunner.h"
#include "windows/ConsolePage.h"
#include "windows/StatusPage.h"

#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QTemporaryDir>
#include <QtTest>

using namespace orion;
using namespace orion::app;

namespace {
const QByteArray kPassphrase = "console test";

void adjust(node::NodeConfig &c) {
    c.listenAddress = QHostAddress::LocalHost;
    c.listenPort = 0;
    c.overlay.routing.addressLimits = false; // both nodes are 127.0.0.1
    c.overlay.requestTimeoutMs = 2000;
    c.bootstrapIntervalMs = 1000;
    c.portal = false;
    c.containers = false;
}

int rowWhere(const models::MessageLogModel *model,
             const std::function<bool(const facade::ConsoleMessage &)> &match) {
    for (int row = 0; row < model->rowCount(); ++row) {
        if (match(model->messageAt(row))) {
            return row;
        }
    }
    return -1;
}
} // namespace

class TestConsoleMessages : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void repliesAndArrivals() {
        QTemporaryDir dir;
        const identity::NetworkKey network = identity::NetworkKey::generate();
        identity::SaveOptions cheap;
        cheap.limits = crypto::Argon2id::Limits::minimum();

        const node::Profile peerProfile(dir.filePath(QStringLiteral("peer")));
        QVERIFY(peerProfile.create().ok());
        node::NodeConfig peerConfig;
        adjust(peerConfig);
        auto peerIdentity = identity::NodeIdentity::generate();
        const identity::Key160 peerId = peerIdentity.nodeId();
        node::NodeRunner peer(std::make_unique<node::Node>(peerProfile, std::move(peerIdentity),
                                                           network.clone(), peerConfig));
        const auto peerStarted = peer.start();
        QVERIFY2(peerStarted.ok(), peerStarted ? "" : qPrintable(peerStarted.error()));
        identity::MemberRecord seed;
        node::Node *peerNode = peer.node();
        peer.call([&] { seed = peerNode->memberRecord(); });

        const node::Profile mine(dir.filePath(QStringLiteral("gui")));
        QVERIFY(mine.create().ok());
        const auto me = identity::NodeIdentity::generate();
        const identity::Key160 myId = me.nodeId();
        QVERIFY(me.save(mine.identityPath(), kPassphrase, cheap).ok());
        QVERIFY(network.save(mine.networkKeyPath(), kPassphrase, cheap).ok());
        QVERIFY(node::BootstrapList::add(mine, seed, network.networkId()).ok());

        auto secret = std::make_shared<const crypto::SecureBuffer>(
            crypto::SecureBuffer::fromBytes(kPassphrase));
        facade::NodeController controller([&]() {
            return std::make_unique<facade::NodeHost>(mine.directory(), secret, &adjust);
        });
        windows::ConsolePage page(controller.messages(), controller.status());
        windows::StatusPage status(controller.status());
        page.show();
        controller.start();
        QTRY_VERIFY_WITH_TIMEOUT(controller.status()->current().activePeers > 0, 30000);

        auto *target = page.findChild<QLineEdit *>(QStringLiteral("targetEdit"));
        auto *service = page.findChild<QLineEdit *>(QStringLiteral("serviceEdit"));
        auto *body = page.findChild<QLineEdit *>(QStringLiteral("bodyEdit"));
        auto *send = page.findChild<QPushButton *>(QStringLiteral("sendButton"));
        const models::MessageLogModel *model = page.model();

        // To the other node's echo service: the JSON body comes back as the reply.
        target->setText(peerId.toHex());
        service->setText(QStringLiteral("echo"));
        body->setText(QStringLiteral("{\"greeting\":\"hi\",\"n\":1}"));
        QTRY_VERIFY_WITH_TIMEOUT(send->isEnabled(), 20000);
        QTest::mouseClick(send, Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(rowWhere(model,
                                          [](const facade::ConsoleMessage &m) {
                                              return m.event == facade::ConsoleEvent::Reply;
                                          }) >= 0,
                                 30000);
        const int reply = rowWhere(model, [](const facade::ConsoleMessage &m) {
            return m.event == facade::ConsoleEvent::Reply;
        });
        QCOMPARE(model->messageAt(reply).peer, peerId.toHex());
        QCOMPARE(QJsonDocument::fromJson(model->messageAt(reply).body).object(),
                 (QJsonObject{{QStringLiteral("greeting"), QStringLiteral("hi")},
                              {QStringLiteral("n"), 1}}));
        QCOMPARE(model->messageAt(0).event, facade::ConsoleEvent::Sent);
        QTRY_COMPARE_WITH_TIMEOUT(model->outcomeAt(0), facade::ConsoleEvent::Reply, 30000);

        // A plain text that is not JSON travels as a string.
        body->setText(QStringLiteral("just words"));
        QTest::mouseClick(send, Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(rowWhere(model,
                                          [](const facade::ConsoleMessage &m) {
                                              return m.event == facade::ConsoleEvent::Reply &&
                                                     m.body == "just words";
                                          }) >= 0,
                                 30000);

        // A service nobody offers: the error is shown on the sent message's row.
        service->setText(QStringLiteral("nobody-here"));
        body->setText(QStringLiteral("1"));
        const int unanswered = model->rowCount();
        QTest::mouseClick(send, Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(model->rowCount() > unanswered, 10000);
        QCOMPARE(model->messageAt(unanswered).service, QStringLiteral("nobody-here"));
        QTRY_COMPARE_WITH_TIMEOUT(model->outcomeAt(unanswered), facade::ConsoleEvent::Failed,
                                  30000);
        QVERIFY(model->resultText(unanswered).contains(QLatin1String("no endpoint")));

        // The other node sends to the console's service of the GUI node.
        peer.call([&] {
            peerNode->sendMessage(myId, QStringLiteral("console"),
                                  QCborValue(QStringLiteral("hello console")));
        });
        QTRY_VERIFY_WITH_TIMEOUT(rowWhere(model,
                                          [&](const facade::ConsoleMessage &m) {
                                              return m.event == facade::ConsoleEvent::Received &&
                                                     m.body == "hello console" &&
                                                     m.peer == peerId.toHex();
                                          }) >= 0,
                                 30000);

        // And the console to its own node.
        target->setText(myId.toHex());
        service->setText(QStringLiteral("console"));
        body->setText(QStringLiteral("note to self"));
        QTest::mouseClick(send, Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(rowWhere(model,
                                          [&](const facade::ConsoleMessage &m) {
                                              return m.event == facade::ConsoleEvent::Received &&
                                                     m.body == "note to self" &&
                                                     m.peer == myId.toHex();
                                          }) >= 0,
                                 30000);

        // The status page counts real traffic now.
        QTRY_VERIFY_WITH_TIMEOUT(controller.status()->current().messagesOut > 0, 10000);
        QVERIFY(controller.status()->current().bytesIn > 0);
        const QString traffic = status.findChild<QLabel *>(QStringLiteral("trafficValue"))->text();
        QVERIFY2(!traffic.contains(QLatin1String("not counted")), qPrintable(traffic));

        QVERIFY(controller.stopAndWait());
        peer.stop();
    }
};

QTEST_MAIN(TestConsoleMessages)
#include "tst_consolemessages.moc"
