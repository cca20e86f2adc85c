// SPDX-License-Identifier: GPL-3.0-or-later
// Settings: typed access to a profile's settings.ini, brought up to the current layout
// version whenever it is written (migrations below). Owns its QSettings; one thread at a time.
#pragma once

#include "node/Profile.h"
#include "node/SettingKey.h"
#include "util/Result.h"

#include <QStringList>

#include <memory>

class QSettings;

namespace orion::node {

class Settings {
public:
    // Layout versions: 0 no version recorded; 1 as written by orion-node init
    // (general/settingsVersion=1) or by the desktop app (gui/version=1) before 2; 2 one
    // version key for both, settings/version (docs/settings.md).
    static constexpr int kVersion = 2;

    // Opens <profile>/settings.ini. Reading alone writes nothing: every layout since
    // version 0 is read as it is, and an older one is migrated by the first write (or by
    // migrateFile()).
    explicit Settings(const Profile &profile);
    explicit Settings(const QString &fileName);
    ~Settings();
    Settings(const Settings &) = delete;
    Settings &operator=(const Settings &) = delete;

    // The layout version the file records (kVersion once migrated; a newer one written by a
    // later release is read as it is and never migrated back).
    int version() const;

    // A valid listening port, else the default.
    quint16 port() const;
    void setPort(quint16 port);
    QStringList addresses() const;
    void setAddresses(const QStringList &addresses);

    bool boolean(const SettingKey<bool> &key) const;
    void setBoolean(const SettingKey<bool> &key, bool on);
    QString text(const SettingKey<const char *> &key) const;
    void setText(const SettingKey<const char *> &key, const QString &text);

    // Migrates an existing file to kVersion now and writes it; true when it changed.
    bool migrateFile();
    // Writes pending changes; the error names the file.
    Status sync();
    QString fileName() const;
    // For NodeConfig::fromSettings and key-by-key reading.
    const QSettings &qsettings() const { return *m_settings; }

    // The version an unmigrated file records, from either old version key.
    static int versionOf(const QSettings &settings);
    // Brings `settings` to kVersion; returns whether anything changed. Never touches a file
    // that does not exist or that records a newer version.
    static bool migrate(QSettings &settings);

private:
    // Sets a value and stamps the current version, so a file is never written in an old
    // layout.
    void write(const QString &key, const QVariant &value);

    std::unique_ptr<QSettings> m_settings;
};

} // namespace orion::node
