// SPDX-License-Identifier: GPL-3.0-or-later
// The logging category of node identity, key files and the profile (orion.identity).
#pragma once

#include <QLoggingCategory>

Q_DECLARE_LOGGING_CATEGORY(lcIdentity)
