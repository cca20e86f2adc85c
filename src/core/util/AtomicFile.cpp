// SPDX-License-Identifier: GPL-3.0-or-later
#include "util/AtomicFile.h"

#include <QFileInfo>
#include <QSaveFile>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

namespace orion::util {

AtomicFile::AtomicFile(QString path, Access access)
    : m_path(std::move(path))
    , m_access(access) {}

Status AtomicFile::write(QByteArrayView data) const {
    QSaveFile file(m_path);
    // Without this QSaveFile may write in place when it cannot create a temporary file
    // beside the target; that would break atomicity exactly when it matters.
    file.setDirectWriteFallback(false);
    if (!file.open(QIODevice::WriteOnly)) {
        return Status::failure(
            ErrorCode::Io, QStringLiteral("cannot write %1: %2").arg(m_path, file.errorString()));
    }
    // Restrict the temporary file before a single byte is written, so a secret is never
    // readable by others, not even for a moment.
    const mode_t mode = m_access == Access::OwnerOnly ? 0600 : 0644;
    if (::fchmod(file.handle(), mode) != 0) {
        file.cancelWriting();
        return Status::failure(ErrorCode::Io,
                               QStringLiteral("cannot set the permissions of %1: %2")
                                   .arg(m_path, QString::fromLocal8Bit(std::strerror(errno))));
    }
    if (file.write(data.data(), data.size()) != data.size() || !file.flush()) {
        file.cancelWriting();
        return Status::failure(
            ErrorCode::Io, QStringLiteral("cannot write %1: %2").arg(m_path, file.errorString()));
    }
    if (::fsync(file.handle()) != 0) {
        file.cancelWriting();
        return Status::failure(ErrorCode::Io,
                               QStringLiteral("cannot sync %1 to disk: %2")
                                   .arg(m_path, QString::fromLocal8Bit(std::strerror(errno))));
    }
    if (m_interruptBeforeCommit) {
        file.cancelWriting();
        return Status::failure(
            ErrorCode::Io, QStringLiteral("writing %1 was interrupted before commit").arg(m_path));
    }
    if (!file.commit()) {
        return Status::failure(
            ErrorCode::Io, QStringLiteral("cannot replace %1: %2").arg(m_path, file.errorString()));
    }
    return syncDirectory(QFileInfo(m_path).absolutePath());
}

Status AtomicFile::syncDirectory(const QString &directory) {
    const int fd = ::open(QFile::encodeName(directory).constData(), O_RDONLY | O_DIRECTORY);
    if (fd < 0) {
        return Status::failure(ErrorCode::Io,
                               QStringLiteral("cannot open directory %1: %2")
                                   .arg(directory, QString::fromLocal8Bit(std::strerror(errno))));
    }
    const int rc = ::fsync(fd);
    const int savedErrno = errno;
    ::close(fd);
    if (rc != 0) {
        return Status::failure(
            ErrorCode::Io, QStringLiteral("cannot sync directory %1: %2")
                               .arg(directory, QString::fromLocal8Bit(std::strerror(savedErrno))));
    }
    return Status::success();
}

} // namespace orion::util
