// SPDX-License-Identifier: GPL-3.0-or-later
// Every list says what to do while it is empty (routing, containers, console, log) and goes
// away with the first row; the container list's columns fit their text after each
// snapshot, and the container log wraps instead of scrolling sideways.
#include "Application.h"
#include "FakeBackend.h"
#include "models/ContainerListModel.h"
#include "models/LogModel.h"
#include "models/MessageLogModel.h"
#include "models/RoutingTableModel.h"
#include "widgets/EmptyState.h"
#include "windows/ConsolePage.h"
#include "windows/ContainersPage.h"
#include "windows/LogPage.h"
#include "windows/MainWindow.h"
#include "windows/RoutingPage.h"
#include "windows/StatusPage.h"

#include <QHeaderView>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QRegularExpression>
#include <QScrollBar>
#include <QTableView>
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

widgets::EmptyState *emptyStateOf(QWidget *page) {
    auto *found = page->findChild<widgets::EmptyState *>();
    if (!found) {
        qFatal("%s has no empty state", page->metaObject()->className());
    }
    return found;
}
} // namespace

class TestEmptyStates : public QObject {
    Q_OBJECT

private:
    std::shared_ptr<test::FakeNodeState> m_state;
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<Application> m_app;

    void setContainers(QList<facade::ContainerInfo> containers) {
        QMutexLocker lock(&m_state->mutex);
        m_state->containers = std::move(containers);
    }

private Q_SLOTS:
    void init() {
        m_dir = std::make_unique<QTemporaryDir>();
        m_state = std::make_shared<test::FakeNodeState>();
        m_state->status.nodeId = key(0x01).toHex();
        m_state->status.state = facade::NodeState::Online;
        m_state->status.activePeers = 1;
        m_state->routing.self = key(0x01);
        Application::Options options;
        options.profileDir = m_dir->path();
        options.trayMode = desktop::DesktopIntegration::TrayMode::Never;
        auto state = m_state;
        m_app = std::make_unique<Application>(
            options, [state](const QString &, std::shared_ptr<const crypto::SecureBuffer>) {
                return std::make_unique<test::FakeBackend>(state);
            });
        m_app->startSession(crypto::SecureBuffer());
        QVERIFY(QTest::qWaitForWindowExposed(m_app->window()));
        QTRY_COMPARE(m_app->node()->status()->current().state, facade::NodeState::Online);
    }

    void cleanup() {
        m_app.reset();
        m_dir.reset();
    }

    void routingSaysHowToMeetTheNetwork() {
        windows::RoutingPage *page = m_app->window()->routingPage();
        m_app->window()->showPage(page);
        widgets::EmptyState *empty = emptyStateOf(page);
        QVERIFY(empty->isVisible());
        QVERIFY2(empty->text().contains(QLatin1String("member file")), qPrintable(empty->text()));
        {
            QMutexLocker lock(&m_state->mutex);
            facade::ContactInfo c;
            c.id = key(0x80);
            c.address = QStringLiteral("127.0.0.1:7001");
            c.state = facade::ContactState::Connected;
            m_state->routing.contacts = {c};
        }
        QTRY_COMPARE(page->model()->rowCount(), 1);
        QVERIFY(!empty->isVisible());
        page->findChild<QLineEdit *>(QStringLiteral("filterEdit"))->setText(QStringLiteral("zzz"));
        QVERIFY(empty->isVisible());
        QVERIFY2(empty->text().contains(QLatin1String("zzz")), qPrintable(empty->text()));
        page->findChild<QLineEdit *>(QStringLiteral("filterEdit"))->clear();
        QVERIFY(!empty->isVisible());
    }

    void containersSayHowToDeploy() {
        windows::ContainersPage *page = m_app->window()->containersPage();
        m_app->window()->showPage(page);
        widgets::EmptyState *empty = emptyStateOf(page);
        QVERIFY(empty->isVisible());
        QVERIFY2(empty->text().contains(QLatin1String("Deploy")), qPrintable(empty->text()));
        facade::ContainerInfo c;
        c.name = QStringLiteral("greeter");
        c.key = key(0x42).toHex();
        c.version = 1;
        setContainers({c});
        QTRY_COMPARE(page->model()->rowCount(), 1);
        QVERIFY(!empty->isVisible());
    }

    void consoleSaysHowToSend() {
        windows::ConsolePage *page = m_app->window()->consolePage();
        m_app->window()->showPage(page);
        widgets::EmptyState *empty = emptyStateOf(page);
        QVERIFY(empty->isVisible());
        QVERIFY2(empty->text().contains(QLatin1String("Send")), qPrintable(empty->text()));
        page->findChild<QLineEdit *>(QStringLiteral("targetEdit"))->setText(key(0x01).toHex());
        page->findChild<QLineEdit *>(QStringLiteral("bodyEdit"))->setText(QStringLiteral("hi"));
        QTest::mouseClick(page->findChild<QPushButton *>(QStringLiteral("sendButton")),
                          Qt::LeftButton);
        QTRY_VERIFY(page->model()->rowCount() > 0);
        QVERIFY(!empty->isVisible());
    }

