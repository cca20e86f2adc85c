// SPDX-License-Identifier: GPL-3.0-or-later
// The logging category of the transport: "orion.net". Defined once in Logging.cpp.
#pragma once

#include <QLoggingCategory>

namespace orion::net {
Q_DECLARE_LOGGING_CATEGORY(lcNet)
}
