// SPDX-License-Identifier: GPL-3.0-or-later
// SingleInstance: one running application per profile. The first instance listens on a
// local socket named after the profile path; later ones ask it to come forward and exit.
// GUI thread.
#pragma once

#include <QObject>
#include <QString>

class QLocalServer;

namespace orion::app::desktop {

class SingleInstance : public QObject {
    Q_OBJECT

public:
    explicit SingleInstance(const QString &profileDir, QObject *parent = nullptr);
    ~SingleInstance() override;

    // The socket name for a profile: stable, derived from its absolute path.
    static QString serverName(const QString &profileDir);

    // True when another instance runs this profile; it has been asked to show its window.
    bool notifyRunningInstance(int timeoutMs = 2000);
    // Becomes the instance for this profile (removing a socket left by a crash).
    bool listen();

Q_SIGNALS:
    void activationRequested();

private:
    void handleConnection();

    QString m_name;
    QLocalServer *m_server = nullptr;
};

} // namespace orion::app::desktop
