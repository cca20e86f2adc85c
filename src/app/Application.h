// SPDX-License-Identifier: GPL-3.0-or-later
// Application: wires one desktop session together: single instance per profile, language,
// first-run wizard or unlock, the node controller, the main window and the tray; and the
// clean Quit (stop the node, then leave the event loop). GUI thread.
#pragma once

#include "crypto/SecureBuffer.h"
#include "desktop/DesktopIntegration.h"
#include "facade/NodeController.h"

#include <QObject>
#include <QString>

#include <functional>
#include <memory>
#include <optional>

namespace orion::app {

namespace desktop {
class AppSettings;
class PassphraseStore;
class LanguageManager;
class SingleInstance;
} // namespace desktop
namespace facade {
class LogFeed;
}
namespace windows {
class MainWindow;
}

class Application : public QObject {
    Q_OBJECT

public:
    struct Options {
        QString profileDir;
        bool minimized = false;
        desktop::DesktopIntegration::TrayMode trayMode =
            desktop::DesktopIntegration::TrayMode::Auto;
    };
    // Builds the node-thread backend for a profile, unlocked with the passphrase.
    using BackendMaker = std::function<std::unique_ptr<facade::NodeBackend>(
        const QString &profileDir, std::shared_ptr<const crypto::SecureBuffer> passphrase)>;

    Application(Options options, BackendMaker maker, QObject *parent = nullptr);
    ~Application() override;

    // Runs everything up to a started node; false when the program should end now (another
    // instance took over, or the user cancelled the wizard or the unlock).
    bool start();
    // Starts the session directly with a known passphrase (after the wizard, in tests).
    void startSession(crypto::SecureBuffer passphrase);

    // Where "remember the passphrase" keeps it; the desktop's keyring unless set (tests). The
    // store must outlive the application.
    void setPassphraseStore(desktop::PassphraseStore *store) { m_keyring = store; }
    // Asks for the passphrase (or takes the remembered one); nullopt when the user cancels.
    std::optional<crypto::SecureBuffer> obtainPassphrase();

    // Stops the node cleanly, then quits the event loop.
    void quit();

    facade::NodeController *node() const { return m_node; }
    windows::MainWindow *window() const { return m_window; }
    desktop::DesktopIntegration *desktop() const { return m_desktop; }
    desktop::AppSettings *settings() const { return m_settings; }
    facade::LogFeed *logs() const { return m_logs; }
    const QString &profileDir() const { return m_options.profileDir; }

private:
    void applySettings();

    Options m_options;
    BackendMaker m_maker;
    desktop::SingleInstance *m_instance = nullptr;
    desktop::PassphraseStore *m_keyring = nullptr;
    desktop::AppSettings *m_settings = nullptr;
    desktop::LanguageManager *m_language = nullptr;
    facade::LogFeed *m_logs = nullptr;
    facade::NodeController *m_node = nullptr;
    desktop::DesktopIntegration *m_desktop = nullptr;
    windows::MainWindow *m_window = nullptr;
};

} // namespace orion::app
