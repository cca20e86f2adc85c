// SPDX-License-Identifier: GPL-3.0-or-later
#include "overlay/OverlayLog.h"

namespace orion::overlay {
Q_LOGGING_CATEGORY(lcOverlay, "orion.overlay")
}
