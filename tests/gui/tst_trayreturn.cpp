// SPDX-License-Identifier: GPL-3.0-or-later
// Under a real X server with a window manager (tests/gui/with_window_manager.sh): after the
// window closed to the tray, "Show Orion", a click on the tray icon and a second start on the
// same profile each bring it back, mapped by the window manager.
#include "Application.h"
#include "FakeBackend.h"
#include "desktop/SingleInstance.h"
#include "identity/NodeIdentity.h"
#include "node/Profile.h"
#include "windows/MainWindow.h"

#include <QAction>
#include <QGuiApplication>
#include <QSystemTrayIcon>
#include <QTemporaryDir>
#include <QtTest>

using namespace orion;
using namespace orion::app;

class TestTrayReturn : public QObject {
    Q_OBJECT

private:
    std::shared_ptr<test::FakeNodeState> m_state;
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<Application> m_app;

    // Closes the window to the tray and waits until the window manager has unmapped it.
    void closeToTray() {
        windows::MainWindow *window = m_app->window();
        QVERIFY(m_app->desktop()->closesToTray());
        QVERIFY(!window->close());
        QTRY_VERIFY(!window->isVisible());
        QTRY_VERIFY(!window->windowHandle() || !window->windowHandle()->isExposed());
    }

    // The window is back: shown, not minimized, and mapped by the window manager.
    void verifyBack() {
        windows::MainWindow *window = m_app->window();
        QTRY_VERIFY(window->isVisible());
        QVERIFY(QTest::qWaitForWindowExposed(window));
        QVERIFY(!window->isMinimized());
    }

private Q_SLOTS:
    void initTestCase() {
        if (QGuiApplication::platformName() != QLatin1String("xcb")) {
            QSKIP("needs an X server with a window manager (run through with_window_manager.sh)");
        }
    }

    void init() {
        m_dir = std::make_unique<QTemporaryDir>();
        m_state = std::make_shared<test::FakeNodeState>();
        m_state->status.nodeId = QString(40, QLatin1Char('c'));
        Application::Options options;
        options.profileDir = m_dir->path();
        options.trayMode = desktop::DesktopIntegration::TrayMode::Always;
        auto state = m_state;
        m_app = std::make_unique<Application>(
            options, [state](const QString &, std::shared_ptr<const crypto::SecureBuffer>) {
                return std::make_unique<test::FakeBackend>(state);
            });
        // A profile with an unencrypted identity: start() runs as the program does (single
        // instance socket, no wizard, no passphrase prompt).
        identity::SaveOptions unencrypted;
        unencrypted.unencrypted = true;
        QVERIFY(identity::NodeIdentity::generate()
                    .save(node::Profile(m_dir->path()).identityPath(), {}, unencrypted)
                    .ok());
        QVERIFY(m_app->start());
        verifyBack();
    }

    void cleanup() {
        m_app.reset();
        m_dir.reset();
    }

    void showFromTheTrayMenu() {
        closeToTray();
        QCOMPARE(m_app->desktop()->toggleWindowAction()->text().remove(QLatin1Char('&')),
                 QStringLiteral("Show Orion"));
        m_app->desktop()->toggleWindowAction()->trigger();
        verifyBack();
    }

    void clickOnTheTrayIcon() {
        closeToTray();
        auto *tray = m_app->desktop()->findChild<QSystemTrayIcon *>();
        QVERIFY(tray);
        Q_EMIT tray->activated(QSystemTrayIcon::Trigger);
        verifyBack();
    }

    void secondStartOnTheSameProfile() {
        closeToTray();
        desktop::SingleInstance second(m_dir->path());
        QVERIFY(second.notifyRunningInstance());
        verifyBack();
    }
};

QTEST_MAIN(TestTrayReturn)
#include "tst_trayreturn.moc"
