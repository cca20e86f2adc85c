// SPDX-License-Identifier: GPL-3.0-or-later
// The main window over a scripted backend on a real node thread: pages follow the
// snapshots, the console reaches the node, closing with a tray keeps the node running, and
// Quit stops it cleanly.
#include "Application.h"
#include "FakeBackend.h"
#include "desktop/AppSettings.h"
#include "models/MessageLogModel.h"
#include "models/RoutingTableModel.h"
#include "widgets/TrafficGraph.h"
#include "windows/ConsolePage.h"
#include "windows/MainWindow.h"
#include "windows/NetworkDialog.h"
#include "windows/RoutingPage.h"
#include "windows/StatusPage.h"

#include <QAction>
#include <QCheckBox>
#include <QClipboard>
#include <QGuiApplication>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSortFilterProxyModel>
#include <QTemporaryDir>
#include <QtTest>

using namespace orion;
using namespace orion::app;

namespace {
identity::Key160 key(quint8 lead) {
    std::array<std::uint8_t, identity::Key160::kBytes> bytes{};
    bytes[0] = lead;
    bytes[10] = 0x5a;
    return identity::Key160(bytes);
}
} // namespace

class TestMainWindow : public QObject {
    Q_OBJECT

private:
    std::shared_ptr<test::FakeNodeState> m_state;
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<Application> m_app;

    void setRouting(int contacts) {
        QMutexLocker lock(&m_state->mutex);
        m_state->routing.self = key(0x01);
        m_state->routing.contacts.clear();
        for (int i = 0; i < contacts; ++i) {
            facade::ContactInfo c;
            c.id = key(quint8(0x10 * (i + 1)));
            c.prefixBits = c.id.commonPrefixLength(m_state->routing.self);
            c.bucket = c.prefixBits;
            c.address = QStringLiteral("127.0.0.1:%1").arg(7001 + i);
            c.state = facade::ContactState::Connected;
            c.rttMs = 5 + i;
            m_state->routing.contacts.append(c);
        }
        m_state->status.activePeers = contacts;
        m_state->status.state =
            contacts > 0 ? facade::NodeState::Online : facade::NodeState::Connecting;
    }

private Q_SLOTS:
    void init() {
        m_dir = std::make_unique<QTemporaryDir>();
        m_state = std::make_shared<test::FakeNodeState>();
        m_state->status.nodeId = key(0x01).toHex();
        m_state->status.listenEndpoint = QStringLiteral("127.0.0.1:7400");
        m_state->status.startedAt = QDateTime::currentDateTimeUtc();
        Application::Options options;
        options.profileDir = m_dir->path();
        options.trayMode = desktop::DesktopIntegration::TrayMode::Always;
        auto state = m_state;
        m_app = std::make_unique<Application>(
            options, [state](const QString &, std::shared_ptr<const crypto::SecureBuffer>) {
                return std::make_unique<test::FakeBackend>(state);
            });
        m_app->startSession(crypto::SecureBuffer());
        QVERIFY(m_app->window()->isVisible());
        QTRY_COMPARE(m_app->node()->status()->current().nodeId, key(0x01).toHex());
    }

    void cleanup() {
        m_app.reset();
        m_dir.reset();
    }

    void statusPageShowsTheNode() {
        auto *page = m_app->window()->statusPage();
        QCOMPARE(page->findChild<QLineEdit *>(QStringLiteral("nodeIdEdit"))->text(),
                 key(0x01).toHex());
        QVERIFY(page->findChild<QLabel *>(QStringLiteral("addressValue"))
                    ->text()
                    .contains(QLatin1String("127.0.0.1:7400")));
        QVERIFY(m_app->window()->windowTitle().contains(QFileInfo(m_dir->path()).fileName()));
        QVERIFY(m_app->desktop()->toolTip().contains(QFileInfo(m_dir->path()).fileName()));
    }

    void routingViewFollowsSnapshotsWithoutReset() {
        auto *page = m_app->window()->routingPage();
        QSignalSpy resets(page->model(), &QAbstractItemModel::modelReset);
        setRouting(4);
        QTRY_COMPARE(page->model()->rowCount(), 4);
        QTRY_COMPARE(m_app->node()->status()->current().state, facade::NodeState::Online);
        setRouting(3);
        QTRY_COMPARE(page->model()->rowCount(), 3);
        QCOMPARE(resets.size(), 0);
        page->findChild<QLineEdit *>(QStringLiteral("filterEdit"))->setText(QStringLiteral("7002"));
        QCOMPARE(page->proxy()->rowCount(), 1);
    }

