// SPDX-License-Identifier: GPL-3.0-or-later
// The container subsystem's logging category (orion.container).
#pragma once

#include <QLoggingCategory>

namespace orion::container {
Q_DECLARE_LOGGING_CATEGORY(lcContainer)
}
