// SPDX-License-Identifier: GPL-3.0-or-later
#include "node/Profile.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSettings>
#include <QStandardPaths>

namespace orion::node {

Profile::Profile(const QString &directory)
    : m_directory(QDir::cleanPath(QFileInfo(directory).absoluteFilePath())) {}

QString Profile::defaultDirectory() {
    return QStandardPaths::writableLocation(QStandardPaths::GenericDataLocation) +
           QStringLiteral("/orion");
}

Profile Profile::fromOption(const QString &option) {
    return Profile(option.isEmpty() ? defaultDirectory() : option);
}

QString Profile::path(const QString &name) const {
    return m_directory + u'/' + name;
}

bool Profile::exists() const {
    return QFileInfo(m_directory).isDir();
}

bool Profile::hasIdentity() const {
    return QFileInfo::exists(identityPath());
}

Status Profile::create() const {
    if (!QDir().mkpath(m_directory)) {
        return Status::failure(
            QStringLiteral("cannot create the profile directory %1").arg(m_directory));
    }
    constexpr auto kOwnerOnly = QFileDevice::ReadOwner | QFileDevice::WriteOwner |
                                QFileDevice::ExeOwner | QFileDevice::ReadUser |
                                QFileDevice::WriteUser | QFileDevice::ExeUser;
    if (!QFile::setPermissions(m_directory, kOwnerOnly)) {
        return Status::failure(
            QStringLiteral("cannot make the profile directory %1 private").arg(m_directory));
    }
    if (!QDir().mkpath(containersDirectory()) ||
        !QFile::setPermissions(containersDirectory(), kOwnerOnly)) {
        return Status::failure(QStringLiteral("cannot create %1").arg(containersDirectory()));
    }
    return Status::success();
}

std::unique_ptr<QSettings> Profile::settings() const {
    return std::make_unique<QSettings>(settingsPath(), QSettings::IniFormat);
}

} // namespace orion::node
