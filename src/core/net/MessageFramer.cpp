// SPDX-License-Identifier: GPL-3.0-or-later
#include "net/MessageFramer.h"

#include <QtEndian>

namespace orion::net {

Status MessageFramer::encode(const QCborValue &message, QByteArray &out) {
    const QByteArray body = message.toCbor();
    if (body.size() > kMaxMessageBytes) {
        return Status::failure(QStringLiteral("message of %1 bytes exceeds the limit of %2")
                                   .arg(body.size())
                                   .arg(kMaxMessageBytes));
    }
    char prefix[kLengthBytes];
    qToBigEndian(quint32(body.size()), prefix);
    out.reserve(out.size() + kLengthBytes + body.size());
    out.append(prefix, kLengthBytes);
    out.append(body);
    return Status::success();
}

void MessageFramer::encodeKeepAlive(QByteArray &out) {
    out.append(kLengthBytes, '\0');
}

} // namespace orion::net
