// SPDX-License-Identifier: GPL-3.0-or-later
#include "node/Settings.h"

#include "node/SettingsKeys.h"

#include <QFileInfo>
#include <QSettings>

namespace orion::node {

namespace {
// Before version 2 the desktop app recorded its own version under gui/version, while
// orion-node init wrote general/settingsVersion, which QSettings stores as [%General] and
// reads back as General/settingsVersion: one profile could carry both.
const QStringList kOldVersionKeys{QStringLiteral("General/settingsVersion"),
                                  QStringLiteral("general/settingsVersion"),
                                  QStringLiteral("gui/version")};

void removeOldVersionKeys(QSettings &settings) {
    for (const QString &key : kOldVersionKeys) {
        settings.remove(key);
    }
}
} // namespace

Settings::Settings(const Profile &profile)
    : Settings(profile.settingsPath()) {}

Settings::Settings(const QString &fileName)
    : m_settings(std::make_unique<QSettings>(fileName, QSettings::IniFormat)) {}

Settings::~Settings() = default;

int Settings::versionOf(const QSettings &settings) {
    const QString key = keys::kSettingsVersion.key();
    if (settings.contains(key)) {
        return settings.value(key).toInt();
    }
    for (const QString &key : kOldVersionKeys) {
        if (settings.contains(key)) {
            return 1;
        }
    }
    return 0;
}

bool Settings::migrate(QSettings &settings) {
    if (!QFileInfo::exists(settings.fileName())) {
        return false;
    }
    const int from = versionOf(settings);
    if (from >= kVersion) {
        return false;
    }
    // 0, 1 -> 2: the keys and their meaning stayed; the version is kept under one key now,
    // outside the "General" group. Both faces always read the node's keys the same way.
    removeOldVersionKeys(settings);
    settings.setValue(keys::kSettingsVersion.key(), kVersion);
    return true;
}

int Settings::version() const {
    return versionOf(*m_settings);
}

bool Settings::migrateFile() {
    if (!migrate(*m_settings)) {
        return false;
    }
    m_settings->sync();
    return true;
}

void Settings::write(const QString &key, const QVariant &value) {
    // A file that does not exist yet starts at the current version.
    if (!migrate(*m_settings) && versionOf(*m_settings) == 0) {
        m_settings->setValue(keys::kSettingsVersion.key(), kVersion);
    }
    m_settings->setValue(key, value);
}

quint16 Settings::port() const {
    bool ok = false;
    const uint port = m_settings->value(keys::kPort.key(), keys::kPort.defaultValue).toUInt(&ok);
    return ok && port <= 65535 ? quint16(port) : keys::kPort.defaultValue;
}

void Settings::setPort(quint16 port) {
    write(keys::kPort.key(), port);
}

QStringList Settings::addresses() const {
    return m_settings->value(keys::kAddresses.key()).toStringList();
}

void Settings::setAddresses(const QStringList &addresses) {
    if (addresses.isEmpty()) {
        // Absent means none; QSettings would write an empty list as "@Invalid()".
        m_settings->remove(keys::kAddresses.key());
        return;
    }
    write(keys::kAddresses.key(), addresses);
}

bool Settings::boolean(const SettingKey<bool> &key) const {
    return m_settings->value(key.key(), key.defaultValue).toBool();
}

void Settings::setBoolean(const SettingKey<bool> &key, bool on) {
    write(key.key(), on);
}

QString Settings::text(const SettingKey<const char *> &key) const {
    return m_settings->value(key.key(), QString::fromUtf8(key.defaultValue)).toString();
}

void Settings::setText(const SettingKey<const char *> &key, const QString &text) {
    write(key.key(), text);
}

Status Settings::sync() {
    m_settings->sync();
    if (m_settings->status() != QSettings::NoError) {
        return Status::failure(QStringLiteral("cannot write %1").arg(m_settings->fileName()));
    }
    return Status::success();
}

QString Settings::fileName() const {
    return m_settings->fileName();
}

} // namespace orion::node
