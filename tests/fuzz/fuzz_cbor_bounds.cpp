// SPDX-License-Identifier: GPL-3.0-or-later
// Fuzzes the CBOR bounds check on raw bytes with small bounds taken from the input. What it
// accepts and Qt can decode must, encoded again by Qt, be accepted again with the same
// bounds: the check judges structure, not spelling (definite or indefinite lengths).
// Input: byte 0 is the depth bound (1-16), byte 1 the item bound (1-256).
#include "util/CborBounds.h"

#include <QByteArray>
#include <QCborValue>

#include <cstdint>
#include <cstdlib>

using namespace orion;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
    if (size < 2) {
        return 0;
    }
    const util::CborBounds bounds{int(data[0] % 16) + 1, qint64(data[1]) + 1};
    const QByteArray input(reinterpret_cast<const char *>(data + 2), qsizetype(size - 2));
    const Status checked = bounds.checkBytes(input);
    if (!checked.ok()) {
        if (checked.errorCode() != ErrorCode::Corrupt &&
            checked.errorCode() != ErrorCode::InvalidArgument) {
            std::abort();
        }
        return 0;
    }
    QCborParserError error;
    const QCborValue value = QCborValue::fromCbor(input, &error);
    if (error.error != QCborError::NoError) {
        return 0; // well-formed heads, but e.g. invalid UTF-8: the decoder says so
    }
    if (!bounds.checkBytes(value.toCbor()).ok()) {
        std::abort();
    }
    return 0;
}
