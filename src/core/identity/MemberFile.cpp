// SPDX-License-Identifier: GPL-3.0-or-later
#include "identity/MemberFile.h"

#include "util/AtomicFile.h"

#include <QFile>

namespace orion::identity {

Result<MemberRecord> MemberFile::read(const QString &path) {
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        return Result<MemberRecord>::failure(
            QStringLiteral("cannot read %1: %2").arg(path, file.errorString()));
    }
    auto record = MemberRecord::fromJson(file.read(64 * 1024));
    if (!record) {
        return Result<MemberRecord>::failure(QStringLiteral("%1: %2").arg(path, record.error()));
    }
    if (auto valid = record->verify(); !valid) {
        return Result<MemberRecord>::failure(QStringLiteral("%1: %2").arg(path, valid.error()));
    }
    return record;
}

Status MemberFile::write(const QString &path, const MemberRecord &record) {
    if (auto valid = record.verify(); !valid) {
        return valid;
    }
    return util::AtomicFile::write(path, record.toJson(), util::AtomicFile::Access::Readable);
}

} // namespace orion::identity
