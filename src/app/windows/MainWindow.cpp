// SPDX-License-Identifier: GPL-3.0-or-later
#include "windows/MainWindow.h"

#include "desktop/AppSettings.h"
#include "desktop/DesktopIntegration.h"
#include "desktop/Icons.h"
#include "facade/NodeController.h"
#include "node/Profile.h"
#include "ui_MainWindow.h"
#include "windows/ChangePassphraseDialog.h"
#include "windows/ConsolePage.h"
#include "windows/ContainersPage.h"
#include "windows/LogPage.h"
#include "windows/NetworkDialog.h"
#include "windows/RoutingPage.h"
#include "windows/SettingsDialog.h"
#include "windows/StatusPage.h"

#include <QClipboard>
#include <QCloseEvent>
#include <QDesktopServices>
#include <QDir>
#include <QFile>
#include <QFileDialog>
#include <QGuiApplication>
#include <QMessageBox>
#include <QSaveFile>
#include <QStatusBar>
#include <QUrl>

namespace orion::app::windows {

MainWindow::MainWindow(facade::NodeController *node, facade::LogFeed *logs,
                       desktop::AppSettings *settings, desktop::DesktopIntegration *desktop,
                       const QString &profileDir, QWidget *parent)
    : QMainWindow(parent)
    , m_ui(std::make_unique<Ui::MainWindow>())
    , m_node(node)
    , m_settings(settings)
    , m_desktop(desktop)
    , m_profileDir(profileDir)
    , m_statusPage(new StatusPage(node->status()))
    , m_routingPage(new RoutingPage(node->routing()))
    , m_consolePage(new ConsolePage(node->messages(), node->status()))
    , m_containersPage(new ContainersPage(node->containers(), node->status()))
    , m_logPage(new LogPage(logs)) {
    m_ui->setupUi(this);
    setWindowIcon(desktop::Icons::app());
    m_ui->tabs->addTab(m_statusPage, desktop::Icons::status(), QString());
    m_ui->tabs->addTab(m_routingPage, desktop::Icons::routing(), QString());
    m_ui->tabs->addTab(m_containersPage, desktop::Icons::containers(), QString());
    m_ui->tabs->addTab(m_consolePage, desktop::Icons::console(), QString());
    m_ui->tabs->addTab(m_logPage, desktop::Icons::log(), QString());
    m_ui->actionCopyId->setIcon(desktop::Icons::copy());
    m_ui->actionQuit->setIcon(QIcon::fromTheme(QStringLiteral("application-exit")));
    m_ui->actionQuit->setShortcutContext(Qt::ApplicationShortcut);

    connect(m_ui->actionQuit, &QAction::triggered, this, &MainWindow::quitRequested);
    connect(m_ui->actionCloseWindow, &QAction::triggered, this, &QWidget::close);
    connect(m_ui->actionExportMember, &QAction::triggered, this, &MainWindow::exportMemberFile);
    connect(m_ui->actionImportMember, &QAction::triggered, this, &MainWindow::importMemberFile);
    connect(m_ui->actionBackupIdentity, &QAction::triggered, this, &MainWindow::backupIdentity);
    connect(m_ui->actionChangePassphrase, &QAction::triggered, this, &MainWindow::changePassphrase);
    connect(m_ui->actionOpenProfile, &QAction::triggered, this, &MainWindow::openProfileFolder);
    connect(m_ui->actionPreferences, &QAction::triggered, this, &MainWindow::openPreferences);
    connect(m_ui->actionAbout, &QAction::triggered, this, &MainWindow::about);
    connect(m_ui->actionNetwork, &QAction::triggered, this, &MainWindow::showNetwork);
    connect(m_statusPage, &StatusPage::networkRequested, this, &MainWindow::showNetwork);
    connect(m_ui->actionPause, &QAction::toggled, m_node, &facade::NodeController::setPaused);
    connect(m_node, &facade::NodeController::pausedChanged, m_ui->actionPause,
            &QAction::setChecked);
    connect(m_ui->actionCopyId, &QAction::triggered, this, [this]() {
        const QString id = m_node->status()->current().nodeId;
        if (!id.isEmpty()) {
            QGuiApplication::clipboard()->setText(id);
            statusBar()->showMessage(tr("Node ID copied."), 3000);
        }
    });

    connect(
        m_node, &facade::NodeController::memberFileExported, this,
        [this](quint64 id, const QByteArray &content, const QString &error) {
            if (id != m_exportRequest) {
                return;
            }
            if (!error.isEmpty()) {
                QMessageBox::warning(this, tr("Export member file"),
                                     tr("The member file could not be created: %1").arg(error));
                return;
            }
            const QString suggested = QDir::home().filePath(
                QStringLiteral("%1.member.json").arg(m_node->status()->current().nodeId.left(8)));
            const QString path =
                QFileDialog::getSaveFileName(this, tr("Export member file"), suggested,
                                             tr("Orion member files (*.json *.member)"));
            if (path.isEmpty()) {
                return;
            }
            QSaveFile file(path);
            if (!file.open(QIODevice::WriteOnly) || file.write(content) != content.size() ||
                !file.commit()) {
                QMessageBox::warning(this, tr("Export member file"),
                                     tr("Could not write %1.").arg(path));
                return;
            }
            statusBar()->showMessage(tr("Member file saved to %1.").arg(path), 5000);
        });
    connect(m_node, &facade::NodeController::memberFileImported, this,
            [this](quint64, const QString &error) {
                if (error.isEmpty()) {
                    statusBar()->showMessage(tr("Member file verified; connecting to the node."),
                                             5000);
                } else {
                    QMessageBox::warning(this, tr("Import member file"),
                                         tr("The member file was rejected: %1").arg(error));
                }
            });
    connect(m_node->status(), &facade::StatusFeed::statusChanged, this, &MainWindow::updateTitle);
    connect(m_desktop, &desktop::DesktopIntegration::notified, this,
            [this](const QString &title, const QString &body) {
                statusBar()->showMessage(title + QStringLiteral(": ") + body, 10000);
            });
    retranslate();
    const int em = fontMetrics().height();
    resize(70 * em, 40 * em);
}

MainWindow::~MainWindow() = default;

void MainWindow::retranslate() {
    m_ui->tabs->setTabText(m_ui->tabs->indexOf(m_statusPage), tr("S&tatus"));
    m_ui->tabs->setTabText(m_ui->tabs->indexOf(m_routingPage), tr("&Routing"));
    m_ui->tabs->setTabText(m_ui->tabs->indexOf(m_containersPage), tr("C&ontainers"));
    m_ui->tabs->setTabText(m_ui->tabs->indexOf(m_consolePage), tr("&Console"));
    m_ui->tabs->setTabText(m_ui->tabs->indexOf(m_logPage), tr("&Log"));
    updateTitle();
}

void MainWindow::updateTitle() {
    const facade::NodeStatus &s = m_node->status()->current();
    // The platform appends the application's display name ("— Orion") itself.
    setWindowTitle(tr("%1 (%2)").arg(desktop::DesktopIntegration::profileName(m_profileDir),
                                     facade::NodeStateText::label(s)));
    m_ui->actionCopyId->setEnabled(!s.nodeId.isEmpty());
    m_ui->actionExportMember->setEnabled(!s.nodeId.isEmpty());
}

NetworkDialog *MainWindow::showNetwork() {
    // One window, asked afresh each time it opens: the card follows the node's addresses.
    if (m_networkDialog) {
        m_networkDialog->close();
        m_networkDialog->deleteLater();
    }
    m_networkDialog = new NetworkDialog(m_node, this);
    m_networkDialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(m_networkDialog, &QObject::destroyed, this, [this](QObject *gone) {
        if (gone == m_networkDialog) {
            m_networkDialog = nullptr;
        }
    });
    m_networkDialog->show();
    m_networkDialog->raise();
    m_networkDialog->activateWindow();
    return m_networkDialog;
}

void MainWindow::showPage(QWidget *page) {
    m_ui->tabs->setCurrentWidget(page);
}

void MainWindow::activate() {
    show();
    if (isMinimized()) {
        showNormal();
    }
    raise();
    activateWindow();
    m_desktop->retranslate();
}

void MainWindow::closeEvent(QCloseEvent *event) {
    if (m_desktop->closesToTray()) {
        // The node keeps running; only the window goes away.
        hide();
        event->ignore();
        if (!m_toldAboutTray) {
            m_toldAboutTray = true;
            m_desktop->notify(tr("Orion is still running"),
                              tr("The node keeps running in the tray. Use Quit to stop it."));
        }
        m_desktop->retranslate();
        return;
    }
    event->ignore();
    const auto answer = QMessageBox::question(
        this, tr("Quit Orion?"),
        tr("Closing the window stops the node, and other nodes can no longer reach it "
           "through you. Quit Orion?"),
        QMessageBox::Yes | QMessageBox::No, QMessageBox::No);
    if (answer == QMessageBox::Yes) {
        Q_EMIT quitRequested();
    }
}

void MainWindow::changeEvent(QEvent *event) {
    if (event->type() == QEvent::LanguageChange) {
        m_ui->retranslateUi(this);
        retranslate();
    }
    QMainWindow::changeEvent(event);
}

void MainWindow::exportMemberFile() {
    m_exportRequest = m_node->exportMemberFile();
}

void MainWindow::importMemberFile() {
    const QString path =
        QFileDialog::getOpenFileName(this, tr("Import member file"), QString(),
                                     tr("Orion member files (*.json *.member);;All files (*)"));
    if (path.isEmpty()) {
        return;
    }
    QFile file(path);
    // Member files are a few hundred bytes; refuse anything absurd before reading it.
    if (!file.open(QIODevice::ReadOnly) || file.size() > 64 * 1024) {
        QMessageBox::warning(this, tr("Import member file"),
                             tr("%1 cannot be read or is not a member file.").arg(path));
        return;
    }
    m_node->importMemberFile(file.readAll());
}

void MainWindow::backupIdentity() {
    const node::Profile profile(m_profileDir);
    const QString path = QFileDialog::getSaveFileName(
        this, tr("Back up identity"),
        QDir::home().filePath(QStringLiteral("orion-identity-backup.key")),
        tr("Orion identity (*.key)"));
    if (path.isEmpty()) {
        return;
    }
    QFile::remove(path);
    if (!QFile::copy(profile.identityPath(), path)) {
        QMessageBox::warning(this, tr("Back up identity"), tr("Could not write %1.").arg(path));
        return;
    }
    QFile::setPermissions(path, QFile::ReadOwner | QFile::WriteOwner);
    statusBar()->showMessage(
        tr("Encrypted identity saved to %1. It opens only with your passphrase.").arg(path), 8000);
}

void MainWindow::changePassphrase() {
    ChangePassphraseDialog dialog(m_profileDir, this);
    if (dialog.exec() == QDialog::Accepted) {
        statusBar()->showMessage(dialog.resultMessage(), 8000);
    }
}

void MainWindow::openProfileFolder() {
    QDesktopServices::openUrl(QUrl::fromLocalFile(m_profileDir));
}

void MainWindow::openPreferences() {
    SettingsDialog dialog(m_settings, m_profileDir, m_desktop->hasTray(), this);
    if (dialog.exec() == QDialog::Accepted) {
        const Status autostart =
            desktop::DesktopIntegration::setAutostart(m_settings->startAtLogin(), m_profileDir);
        if (!autostart) {
            QMessageBox::warning(this, tr("Start at login"), autostart.error());
        }
        Q_EMIT settingsChanged();
    }
}

void MainWindow::about() {
    QMessageBox::about(
        this, tr("About Orion"),
        tr("<h3>Orion %1</h3><p>A decentralized messaging node: nodes know each other by keys, "
           "connect over encrypted TCP and route messages without a central server.</p>"
           "<p>Profile: %2</p><p>Licensed under the GNU GPL, version 3 or later.</p>")
            .arg(QStringLiteral(ORION_VERSION), m_profileDir.toHtmlEscaped()));
}

} // namespace orion::app::windows
