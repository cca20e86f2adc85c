// SPDX-License-Identifier: GPL-3.0-or-later
// Logging category of the node ("orion.node").
#pragma once

#include <QLoggingCategory>

namespace orion::node {
Q_DECLARE_LOGGING_CATEGORY(lcNode)
}
