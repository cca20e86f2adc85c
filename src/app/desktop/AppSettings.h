// SPDX-License-Identifier: GPL-3.0-or-later
// AppSettings: the desktop application's typed settings with their defaults in one place,
// stored in the profile's settings file through node::Settings (one version, one set of
// migrations for both faces), with change notification. GUI thread.
#pragma once

#include "node/SettingKey.h"
#include "node/SettingsKeys.h"

#include <QObject>
#include <QString>

#include <memory>
#include <vector>

namespace orion::node {
class Settings;
}

namespace orion::app::desktop {

class AppSettings : public QObject {
    Q_OBJECT

public:
    static constexpr quint16 kDefaultPort = node::keys::kPort.defaultValue;
    static constexpr const char *kFileName = "settings.ini";

    static constexpr node::SettingKey<bool> kStartAtLogin{"gui/startAtLogin", false};
    static constexpr node::SettingKey<bool> kStartMinimized{"gui/startMinimized", false};
    static constexpr node::SettingKey<bool> kCloseToTray{"gui/closeToTray", true};
    // The passphrase is kept in the desktop's keyring and the identity unlocks at start.
    static constexpr node::SettingKey<bool> kRememberPassphrase{"gui/rememberPassphrase", false};
    // BCP 47 name ("de", "en"), or empty to follow the system.
    static constexpr node::SettingKey<const char *> kLanguage{"gui/language", ""};

    // Reads <profileDir>/settings.ini and migrates an older layout of it (a file that does
    // not exist is not created).
    explicit AppSettings(const QString &profileDir, QObject *parent = nullptr);
    ~AppSettings() override;

    // The desktop app's own keys (docs/settings.md lists them with the node's).
    static std::vector<node::SettingInfo> settingKeys();

    quint16 port() const;
    void setPort(quint16 port);
    bool startAtLogin() const;
    void setStartAtLogin(bool on);
    bool startMinimized() const;
    void setStartMinimized(bool on);
    bool closeToTray() const;
    void setCloseToTray(bool on);
    bool rememberPassphrase() const;
    void setRememberPassphrase(bool on);
    QString language() const;
    void setLanguage(const QString &language);

    QString fileName() const;
    void sync();

Q_SIGNALS:
    void changed(const QString &key);

private:
    // Stores through `store` unless the file holds `value` already; then says so.
    template <typename Store>
    void update(const QString &key, const QVariant &value, Store store);

    std::unique_ptr<node::Settings> m_settings;
};

} // namespace orion::app::desktop
