// SPDX-License-Identifier: GPL-3.0-or-later
// SettingsKeys: the keys of settings.ini that more than the node's config reads or writes
// (profile setup, member export, the desktop app), declared once with type and default.
// The node's tunables are declared in NodeConfig.cpp; SettingsRegistry lists them all.
#pragma once

#include "node/SettingKey.h"

#include <QtGlobal>

namespace orion::node::keys {

// The layout version of the whole file (see Settings::kVersion and its migrations). Not in
// QSettings' "General" group: a key "general/x" is written as [%General] and read back as
// "General/x", which is how the version orion-node wrote before version 2 got lost.
inline constexpr SettingKey<int> kSettingsVersion{"settings/version", 0};

inline constexpr SettingKey<quint16> kPort{"network/port", 7400};
// Addresses published in the member file; no default (empty list).
inline constexpr SettingKey<const char *> kAddresses{"network/addresses", ""};
inline constexpr SettingKey<bool> kListen{"network/listen", true};
// Empty: every address.
inline constexpr SettingKey<const char *> kListenAddress{"network/listenAddress", ""};

} // namespace orion::node::keys
