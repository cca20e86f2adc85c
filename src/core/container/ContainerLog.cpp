// SPDX-License-Identifier: GPL-3.0-or-later
#include "container/ContainerLog.h"

namespace orion::container {
Q_LOGGING_CATEGORY(lcContainer, "orion.container")
}
