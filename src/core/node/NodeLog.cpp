// SPDX-License-Identifier: GPL-3.0-or-later
#include "node/NodeLog.h"

namespace orion::node {
Q_LOGGING_CATEGORY(lcNode, "orion.node")
}
