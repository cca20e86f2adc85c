// SPDX-License-Identifier: GPL-3.0-or-later
#include "node/SettingsRegistry.h"

#include "node/NodeConfig.h"
#include "node/Settings.h"
#include "node/SettingsKeys.h"

namespace orion::node {

std::vector<SettingInfo> SettingsRegistry::nodeKeys() {
    std::vector<SettingInfo> all{{keys::kSettingsVersion.key(), QStringLiteral("integer"),
                                  QString::number(Settings::kVersion)}};
    for (SettingInfo &info : NodeConfig::settingKeys()) {
        all.push_back(std::move(info));
    }
    return all;
}

} // namespace orion::node
