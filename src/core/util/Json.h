// SPDX-License-Identifier: GPL-3.0-or-later
// Json: any JSON value (scalars too) to compact text and back, for message bodies, stored
// container values and the boundary formatters. Stateless; any thread.
#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QJsonValue>
#include <QString>

#include <optional>

namespace orion::util {

class Json {
public:
    // Compact JSON text of any value: {"a":1}, [1,2], 42, "x", true, null.
    static QString compact(const QJsonValue &value);
    // As a person reads a body: a string as itself, anything else as compact JSON.
    static QString text(const QJsonValue &value);
    // One JSON value of any kind, or nullopt when @p text is not exactly one value.
    // QJsonDocument reads only objects and arrays; this reads "42" and "\"x\"" as well.
    static std::optional<QJsonValue> parseValue(QByteArrayView text);
};

} // namespace orion::util
