// SPDX-License-Identifier: GPL-3.0-or-later
// SaveOptions: how a secret key file (identity or network key) is written. A plain value;
// any thread.
#pragma once

#include "crypto/Argon2id.h"

namespace orion::identity {

struct SaveOptions {
    // Recorded in the file, so loading always uses the limits the file was written with.
    crypto::Argon2id::Limits limits = crypto::Argon2id::Limits::moderate();
    // Headless servers only: store the secret in clear (a warning is logged).
    bool unencrypted = false;
    // An existing key file is never replaced unless this is set.
    bool replaceExisting = false;
    // Fault injection for tests: stop between writing the temporary file and the rename.
    bool interruptBeforeCommit = false;
};

} // namespace orion::identity
