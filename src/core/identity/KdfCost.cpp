// SPDX-License-Identifier: GPL-3.0-or-later
#include "identity/KdfCost.h"

namespace orion::identity {

Result<crypto::Argon2id::Limits> KdfCost::fromName(const QString &name) {
    if (name.isEmpty() || name == QLatin1String(kModerate)) {
        return standard();
    }
    if (name == QLatin1String(kInteractive)) {
        return crypto::Argon2id::Limits::interactive();
    }
    return Result<crypto::Argon2id::Limits>::failure(
        QStringLiteral("unknown Argon2id cost '%1' (use '%2' or '%3')")
            .arg(name, QLatin1String(kModerate), QLatin1String(kInteractive)));
}

} // namespace orion::identity