    void logSaysWhatWillAppear() {
        windows::LogPage page(nullptr);
        page.resize(600, 400);
        page.show();
        QVERIFY(QTest::qWaitForWindowExposed(&page));
        widgets::EmptyState *empty = emptyStateOf(&page);
        QVERIFY(empty->isVisible());
        QVERIFY(!empty->text().isEmpty());
        facade::LogEntry entry;
        entry.id = 1;
        entry.time = QDateTime::currentDateTimeUtc();
        entry.category = QStringLiteral("orion.net");
        entry.message = QStringLiteral("listening on 127.0.0.1:7400");
        page.model()->append({entry});
        QVERIFY(!empty->isVisible());
        // A long message does not push the time out of view: the table never scrolls sideways.
        entry.id = 2;
        entry.message = QStringLiteral("a long message ") + QString(400, QLatin1Char('x'));
        page.model()->append({entry});
        auto *table = page.findChild<QTableView *>(QStringLiteral("logView"));
        QCoreApplication::processEvents();
        QCOMPARE(table->horizontalScrollBar()->maximum(), 0);
        page.findChild<QLineEdit *>(QStringLiteral("searchEdit"))->setText(QStringLiteral("zzz"));
        QVERIFY(empty->isVisible());
        QVERIFY2(empty->text().contains(QLatin1String("search")), qPrintable(empty->text()));
    }

    void containerColumnsFitAfterEachSnapshot() {
        windows::ContainersPage *page = m_app->window()->containersPage();
        m_app->window()->showPage(page);
        auto *table = page->findChild<QTableView *>(QStringLiteral("containersView"));
        QHeaderView *header = table->horizontalHeader();
        // sizeHintForColumn is public on the base class: the width the cells' text needs.
        const QAbstractItemView *view = table;
        const auto fits = [&](int column) {
            QCoreApplication::processEvents();
            const int needed =
                std::max(view->sizeHintForColumn(column), header->sectionSizeHint(column));
            return header->sectionSize(column) >= needed;
        };
        // Right after a deploy the list gets the row, then its key and its state; the user
        // may be on another tab meanwhile. The columns start narrower than any text (as a
        // narrow window leaves them, or a drag): the page must widen them for what arrives.
        m_app->window()->showPage(m_app->window()->statusPage());
        for (int column = 0; column < models::ContainerListModel::ColumnCount; ++column) {
            if (column != models::ContainerListModel::NameColumn) {
                header->resizeSection(column, 8);
            }
        }
        facade::ContainerInfo c;
        c.name = QStringLiteral("greeter");
        setContainers({c});
        QTRY_COMPARE(page->model()->rowCount(), 1);
        c.key = key(0x42).toHex();
        c.version = 1;
        c.state = facade::ContainerState::Broken;
        setContainers({c});
        QTRY_COMPARE(page->model()->containerAt(0).key, c.key);
        m_app->window()->showPage(page);
        for (int column :
             {models::ContainerListModel::KeyColumn, models::ContainerListModel::StateColumn,
              models::ContainerListModel::VersionColumn}) {
            QVERIFY2(fits(column), qPrintable(QStringLiteral("column %1: %2 < %3")
                                                  .arg(column)
                                                  .arg(header->sectionSize(column))
                                                  .arg(view->sizeHintForColumn(column))));
        }
        c.state = facade::ContainerState::Running;
        c.messagesIn = 1234567;
        setContainers({c});
        QTRY_COMPARE(page->model()->containerAt(0).messagesIn, quint64(1234567));
        QVERIFY(fits(models::ContainerListModel::StateColumn));
        QVERIFY(fits(models::ContainerListModel::MessagesColumn));
    }

    void containerLogWrapsAndKeepsSeconds() {
        windows::ContainersPage *page = m_app->window()->containersPage();
        m_app->window()->showPage(page);
        auto *log = page->findChild<QPlainTextEdit *>(QStringLiteral("logView"));
        facade::ContainerInfo c;
        c.name = QStringLiteral("greeter");
        c.key = key(0x42).toHex();
        setContainers({c});
        QTRY_COMPARE(page->model()->rowCount(), 1);
        // The backend answers a new watch with a detail of its own (empty here, the fake
        // node hosts nothing); ours must come after it, or that answer clears the log.
        QSignalSpy answered(m_app->node()->containers(), &facade::ContainerFeed::detailChanged);
        page->selectContainer(c.name);
        QCOMPARE(m_app->node()->containers()->watched(), c.name);
        QTRY_VERIFY(answered.count() >= 1);
        facade::ContainerDetail detail;
        detail.name = QStringLiteral("greeter");
        facade::ContainerLogLine line;
        line.id = 1;
        line.time = QDateTime(QDate(2026, 1, 2), QTime(10, 11, 12), Qt::UTC);
        line.level = QStringLiteral("info");
        line.text = QStringLiteral("message 1 from ") + QString(200, QLatin1Char('f'));
        detail.lines = {line};
        m_app->node()->containers()->applyDetail(detail);
        QTRY_VERIFY(!log->toPlainText().isEmpty());
        QCoreApplication::processEvents();
        QCOMPARE(log->horizontalScrollBar()->maximum(), 0);
        const QString expected =
            QLocale().toString(line.time.toLocalTime().time(), QStringLiteral("HH:mm:ss"));
        QVERIFY2(log->toPlainText().startsWith(expected), qPrintable(log->toPlainText()));
    }
};

QTEST_MAIN(TestEmptyStates)
#include "tst_emptystates.moc"