    void consoleSendsThroughTheFacade() {
        setRouting(1);
        QTRY_COMPARE(m_app->node()->status()->current().state, facade::NodeState::Online);
        auto *page = m_app->window()->consolePage();
        auto *send = page->findChild<QPushButton *>(QStringLiteral("sendButton"));
        auto *target = page->findChild<QLineEdit *>(QStringLiteral("targetEdit"));
        target->setText(QStringLiteral("not a key"));
        QVERIFY(!send->isEnabled());
        target->setText(key(0x01).toHex());
        QVERIFY(send->isEnabled());
        page->findChild<QLineEdit *>(QStringLiteral("bodyEdit"))->setText(QStringLiteral("hello"));
        QTest::mouseClick(send, Qt::LeftButton);
        // Our own key: the scripted node echoes it back as an incoming message.
        QTRY_COMPARE(page->model()->rowCount(), 2);
        QCOMPARE(page->model()->messageAt(0).event, facade::ConsoleEvent::Sent);
        QCOMPARE(page->model()->messageAt(1).event, facade::ConsoleEvent::Received);
        QTRY_COMPARE(page->model()->outcomeAt(0), facade::ConsoleEvent::Delivered);
        QCOMPARE(page->model()->messageAt(1).body, QByteArray("hello"));
        QMutexLocker lock(&m_state->mutex);
        QCOMPARE(m_state->sent.size(), 1);
    }

    void pauseFromTrayMenu() {
        setRouting(1);
        QTRY_COMPARE(m_app->node()->status()->current().state, facade::NodeState::Online);
        m_app->desktop()->pauseAction()->trigger();
        QTRY_COMPARE(m_app->node()->status()->current().state, facade::NodeState::Paused);
        {
            QMutexLocker lock(&m_state->mutex);
            QVERIFY(m_state->paused);
        }
        m_app->desktop()->pauseAction()->trigger();
        QTRY_COMPARE(m_app->node()->status()->current().state, facade::NodeState::Online);
    }

    void closingWithTrayKeepsNodeRunningAndQuitStopsIt() {
        QVERIFY(m_app->desktop()->hasTray());
        QVERIFY(m_app->desktop()->closesToTray());
        QSignalSpy notified(m_app->desktop(), &desktop::DesktopIntegration::notified);
        QVERIFY(!m_app->window()->close()); // refused: hidden instead
        QVERIFY(!m_app->window()->isVisible());
        QCOMPARE(notified.size(), 1);
        QVERIFY(m_app->node()->isRunning());
        QTest::qWait(2 * facade::NodeBackend::kSnapshotIntervalMs);
        {
            QMutexLocker lock(&m_state->mutex);
            QVERIFY(m_state->started);
            QVERIFY(!m_state->stopped);
        }
        // The tray brings it back.
        Q_EMIT m_app->desktop()->showWindowRequested();
        QVERIFY(m_app->window()->isVisible());

        // Quit (the menu's Ctrl+Q action) stops the node and its thread.
        auto *quit = m_app->window()->findChild<QAction *>(QStringLiteral("actionQuit"));
        QCOMPARE(quit->shortcut(), QKeySequence(QStringLiteral("Ctrl+Q")));
        quit->trigger();
        QVERIFY(!m_app->node()->isRunning());
        QMutexLocker lock(&m_state->mutex);
        QVERIFY(m_state->stopped);
    }

    void titleNamesTheApplicationOnce() {
        // The platform appends the display name ("— Orion"); the title must not repeat it.
        QGuiApplication::setApplicationDisplayName(QStringLiteral("Orion"));
        setRouting(1);
        QTRY_COMPARE(m_app->node()->status()->current().state, facade::NodeState::Online);
        const QString title = m_app->window()->windowTitle();
        QVERIFY2(!title.contains(QLatin1String("Orion")), qPrintable(title));
        QVERIFY2(title.contains(QFileInfo(m_dir->path()).fileName()), qPrintable(title));
    }

