// SPDX-License-Identifier: GPL-3.0-or-later
#include "net/Logging.h"

namespace orion::net {
Q_LOGGING_CATEGORY(lcNet, "orion.net")
}
