// SPDX-License-Identifier: GPL-3.0-or-later
// Logging category of the overlay protocol ("orion.overlay").
#pragma once

#include <QLoggingCategory>

namespace orion::overlay {
Q_DECLARE_LOGGING_CATEGORY(lcOverlay)
}
