// SPDX-License-Identifier: GPL-3.0-or-later
#include "Application.h"

#include "StartupReport.h"
#include "desktop/AppSettings.h"
#include "desktop/KeychainPassphraseStore.h"
#include "desktop/LanguageManager.h"
#include "desktop/SingleInstance.h"
#include "facade/LogFeed.h"
#include "identity/NodeIdentity.h"
#include "identity/PassphraseSource.h"
#include "node/Profile.h"
#include "windows/MainWindow.h"
#include "windows/UnlockDialog.h"
#include "wizard/SetupModel.h"
#include "wizard/SetupWizard.h"

#include <QApplication>
#include <QEventLoop>
#include <QMessageBox>

namespace orion::app {

Application::Application(Options options, BackendMaker maker, QObject *parent)
    : QObject(parent)
    , m_options(std::move(options))
    , m_maker(std::move(maker)) {
    m_logs = new facade::LogFeed(this);
    m_settings = new desktop::AppSettings(m_options.profileDir, this);
    m_language = new desktop::LanguageManager(this);
    m_language->apply(m_settings->language());
}

Application::~Application() {
    if (m_node) {
        m_node->stopAndWait();
    }
    delete m_window;
}

bool Application::start() {
    m_instance = new desktop::SingleInstance(m_options.profileDir, this);
    if (m_instance->notifyRunningInstance()) {
        return false;
    }
    if (!m_instance->listen()) {
        qWarning("orion: could not claim the single-instance socket; continuing");
    }

    const node::Profile profile(m_options.profileDir);
    if (!profile.hasIdentity()) {
        if (!m_keyring) {
            m_keyring = new desktop::KeychainPassphraseStore(this);
        }
        wizard::SetupModel model(m_options.profileDir);
        model.setKeyringUnavailableReason(m_keyring->unavailableReason());
        wizard::SetupWizard wizard(&model);
        connect(m_instance, &desktop::SingleInstance::activationRequested, &wizard, [&wizard]() {
            wizard.raise();
            wizard.activateWindow();
        });
        if (wizard.exec() != QDialog::Accepted || !model.isCommitted()) {
            return false;
        }
        // The settings file was just written by the wizard: read it afresh.
        delete m_settings;
        m_settings = new desktop::AppSettings(m_options.profileDir, this);
        if (model.rememberPassphrase()) {
            m_keyring->write(desktop::PassphraseStore::accountFor(m_options.profileDir),
                             model.passphrase(), this, [this](const Status &stored) {
                                 m_settings->setRememberPassphrase(stored.ok());
                                 if (!stored) {
                                     qWarning("orion: the keyring: %s", qPrintable(stored.error()));
                                 }
                             });
        }
        startSession(model.passphrase().clone());
        return true;
    }
    std::optional<crypto::SecureBuffer> passphrase = obtainPassphrase();
    if (!passphrase) {
        return false;
    }
    startSession(std::move(*passphrase));
    return true;
}

std::optional<crypto::SecureBuffer> Application::obtainPassphrase() {
    const node::Profile profile(m_options.profileDir);
    const auto pub = identity::NodeIdentity::readPublic(profile.identityPath());
    if (pub && !pub->encrypted) {
        return crypto::SecureBuffer();
    }
    // Same variable as orion-node, so scripted starts and benchmarks need no prompt.
    auto fromEnvironment = identity::PassphraseSource::readEnvironment(
        identity::PassphraseSource::kEnvironmentVariable);
    if (fromEnvironment) {
        return std::move(fromEnvironment).value();
    }
    if (!m_keyring) {
        m_keyring = new desktop::KeychainPassphraseStore(this);
    }
    windows::UnlockDialog dialog(profile.identityPath(),
                                 desktop::DesktopIntegration::profileName(m_options.profileDir));
    dialog.setPassphraseStore(m_keyring, desktop::PassphraseStore::accountFor(m_options.profileDir),
                              m_settings->rememberPassphrase());
    // The remembered passphrase first, without a window; the dialog only when it fails
    // (saying why).
    bool opened = false;
    QEventLoop wait;
    connect(&dialog, &windows::UnlockDialog::storedAttemptFinished, &wait, [&](bool ok) {
        opened = ok;
        wait.quit();
    });
    if (dialog.tryStoredPassphrase()) {
        wait.exec();
    }
    if (!opened && dialog.exec() != QDialog::Accepted) {
        return std::nullopt;
    }
    m_settings->setRememberPassphrase(dialog.rememberPassphrase());
    if (const Status keyring = dialog.keyringResult(); !keyring) {
        qWarning("orion: the keyring: %s", qPrintable(keyring.error()));
    }
    return dialog.takePassphrase();
}

void Application::startSession(crypto::SecureBuffer passphrase) {
    auto secret = std::make_shared<const crypto::SecureBuffer>(std::move(passphrase));
    const QString dir = m_options.profileDir;
    BackendMaker maker = m_maker;
    m_node =
        new facade::NodeController([maker, dir, secret]() { return maker(dir, secret); }, this);
    m_desktop = new desktop::DesktopIntegration(m_node, m_settings, dir, m_options.trayMode, this);
    m_window = new windows::MainWindow(m_node, m_logs, m_settings, m_desktop, dir);
    m_desktop->setWindow(m_window);
    connect(m_window, &windows::MainWindow::quitRequested, this, &Application::quit);
    connect(m_desktop, &desktop::DesktopIntegration::quitRequested, this, &Application::quit);
    connect(m_desktop, &desktop::DesktopIntegration::showWindowRequested, m_window,
            &windows::MainWindow::activate);
    connect(m_window, &windows::MainWindow::settingsChanged, this, &Application::applySettings);
    // Remembering turned off (in the settings): the keyring forgets the passphrase too.
    connect(m_settings, &desktop::AppSettings::changed, this, [this](const QString &key) {
        if (key != desktop::AppSettings::kRememberPassphrase.key() ||
            m_settings->rememberPassphrase()) {
            return;
        }
        if (!m_keyring) {
            m_keyring = new desktop::KeychainPassphraseStore(this);
        }
        m_keyring->remove(desktop::PassphraseStore::accountFor(m_options.profileDir), this,
                          [](const Status &removed) {
                              if (!removed) {
                                  qWarning("orion: the keyring: %s", qPrintable(removed.error()));
                              }
                          });
    });
    if (m_instance) {
        connect(m_instance, &desktop::SingleInstance::activationRequested, m_window,
                &windows::MainWindow::activate);
    }

    StartupReport::watch(m_window);
    const bool minimized = m_options.minimized || m_settings->startMinimized();
    if (!(minimized && m_desktop->hasTray())) {
        m_window->show();
    }
    if (m_settings->startAtLogin()) {
        // Refresh the entry: the program may have moved since it was written.
        (void)desktop::DesktopIntegration::setAutostart(true, dir);
    }
    m_node->start();
}

void Application::applySettings() {
    m_language->apply(m_settings->language());
}

void Application::quit() {
    if (m_window) {
        m_window->hide();
    }
    if (m_node) {
        m_node->stopAndWait();
    }
    // exit(), not quit(): quit() would first ask the (hidden) main window to close, which
    // keeps itself open for the tray.
    QCoreApplication::exit(0);
}

} // namespace orion::app
