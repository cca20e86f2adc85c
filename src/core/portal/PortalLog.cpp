// SPDX-License-Identifier: GPL-3.0-or-later
#include "portal/PortalLog.h"

namespace orion::portal {
Q_LOGGING_CATEGORY(lcPortal, "orion.portal")
}
