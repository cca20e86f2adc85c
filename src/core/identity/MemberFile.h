// SPDX-License-Identifier: GPL-3.0-or-later
// MemberFile: reads and writes member files (the signed "known file" of a node) on disk;
// reading verifies. Stateless; any thread.
#pragma once

#include "identity/MemberRecord.h"
#include "util/Result.h"

#include <QString>

namespace orion::identity {

class MemberFile {
public:
    // Parses and verifies; the error names the file and the reason.
    static Result<MemberRecord> read(const QString &path);
    // Writes atomically; refuses records that do not verify.
    static Status write(const QString &path, const MemberRecord &record);
};

} // namespace orion::identity
