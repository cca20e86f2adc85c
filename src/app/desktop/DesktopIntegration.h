// SPDX-License-Identifier: GPL-3.0-or-later
// DesktopIntegration: everything the app does with the desktop: the tray icon and its menu,
// notifications (independent of the tray), and the XDG autostart entry. GUI thread.
#pragma once

#include "facade/NodeEvent.h"
#include "facade/NodeState.h"
#include "util/Result.h"

#include <QObject>
#include <QPointer>
#include <QString>

class QAction;
class QMenu;
class QSystemTrayIcon;
class QWidget;

namespace orion::app::facade {
class NodeController;
}

namespace orion::app::desktop {

class AppSettings;

class DesktopIntegration : public QObject {
    Q_OBJECT

public:
    enum class TrayMode { Auto, Always, Never };

    DesktopIntegration(facade::NodeController *node, AppSettings *settings,
                       const QString &profileDir, TrayMode mode = TrayMode::Auto,
                       QObject *parent = nullptr);
    ~DesktopIntegration() override;

    void setWindow(QWidget *window);
    // True when a tray icon is shown, so a closed window can leave the node running.
    bool hasTray() const;
    // Whether closing the window should keep the node running (tray + setting).
    bool closesToTray() const;
    QMenu *trayMenu() const { return m_menu; }
    QAction *toggleWindowAction() const { return m_toggleWindow; }
    QAction *pauseAction() const { return m_pause; }
    QAction *copyIdAction() const { return m_copyId; }
    QAction *quitAction() const { return m_quit; }
    QString toolTip() const;
    // Re-reads every text (after a language change or when the window shows or hides).
    void retranslate();

    // Shows a desktop notification; the window also hears it through notified().
    void notify(const QString &title, const QString &body, bool error = false);

    // XDG autostart: <configDir>/autostart/orion.desktop; configDir defaults to
    // $XDG_CONFIG_HOME. The entry starts Orion minimized with this profile.
    static QString autostartPath(const QString &configDir = {});
    // The entry it is made from: the one installed with the program
    // (<prefix>/share/orion/autostart/orion.desktop), else the copy compiled in.
    static QString autostartTemplatePath();
    static Status setAutostart(bool enabled, const QString &profileDir,
                               const QString &configDir = {});
    static QString profileName(const QString &profileDir);

Q_SIGNALS:
    void showWindowRequested();
    void quitRequested();
    void notified(const QString &title, const QString &body);

private:
    void updateState(facade::NodeState state);
    void onEvent(const facade::NodeEvent &event);
    void toggleWindow();
    void copyNodeId();
    bool sendDesktopNotification(const QString &title, const QString &body, bool error);

    facade::NodeController *m_node;
    AppSettings *m_settings;
    QString m_profileDir;
    QPointer<QWidget> m_window;
    QSystemTrayIcon *m_tray = nullptr;
    QMenu *m_menu = nullptr;
    QAction *m_toggleWindow = nullptr;
    QAction *m_pause = nullptr;
    QAction *m_copyId = nullptr;
    QAction *m_quit = nullptr;
};

} // namespace orion::app::desktop
