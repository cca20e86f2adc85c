// SPDX-License-Identifier: GPL-3.0-or-later
#include "identity/IdentityLog.h"

Q_LOGGING_CATEGORY(lcIdentity, "orion.identity")
