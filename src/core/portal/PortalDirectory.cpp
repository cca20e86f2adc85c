// SPDX-License-Identifier: GPL-3.0-or-later
#include "portal/PortalDirectory.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>

#include <sys/socket.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

namespace orion::portal {

QString PortalDirectory::path() {
    const QString runtime = qEnvironmentVariable("XDG_RUNTIME_DIR");
    if (!runtime.isEmpty() && QFileInfo(runtime).isDir()) {
        return runtime + QStringLiteral("/orion");
    }
    return QDir::tempPath() + QStringLiteral("/orion-%1").arg(::geteuid());
}

Status PortalDirectory::prepare(const QString &dir) {
    const QByteArray encoded = QFile::encodeName(dir);
    if (::mkdir(encoded.constData(), S_IRWXU) != 0 && errno != EEXIST) {
        return Status::failure(ErrorCode::Io,
                               QStringLiteral("cannot create the portal directory %1: %2")
                                   .arg(dir, QString::fromLocal8Bit(std::strerror(errno))));
    }
    struct stat st {};
    if (::lstat(encoded.constData(), &st) != 0) {
        return Status::failure(ErrorCode::Io,
                               QStringLiteral("cannot read the portal directory %1: %2")
                                   .arg(dir, QString::fromLocal8Bit(std::strerror(errno))));
    }
    if (!S_ISDIR(st.st_mode)) {
        return Status::failure(ErrorCode::Refused,
                               QStringLiteral("the portal directory %1 is not a directory (a link "
                                              "or file put there by someone else?)")
                                   .arg(dir));
    }
    if (st.st_uid != ::geteuid()) {
        return Status::failure(ErrorCode::Refused,
                               QStringLiteral("the portal directory %1 belongs to user %2, not to "
                                              "you (%3): remove it, or set XDG_RUNTIME_DIR")
                                   .arg(dir)
                                   .arg(st.st_uid)
                                   .arg(::geteuid()));
    }
    if ((st.st_mode & (S_IRWXG | S_IRWXO)) != 0) {
        return Status::failure(ErrorCode::Refused,
                               QStringLiteral("the portal directory %1 is open to other users "
                                              "(mode %2): make it 0700 or remove it")
                                   .arg(dir)
                                   .arg(st.st_mode & 07777, 4, 8, QLatin1Char('0')));
    }
    return Status::success();
}

Status PortalDirectory::checkPeer(int fd, bool allowSuperuser) {
    ucred credentials{};
    socklen_t length = sizeof credentials;
    if (::getsockopt(fd, SOL_SOCKET, SO_PEERCRED, &credentials, &length) != 0) {
        return Status::failure(ErrorCode::Io,
                               QStringLiteral("cannot read the peer's credentials: %1")
                                   .arg(QString::fromLocal8Bit(std::strerror(errno))));
    }
    if (credentials.uid == ::geteuid() || (allowSuperuser && credentials.uid == 0)) {
        return Status::success();
    }
    return Status::failure(ErrorCode::Refused,
                           QStringLiteral("the other end is user %1 (process %2), not you (%3)")
                               .arg(credentials.uid)
                               .arg(credentials.pid)
                               .arg(::geteuid()));
}

} // namespace orion::portal
