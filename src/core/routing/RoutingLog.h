// SPDX-License-Identifier: GPL-3.0-or-later
// Logging category of message routing ("orion.routing").
#pragma once

#include <QLoggingCategory>

namespace orion::routing {
Q_DECLARE_LOGGING_CATEGORY(lcRouting)
}
