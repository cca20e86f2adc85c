// SPDX-License-Identifier: GPL-3.0-or-later
// The portal's logging category (orion.portal).
#pragma once

#include <QLoggingCategory>

namespace orion::portal {
Q_DECLARE_LOGGING_CATEGORY(lcPortal)
}