    void networkKeyAndCardFromMenuAndStatusPage() {
        const QByteArray card = "{\"format\": \"orion-member\", \"port\": 7400}";
        {
            QMutexLocker lock(&m_state->mutex);
            m_state->networkKey = QStringLiteral("orion-net:AAAAthekey");
            m_state->memberCard = card;
        }
        auto *action = m_app->window()->findChild<QAction *>(QStringLiteral("actionNetwork"));
        QVERIFY(action);
        action->trigger();
        auto *dialog = m_app->window()->findChild<windows::NetworkDialog *>();
        QVERIFY(dialog);
        QVERIFY(dialog->isVisible());
        QTRY_COMPARE(dialog->networkKeyText(), QStringLiteral("orion-net:AAAAthekey"));
        QTRY_COMPARE(dialog->memberCard(), card);
        auto *keyEdit = dialog->findChild<QLineEdit *>(QStringLiteral("keyEdit"));
        QCOMPARE(keyEdit->text(), QStringLiteral("orion-net:AAAAthekey"));
        QCOMPARE(keyEdit->echoMode(), QLineEdit::Password); // hidden until asked
        dialog->findChild<QCheckBox *>(QStringLiteral("showKeyCheck"))->setChecked(true);
        QCOMPARE(keyEdit->echoMode(), QLineEdit::Normal);
        QVERIFY(dialog->findChild<QLabel *>(QStringLiteral("warningLabel"))
                    ->text()
                    .contains(QLatin1String("Anyone who has this key")));
        QTest::mouseClick(dialog->findChild<QPushButton *>(QStringLiteral("copyKeyButton")),
                          Qt::LeftButton);
        QCOMPARE(QGuiApplication::clipboard()->text(), QStringLiteral("orion-net:AAAAthekey"));
        QCOMPARE(dialog->findChild<QPlainTextEdit *>(QStringLiteral("cardView"))->toPlainText(),
                 QString::fromUtf8(card));
        QTest::mouseClick(dialog->findChild<QPushButton *>(QStringLiteral("copyCardButton")),
                          Qt::LeftButton);
        QCOMPARE(QGuiApplication::clipboard()->text(), QString::fromUtf8(card));
        const QString saved = m_dir->filePath(QStringLiteral("me.member.json"));
        QVERIFY(dialog->saveCardTo(saved).ok());
        QFile file(saved);
        QVERIFY(file.open(QIODevice::ReadOnly));
        QCOMPARE(file.readAll(), card);
        dialog->close();

        // The status page opens the same window.
        auto *button = m_app->window()->statusPage()->findChild<QPushButton *>(
            QStringLiteral("networkButton"));
        QVERIFY(button);
        m_app->window()->showPage(m_app->window()->statusPage());
        QTest::mouseClick(button, Qt::LeftButton);
        QTRY_VERIFY(m_app->window()->findChild<windows::NetworkDialog *>() &&
                    m_app->window()->findChild<windows::NetworkDialog *>()->isVisible());
        auto *again = m_app->window()->findChild<windows::NetworkDialog *>();
        QTRY_COMPARE(again->networkKeyText(), QStringLiteral("orion-net:AAAAthekey"));
    }

    void networkDialogSaysWhenTheKeyCannotBeShown() {
        auto *dialog = m_app->window()->showNetwork();
        auto *status = dialog->findChild<QLabel *>(QStringLiteral("statusLabel"));
        QTRY_VERIFY(status->text().contains(QLatin1String("cannot be shown")));
        QVERIFY(!dialog->findChild<QPushButton *>(QStringLiteral("copyKeyButton"))->isEnabled());
    }

    void trafficGraphFollowsTheTotals() {
        widgets::TrafficGraph *graph = m_app->window()->statusPage()->trafficGraph();
        QVERIFY(graph);
        graph->setTicking(false); // the test closes the points itself
        graph->tick(1000);
        const quint64 messages = m_app->node()->status()->current().messagesIn;
        {
            QMutexLocker lock(&m_state->mutex);
            m_state->status.messagesIn += 10;
            m_state->status.messagesOut += 6;
            m_state->status.bytesIn += 3000;
            m_state->status.bytesOut += 1000;
        }
        QTRY_COMPARE(m_app->node()->status()->current().messagesIn, messages + 10);
        graph->tick(2000);
        QCOMPARE(graph->points().constLast().messagesPerSecond, 8.0);
        QCOMPARE(graph->points().constLast().bytesPerSecond, 2000.0);
        QVERIFY2(graph->caption().contains(QLatin1String("8")), qPrintable(graph->caption()));
        graph->tick(1000); // nothing new: the line drops to zero
        QCOMPARE(graph->points().constLast().messagesPerSecond, 0.0);
        for (int i = 0; i < 2 * widgets::TrafficGraph::kPoints; ++i) {
            graph->tick(1000);
        }
        QCOMPARE(graph->points().size(), widgets::TrafficGraph::kPoints);
    }

    void notificationsDoNotNeedTheTray() {
        QSignalSpy notified(m_app->desktop(), &desktop::DesktopIntegration::notified);
        setRouting(2);
        QTRY_COMPARE(notified.size(), 1); // first peer connected
        setRouting(0);
        QTRY_COMPARE(notified.size(), 2); // connection lost
    }
};

QTEST_MAIN(TestMainWindow)
#include "tst_mainwindow.moc"
