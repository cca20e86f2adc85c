// SPDX-License-Identifier: GPL-3.0-or-later
// AtomicFile: replaces a file's contents all at once (temporary file, write, fsync, rename,
// fsync of the directory), so a crash leaves either the old or the new file. One writer.
#pragma once

#include "util/Result.h"

#include <QByteArrayView>
#include <QString>

namespace orion::util {

class AtomicFile {
public:
    enum class Access {
        OwnerOnly, // 0600: secrets and anything derived from them
        Readable,  // 0644 minus the umask: public documents
    };

    explicit AtomicFile(QString path, Access access = Access::OwnerOnly);

    // Fault injection for tests: write and sync the temporary file, then stop before the
    // rename as a crash at that moment would. write() then fails and the target is untouched.
    void setInterruptBeforeCommit(bool interrupt) { m_interruptBeforeCommit = interrupt; }

    Status write(QByteArrayView data) const;

    static Status write(const QString &path, QByteArrayView data,
                        Access access = Access::OwnerOnly) {
        return AtomicFile(path, access).write(data);
    }

    // fsync() of a directory, so a rename inside it survives a power loss.
    static Status syncDirectory(const QString &directory);

private:
    QString m_path;
    Access m_access;
    bool m_interruptBeforeCommit = false;
};

} // namespace orion::util
