// SPDX-License-Identifier: GPL-3.0-or-later
// Store: read access to one container's persistent key-value data. Implementations must allow
// concurrent reads from script-pool threads; writes arrive as effects on the node thread.
#pragma once

#include <QByteArray>
#include <QString>

#include <optional>

namespace orion::script {

class Store {
public:
    virtual ~Store() = default;
    // The JSON encoding of the value stored under @p key, or nothing.
    virtual std::optional<QByteArray> get(const QString &key) const = 0;
};

} // namespace orion::script
