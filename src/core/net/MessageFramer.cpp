// SPDX-License-Identifier: GPL-3.0-or-later
#include "net/MessageFramer.h"

#include <QBuffer>
#include <QCborStreamWriter>
#include <QtEndian>

namespace orion::net {

Status MessageFramer::encode(const QCborValue &message, QByteArray &out) {
    // The CBOR is written straight after a placeholder for its length: a message of tens of
    // KiB is neither encoded into a buffer of its own nor copied from there.
    const qsizetype at = out.size();
    out.resize(at + kLengthBytes);
    {
        // QCborStreamWriter(QByteArray *) would write from the start of out, not append.
        QBuffer device(&out);
        device.open(QIODevice::WriteOnly | QIODevice::Append);
        QCborStreamWriter writer(&device);
        message.toCbor(writer);
    }
    const qsizetype size = out.size() - at - kLengthBytes;
    if (size > kMaxMessageBytes) {
        out.truncate(at);
        return Status::failure(QStringLiteral("message of %1 bytes exceeds the limit of %2")
                                   .arg(size)
                                   .arg(kMaxMessageBytes));
    }
    qToBigEndian(quint32(size), out.data() + at);
    return Status::success();
}

void MessageFramer::encodeKeepAlive(QByteArray &out) {
    out.append(kLengthBytes, '\0');
}

} // namespace orion::net
