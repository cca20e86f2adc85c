// SPDX-License-Identifier: GPL-3.0-or-later
// Profile: the directory that holds everything one node keeps on disk (identity, network
// key, member file, settings, contacts, containers, database) and its layout. A value.
#pragma once

#include "util/Result.h"

#include <QString>

#include <memory>

class QSettings;

namespace orion::node {

class Profile {
public:
    explicit Profile(const QString &directory);

    // $XDG_DATA_HOME/orion (usually ~/.local/share/orion): one default shared by the
    // desktop application and orion-node, so both find the same node.
    static QString defaultDirectory();
    // The profile named by a --profile option, or the default one when it is empty.
    static Profile fromOption(const QString &option);

    const QString &directory() const { return m_directory; }
    QString identityPath() const { return path(QStringLiteral("identity.key")); }
    QString networkKeyPath() const { return path(QStringLiteral("network.key")); }
    QString memberFilePath() const { return path(QStringLiteral("member.json")); }
    QString settingsPath() const { return path(QStringLiteral("settings.ini")); }
    QString contactsPath() const { return path(QStringLiteral("contacts.json")); }
    QString containersDirectory() const { return path(QStringLiteral("containers")); }
    QString databasePath() const { return path(QStringLiteral("orion.sqlite")); }
    QString lockPath() const { return path(QStringLiteral("node.lock")); }

    bool exists() const;
    bool hasIdentity() const;
    // Creates the directory (and containers/) if needed and makes it owner-only (0700).
    Status create() const;
    // The settings file (INI); the caller owns the object.
    std::unique_ptr<QSettings> settings() const;

private:
    QString path(const QString &name) const;

    QString m_directory;
};

} // namespace orion::node
