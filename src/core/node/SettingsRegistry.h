// SPDX-License-Identifier: GPL-3.0-or-later
// SettingsRegistry: the list of every key a node reads from settings.ini, with type and
// default, gathered from where each is declared (SettingsKeys, NodeConfig). Stateless.
#pragma once

#include "node/SettingKey.h"

#include <vector>

namespace orion::node {

class SettingsRegistry {
public:
    // The version key first, then the node's keys in the order docs/settings.md shows them.
    // The desktop app adds its own (AppSettings::settingKeys()).
    static std::vector<SettingInfo> nodeKeys();
};

} // namespace orion::node
