// SPDX-License-Identifier: GPL-3.0-or-later
// MessageFramer: encodes messages for the box stream as a 4-byte big-endian length and
// the CBOR encoding of a QCborValue. Stateless.
#pragma once

#include "util/Result.h"

#include <QByteArray>
#include <QCborValue>

namespace orion::net {

class MessageFramer {
public:
    static constexpr qsizetype kLengthBytes = 4;
    // Largest CBOR body of one message.
    static constexpr qsizetype kMaxMessageBytes = 1024 * 1024;

    // Appends the framed message to out; fails (out unchanged) when it is too large.
    static Status encode(const QCborValue &message, QByteArray &out);
    // Appends the zero-length frame used as keep-alive; receivers skip it.
    static void encodeKeepAlive(QByteArray &out);
};

} // namespace orion::net
