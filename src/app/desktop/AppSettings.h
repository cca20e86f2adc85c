// SPDX-License-Identifier: GPL-3.0-or-later
// AppSettings: the desktop application's typed settings with their defaults in one place,
// stored in the profile's settings file, versioned with migrations. GUI thread.
#pragma once

#include <QObject>
#include <QString>

#include <memory>

class QSettings;

namespace orion::app::desktop {

class AppSettings : public QObject {
    Q_OBJECT

public:
    static constexpr int kVersion = 1;
    static constexpr quint16 kDefaultPort = 7400;
    static constexpr const char *kFileName = "settings.ini";

    // Reads (and migrates) <profileDir>/settings.ini.
    explicit AppSettings(const QString &profileDir, QObject *parent = nullptr);
    ~AppSettings() override;

    quint16 port() const;
    void setPort(quint16 port);
    bool startAtLogin() const;
    void setStartAtLogin(bool on);
    bool startMinimized() const;
    void setStartMinimized(bool on);
    bool closeToTray() const;
    void setCloseToTray(bool on);
    // BCP 47 name ("de", "en"), or empty to follow the system.
    QString language() const;
    void setLanguage(const QString &language);

    QString fileName() const;
    void sync();

Q_SIGNALS:
    void changed(const QString &key);

private:
    void migrate();
    void write(const QString &key, const QVariant &value);

    std::unique_ptr<QSettings> m_settings;
};

} // namespace orion::app::desktop
