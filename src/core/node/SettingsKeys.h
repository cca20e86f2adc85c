// SPDX-License-Identifier: GPL-3.0-or-later
// SettingsKeys: the keys of settings.ini that more than the node's config reads or writes
// (profile setup, member export, the desktop app), declared once with type and default.
// The node's tunables are declared in NodeConfig.cpp; SettingsRegistry lists them all.
#pragma once

#include "node/SettingKey.h"

#include <QtGlobal>

namespace orion::node::keys {

// The layout version of the whole file (see Settings::kVersion and its migrations).
inline constexpr SettingKey<int> kSettingsVersion{"general/settingsVersion", 0};

inline constexpr SettingKey<quint16> kPort{"network/port", 7400};
// Addresses published in the member file; no default (empty list).
inline constexpr SettingKey<const char *> kAddresses{"network/addresses", ""};
inline constexpr SettingKey<bool> kListen{"network/listen", true};
// Empty: every address.
inline constexpr SettingKey<const char *> kListenAddress{"network/listenAddress", ""};

} // namespace orion::node::keys
