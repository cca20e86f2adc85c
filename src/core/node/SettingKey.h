// SPDX-License-Identifier: GPL-3.0-or-later
// SettingKey: one key of a profile's settings file with its type and default, and
// SettingInfo, how a key is described (docs/settings.md lists every one). Values; any thread.
#pragma once

#include <QString>

namespace orion::node {

template <typename T>
struct SettingKey {
    const char *name; // "group/key" in settings.ini
    T defaultValue;

    QString key() const { return QLatin1String(name); }
};

struct SettingInfo {
    QString key;          // "group/key"
    QString type;         // "integer", "boolean", "number", "address", "list", "text"
    QString defaultValue; // as written in settings.ini; empty when there is none
};

} // namespace orion::node
