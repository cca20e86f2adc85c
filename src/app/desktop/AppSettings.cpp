// SPDX-License-Identifier: GPL-3.0-or-later
#include "desktop/AppSettings.h"

#include "node/Profile.h"
#include "node/Settings.h"

#include <QSettings>

namespace orion::app::desktop {

AppSettings::AppSettings(const QString &profileDir, QObject *parent)
    : QObject(parent)
    , m_settings(std::make_unique<node::Settings>(node::Profile(profileDir))) {
    m_settings->migrateFile();
}

AppSettings::~AppSettings() = default;

std::vector<node::SettingInfo> AppSettings::settingKeys() {
    const auto boolean = [](const node::SettingKey<bool> &key) {
        return node::SettingInfo{key.key(), QStringLiteral("boolean"),
                                 key.defaultValue ? QStringLiteral("true")
                                                  : QStringLiteral("false")};
    };
    return {boolean(kStartAtLogin),
            boolean(kStartMinimized),
            boolean(kCloseToTray),
            boolean(kRememberPassphrase),
            {kLanguage.key(), QStringLiteral("text"), QString::fromUtf8(kLanguage.defaultValue)}};
}

template <typename Store>
void AppSettings::update(const QString &key, const QVariant &value, Store store) {
    if (m_settings->qsettings().value(key) == value) {
        return;
    }
    store();
    Q_EMIT changed(key);
}

quint16 AppSettings::port() const {
    return m_settings->port();
}

void AppSettings::setPort(quint16 port) {
    update(node::keys::kPort.key(), port, [&]() { m_settings->setPort(port); });
}

bool AppSettings::startAtLogin() const {
    return m_settings->boolean(kStartAtLogin);
}

void AppSettings::setStartAtLogin(bool on) {
    update(kStartAtLogin.key(), on, [&]() { m_settings->setBoolean(kStartAtLogin, on); });
}

bool AppSettings::startMinimized() const {
    return m_settings->boolean(kStartMinimized);
}

void AppSettings::setStartMinimized(bool on) {
    update(kStartMinimized.key(), on, [&]() { m_settings->setBoolean(kStartMinimized, on); });
}

bool AppSettings::closeToTray() const {
    return m_settings->boolean(kCloseToTray);
}

void AppSettings::setCloseToTray(bool on) {
    update(kCloseToTray.key(), on, [&]() { m_settings->setBoolean(kCloseToTray, on); });
}

bool AppSettings::rememberPassphrase() const {
    return m_settings->boolean(kRememberPassphrase);
}

void AppSettings::setRememberPassphrase(bool on) {
    update(kRememberPassphrase.key(), on,
           [&]() { m_settings->setBoolean(kRememberPassphrase, on); });
}

QString AppSettings::language() const {
    return m_settings->text(kLanguage);
}

void AppSettings::setLanguage(const QString &language) {
    update(kLanguage.key(), language, [&]() { m_settings->setText(kLanguage, language); });
}

QString AppSettings::fileName() const {
    return m_settings->fileName();
}

void AppSettings::sync() {
    (void)m_settings->sync();
}

} // namespace orion::app::desktop
