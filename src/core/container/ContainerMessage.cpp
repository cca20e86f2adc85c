// SPDX-License-Identifier: GPL-3.0-or-later
#include "container/ContainerMessage.h"

#include <QJsonArray>
#include <QJsonObject>

namespace orion::container {

namespace {

constexpr qint64 kPerItem = 16;

qint64 jsonBytes(const QJsonValue &value) {
    switch (value.type()) {
    case QJsonValue::String:
        return kPerItem + value.toString().size() * qint64(sizeof(QChar));
    case QJsonValue::Array: {
        qint64 bytes = kPerItem;
        for (const QJsonValue &element : value.toArray()) {
            bytes += jsonBytes(element);
        }
        return bytes;
    }
    case QJsonValue::Object: {
        qint64 bytes = kPerItem;
        const QJsonObject object = value.toObject();
        for (auto it = object.begin(); it != object.end(); ++it) {
            bytes += kPerItem + it.key().size() * qint64(sizeof(QChar)) + jsonBytes(it.value());
        }
        return bytes;
    }
    default:
        return kPerItem;
    }
}

} // namespace

qint64 ContainerMessage::retainedBytes() const {
    constexpr qint64 kFields = 160; // keys, the message ID, the object itself
    return kFields + messageId.size() + service.size() * qint64(sizeof(QChar)) + jsonBytes(body);
}

} // namespace orion::container
