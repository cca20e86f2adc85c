// SPDX-License-Identifier: GPL-3.0-or-later
#include "desktop/DesktopIntegration.h"

#include "node/NodeStateWords.h"

#include "desktop/AppSettings.h"
#include "desktop/Icons.h"
#include "facade/NodeController.h"

#include <QAction>
#include <QClipboard>
#include <QCoreApplication>
#include <QDBusConnection>
#include <QDBusConnectionInterface>
#include <QDBusMessage>
#include <QDir>
#include <QEvent>
#include <QFileInfo>
#include <QGuiApplication>
#include <QMenu>
#include <QSaveFile>
#include <QStandardPaths>
#include <QSystemTrayIcon>
#include <QWidget>

namespace orion::app::desktop {

using facade::NodeEvent;
using facade::NodeState;

DesktopIntegration::DesktopIntegration(facade::NodeController *node, AppSettings *settings,
                                       const QString &profileDir, TrayMode mode, QObject *parent)
    : QObject(parent)
    , m_node(node)
    , m_settings(settings)
    , m_profileDir(profileDir) {
    m_menu = new QMenu();
    m_toggleWindow = m_menu->addAction(QString(), this, &DesktopIntegration::toggleWindow);
    m_menu->addSeparator();
    m_pause = m_menu->addAction(QString());
    m_pause->setCheckable(true);
    connect(m_pause, &QAction::toggled, m_node, &facade::NodeController::setPaused);
    connect(m_node, &facade::NodeController::pausedChanged, m_pause, &QAction::setChecked);
    m_copyId = m_menu->addAction(Icons::copy(), QString(), this, &DesktopIntegration::copyNodeId);
    m_menu->addSeparator();
    m_quit = m_menu->addAction(QIcon::fromTheme(QStringLiteral("application-exit")), QString(),
                               this, &DesktopIntegration::quitRequested);
    m_quit->setShortcut(QKeySequence::Quit);

    const bool wantTray = mode == TrayMode::Always ||
                          (mode == TrayMode::Auto && QSystemTrayIcon::isSystemTrayAvailable());
    if (wantTray) {
        m_tray = new QSystemTrayIcon(Icons::tray(NodeState::Stopped), this);
        m_tray->setContextMenu(m_menu);
        connect(m_tray, &QSystemTrayIcon::activated, this,
                [this](QSystemTrayIcon::ActivationReason reason) {
                    if (reason == QSystemTrayIcon::Trigger ||
                        reason == QSystemTrayIcon::DoubleClick) {
                        toggleWindow();
                    }
                });
        m_tray->show();
    }
    connect(m_node->status(), &facade::StatusFeed::stateChanged, this,
            &DesktopIntegration::updateState);
    connect(m_node->status(), &facade::StatusFeed::nodeEvent, this, &DesktopIntegration::onEvent);
    retranslate();
    updateState(m_node->status()->current().state);
    connect(m_menu, &QMenu::aboutToShow, this, &DesktopIntegration::retranslate);
}

DesktopIntegration::~DesktopIntegration() {
    delete m_menu; // a context menu has no QObject parent (it is a top-level widget)
}

void DesktopIntegration::setWindow(QWidget *window) {
    m_window = window;
    retranslate();
}

bool DesktopIntegration::hasTray() const {
    return m_tray && m_tray->isVisible();
}

bool DesktopIntegration::closesToTray() const {
    return hasTray() && m_settings->closeToTray();
}

QString DesktopIntegration::profileName(const QString &profileDir) {
    return QFileInfo(QDir::cleanPath(profileDir)).fileName();
}

QString DesktopIntegration::toolTip() const {
    const facade::NodeStatus &status = m_node->status()->current();
    // The state words carry the peer count ("online (3 peers)"), as orionctl status does.
    const QString text =
        tr("Orion (%1): %2").arg(profileName(m_profileDir), facade::NodeStateText::label(status));
    if (status.state != NodeState::Online && status.state != NodeState::Connecting) {
        return text;
    }
    // Whether others can dial this node: behind NAT it is reached only through its own
    // connections, which the user may want to know before inviting anyone.
    return tr("%1 · %2").arg(text, node::NodeStateWords::reachability(status));
}

void DesktopIntegration::retranslate() {
    const bool visible = m_window && m_window->isVisible();
    m_toggleWindow->setText(visible ? tr("&Hide Orion") : tr("&Show Orion"));
    m_pause->setText(tr("&Pause networking"));
    m_copyId->setText(tr("&Copy node ID"));
    m_quit->setText(tr("&Quit"));
    if (m_tray) {
        m_tray->setToolTip(toolTip());
    }
}

void DesktopIntegration::updateState(NodeState state) {
    if (m_tray) {
        m_tray->setIcon(Icons::tray(state));
        m_tray->setToolTip(toolTip());
    }
    m_copyId->setEnabled(!m_node->status()->current().nodeId.isEmpty());
    m_pause->setEnabled(state != NodeState::Stopped && state != NodeState::Failed);
}

void DesktopIntegration::onEvent(const NodeEvent &event) {
    switch (event.kind) {
    case NodeEvent::Kind::FirstPeerConnected:
        notify(tr("Orion is online"), tr("The first peer has connected."));
        break;
    case NodeEvent::Kind::ConnectionLost:
        notify(tr("Orion is offline"), tr("The connection to the last peer was lost."));
        break;
    case NodeEvent::Kind::Error:
        notify(tr("Orion has a problem"), event.detail, true);
        break;
    }
}

void DesktopIntegration::toggleWindow() {
    if (m_window && m_window->isVisible() && !m_window->isMinimized()) {
        m_window->hide();
    } else {
        Q_EMIT showWindowRequested();
    }
    retranslate();
}

void DesktopIntegration::copyNodeId() {
    const QString id = m_node->status()->current().nodeId;
    if (!id.isEmpty()) {
        QGuiApplication::clipboard()->setText(id);
    }
}

bool DesktopIntegration::sendDesktopNotification(const QString &title, const QString &body,
                                                 bool error) {
    QDBusConnection bus = QDBusConnection::sessionBus();
    const QString service = QStringLiteral("org.freedesktop.Notifications");
    if (!bus.isConnected() || !bus.interface() ||
        !bus.interface()->isServiceRegistered(service).value()) {
        return false;
    }
    QDBusMessage call =
        QDBusMessage::createMethodCall(service, QStringLiteral("/org/freedesktop/Notifications"),
                                       service, QStringLiteral("Notify"));
    QVariantMap hints;
    hints.insert(QStringLiteral("urgency"), QVariant::fromValue<uchar>(error ? 2 : 1));
    hints.insert(QStringLiteral("desktop-entry"), QStringLiteral("org.orion.Orion"));
    call << QStringLiteral("Orion") << uint(0) << QStringLiteral("org.orion.Orion") << title << body
         << QStringList() << hints << int(-1);
    return bus.send(call);
}

void DesktopIntegration::notify(const QString &title, const QString &body, bool error) {
    if (!sendDesktopNotification(title, body, error) && hasTray()) {
        m_tray->showMessage(title, body,
                            error ? QSystemTrayIcon::Critical : QSystemTrayIcon::Information);
    }
    Q_EMIT notified(title, body);
}

QString DesktopIntegration::autostartPath(const QString &configDir) {
    const QString base =
        configDir.isEmpty()
            ? QStandardPaths::writableLocation(QStandardPaths::GenericConfigLocation)
            : configDir;
    return QDir(base).filePath(QStringLiteral("autostart/orion.desktop"));
}

QString DesktopIntegration::autostartTemplatePath() {
    // The installed entry sits at a fixed place relative to the installed program, so an
    // installation under any prefix (or DESTDIR moved into place) finds its own copy.
    const QString installed = QDir(QCoreApplication::applicationDirPath())
                                  .filePath(QStringLiteral(ORION_AUTOSTART_TEMPLATE));
    return QFileInfo::exists(installed) ? QDir::cleanPath(installed)
                                        : QStringLiteral(":/packaging/autostart.desktop");
}

Status DesktopIntegration::setAutostart(bool enabled, const QString &profileDir,
                                        const QString &configDir) {
    const QString path = autostartPath(configDir);
    if (!enabled) {
        if (QFileInfo::exists(path) && !QFile::remove(path)) {
            return Status::failure(tr("Could not remove %1.").arg(path));
        }
        return Status::success();
    }
    if (!QDir().mkpath(QFileInfo(path).absolutePath())) {
        return Status::failure(tr("Could not create %1.").arg(QFileInfo(path).absolutePath()));
    }
    QFile source(autostartTemplatePath());
    if (!source.open(QIODevice::ReadOnly)) {
        return Status::failure(tr("Could not read %1.").arg(source.fileName()));
    }
    auto quote = [](const QString &arg) {
        QString escaped = arg;
        escaped.replace(QLatin1Char('\\'), QLatin1String("\\\\"))
            .replace(QLatin1Char('"'), QLatin1String("\\\""))
            .replace(QLatin1Char('`'), QLatin1String("\\`"))
            .replace(QLatin1Char('$'), QLatin1String("\\$"));
        return QLatin1Char('"') + escaped + QLatin1Char('"');
    };
    // The packaged entry gives names, icon and the arguments (--minimized); the program is
    // this one, so a build started from its own tree starts itself at login, and the profile
    // is the one this window runs.
    QByteArray entry;
    bool hasExec = false;
    for (const QByteArray &line : source.readAll().split('\n')) {
        if (line.startsWith("Exec=") && !hasExec) {
            const QByteArray command = line.mid(5).trimmed();
            const qsizetype space = command.indexOf(' ');
            const QByteArray arguments = space < 0 ? QByteArray() : command.mid(space);
            entry += "Exec=" + quote(QCoreApplication::applicationFilePath()).toUtf8() + arguments +
                     " --profile " + quote(QFileInfo(profileDir).absoluteFilePath()).toUtf8() +
                     '\n';
            hasExec = true;
        } else if (!line.isEmpty() || !entry.isEmpty()) {
            entry += line + '\n';
        }
    }
    while (entry.endsWith("\n\n")) {
        entry.chop(1);
    }
    if (!hasExec) {
        return Status::failure(tr("%1 has no Exec line.").arg(source.fileName()));
    }
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(entry) != entry.size() || !file.commit()) {
        return Status::failure(tr("Could not write %1.").arg(path));
    }
    return Status::success();
}

} // namespace orion::app::desktop
