// SPDX-License-Identifier: GPL-3.0-or-later
#include "desktop/AppSettings.h"

#include <QDir>
#include <QFileInfo>
#include <QSettings>

namespace orion::app::desktop {

namespace {
const QString kVersionKey = QStringLiteral("gui/version");
const QString kPortKey = QStringLiteral("network/port");
const QString kStartAtLoginKey = QStringLiteral("gui/startAtLogin");
const QString kStartMinimizedKey = QStringLiteral("gui/startMinimized");
const QString kCloseToTrayKey = QStringLiteral("gui/closeToTray");
const QString kLanguageKey = QStringLiteral("gui/language");
} // namespace

AppSettings::AppSettings(const QString &profileDir, QObject *parent)
    : QObject(parent)
    , m_settings(std::make_unique<QSettings>(QDir(profileDir).filePath(QLatin1String(kFileName)),
                                             QSettings::IniFormat)) {
    migrate();
}

AppSettings::~AppSettings() = default;

void AppSettings::migrate() {
    const int version = m_settings->value(kVersionKey, 0).toInt();
    if (version == kVersion) {
        return;
    }
    // Version 0 is "no GUI settings yet": nothing to carry over, only stamp the version,
    // and only if the file exists already (reading must not create files in the profile).
    if (version < kVersion && QFileInfo::exists(m_settings->fileName())) {
        m_settings->setValue(kVersionKey, kVersion);
    }
}

void AppSettings::write(const QString &key, const QVariant &value) {
    if (m_settings->value(key) == value) {
        return;
    }
    m_settings->setValue(key, value);
    m_settings->setValue(kVersionKey, kVersion);
    Q_EMIT changed(key);
}

quint16 AppSettings::port() const {
    bool ok = false;
    const uint port = m_settings->value(kPortKey, kDefaultPort).toUInt(&ok);
    return ok && port > 0 && port <= 65535 ? quint16(port) : kDefaultPort;
}

void AppSettings::setPort(quint16 port) {
    write(kPortKey, port);
}

bool AppSettings::startAtLogin() const {
    return m_settings->value(kStartAtLoginKey, false).toBool();
}

void AppSettings::setStartAtLogin(bool on) {
    write(kStartAtLoginKey, on);
}

bool AppSettings::startMinimized() const {
    return m_settings->value(kStartMinimizedKey, false).toBool();
}

void AppSettings::setStartMinimized(bool on) {
    write(kStartMinimizedKey, on);
}

bool AppSettings::closeToTray() const {
    return m_settings->value(kCloseToTrayKey, true).toBool();
}

void AppSettings::setCloseToTray(bool on) {
    write(kCloseToTrayKey, on);
}

QString AppSettings::language() const {
    return m_settings->value(kLanguageKey).toString();
}

void AppSettings::setLanguage(const QString &language) {
    write(kLanguageKey, language);
}

QString AppSettings::fileName() const {
    return m_settings->fileName();
}

void AppSettings::sync() {
    m_settings->sync();
}

} // namespace orion::app::desktop
