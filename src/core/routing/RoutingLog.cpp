// SPDX-License-Identifier: GPL-3.0-or-later
#include "routing/RoutingLog.h"

namespace orion::routing {
Q_LOGGING_CATEGORY(lcRouting, "orion.routing")
}
