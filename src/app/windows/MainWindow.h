// SPDX-License-Identifier: GPL-3.0-or-later
// MainWindow: the application window: status, routing, containers, console and log pages,
// the menus (member files, network key, identity backup, passphrase, pause, preferences, quit)
// and the
// close-to-tray behaviour. Talks to the node only through NodeController. GUI thread.
#pragma once

#include <QMainWindow>

#include <memory>

namespace Ui {
class MainWindow;
}

namespace orion::app::facade {
class LogFeed;
class NodeController;
} // namespace orion::app::facade

namespace orion::app::desktop {
class AppSettings;
class DesktopIntegration;
} // namespace orion::app::desktop

namespace orion::app::windows {

class StatusPage;
class RoutingPage;
class ConsolePage;
class ContainersPage;
class LogPage;
class NetworkDialog;

class MainWindow : public QMainWindow {
    Q_OBJECT

public:
    MainWindow(facade::NodeController *node, facade::LogFeed *logs, desktop::AppSettings *settings,
               desktop::DesktopIntegration *desktop, const QString &profileDir,
               QWidget *parent = nullptr);
    ~MainWindow() override;

    StatusPage *statusPage() const { return m_statusPage; }
    RoutingPage *routingPage() const { return m_routingPage; }
    ConsolePage *consolePage() const { return m_consolePage; }
    ContainersPage *containersPage() const { return m_containersPage; }
    LogPage *logPage() const { return m_logPage; }
    void showPage(QWidget *page);

    // Brings the window to the front (second launch, tray click).
    void activate();
    // Opens (or raises) the window with the network key and the member card.
    NetworkDialog *showNetwork();

Q_SIGNALS:
    void quitRequested();
    void settingsChanged();

protected:
    void closeEvent(QCloseEvent *event) override;
    void changeEvent(QEvent *event) override;

private:
    void retranslate();
    void exportMemberFile();
    void importMemberFile();
    void backupIdentity();
    void changePassphrase();
    void openProfileFolder();
    void openPreferences();
    void about();
    void updateTitle();

    std::unique_ptr<Ui::MainWindow> m_ui;
    facade::NodeController *m_node;
    desktop::AppSettings *m_settings;
    desktop::DesktopIntegration *m_desktop;
    QString m_profileDir;
    StatusPage *m_statusPage;
    RoutingPage *m_routingPage;
    ConsolePage *m_consolePage;
    ContainersPage *m_containersPage;
    LogPage *m_logPage;
    NetworkDialog *m_networkDialog = nullptr;
    quint64 m_exportRequest = 0;
    bool m_toldAboutTray = false;
};

} // namespace orion::app::windows
