// SPDX-License-Identifier: GPL-3.0-or-later
#include "util/Json.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QJsonParseError>

namespace orion::util {

QString Json::compact(const QJsonValue &value) {
    switch (value.type()) {
    case QJsonValue::Object:
        return QString::fromUtf8(QJsonDocument(value.toObject()).toJson(QJsonDocument::Compact));
    case QJsonValue::Array:
        return QString::fromUtf8(QJsonDocument(value.toArray()).toJson(QJsonDocument::Compact));
    default: {
        // QJsonDocument writes only objects and arrays: wrap the scalar, strip the brackets.
        const QByteArray wrapped = QJsonDocument(QJsonArray{value}).toJson(QJsonDocument::Compact);
        return QString::fromUtf8(wrapped.mid(1, wrapped.size() - 2));
    }
    }
}

QString Json::text(const QJsonValue &value) {
    return value.isString() ? value.toString() : compact(value);
}

std::optional<QJsonValue> Json::parseValue(QByteArrayView text) {
    QByteArray wrapped;
    wrapped.reserve(text.size() + 2);
    wrapped.append('[').append(text).append(']');
    QJsonParseError error{};
    const QJsonDocument doc = QJsonDocument::fromJson(wrapped, &error);
    if (error.error != QJsonParseError::NoError || !doc.isArray() || doc.array().size() != 1) {
        return std::nullopt;
    }
    return doc.array().at(0);
}

} // namespace orion::util
