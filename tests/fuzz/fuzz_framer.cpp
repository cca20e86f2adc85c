// SPDX-License-Identifier: GPL-3.0-or-later
// Fuzzes the message decoder (4-byte length + CBOR) on raw plaintext in chunks, and
// re-frames whatever it decodes, which must decode again to the same number of messages.
// Input: byte 0 selects the chunk size.
#include "net/MessageDecoder.h"
#include "net/MessageFramer.h"

#include <QByteArray>
#include <QCborValue>
#include <QList>

#include <cstdint>
#include <cstdlib>

using namespace orion;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
    if (size < 1) {
        return 0;
    }
    const qsizetype chunk = qsizetype(data[0]) + 1;
    const QByteArrayView input(reinterpret_cast<const char *>(data + 1), qsizetype(size - 1));
    net::MessageDecoder decoder;
    QList<QCborValue> messages;
    for (qsizetype pos = 0; pos < input.size(); pos += chunk) {
        if (!decoder.feed(input.sliced(pos, std::min(chunk, input.size() - pos)), messages)) {
            break;
        }
    }
    QByteArray reframed;
    qsizetype framed = 0;
    for (const QCborValue &m : messages) {
        framed += net::MessageFramer::encode(m, reframed).ok() ? 1 : 0;
    }
    net::MessageDecoder again;
    QList<QCborValue> decoded;
    if (!again.feed(reframed, decoded).ok() || decoded.size() != framed) {
        std::abort();
    }
    return 0;
}
