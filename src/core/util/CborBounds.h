// SPDX-License-Identifier: GPL-3.0-or-later
// CborBounds: how deep and how large a CBOR value from outside may be before it is decoded.
// QCborValue::fromCbor builds the whole tree (and recurses into it), so 1 MiB of nested
// empty arrays costs tens of MiB and a noticeable share of a second; check() walks the bytes
// once with a stream reader, keeps nothing, and refuses as soon as a bound is passed
// (a declared length is judged before its items are read). Plain value; any thread.
#pragma once

#include "util/Result.h"

#include <QByteArrayView>
#include <QCborValue>

namespace orion::util {

struct CborBounds {
    // Arrays, maps and tags inside one another; the outermost container counts 1.
    int maxDepth = 32;
    // Every data item counts 1: containers, keys, values, strings, numbers (tags do not).
    qint64 maxItems = 65'536;

    // Success when `bytes` is exactly one well-formed CBOR item within the bounds; else
    // InvalidArgument for a bound passed, Corrupt for bytes that are no (single) CBOR item.
    Status checkBytes(QByteArrayView bytes) const;
    // The same bounds for a value already in memory (one made locally, before it is sent).
    Status checkValue(const QCborValue &value) const;

    // About the memory a decoded value holds: the bytes of its strings plus a fixed cost per
    // item. What the byte budgets of queues count; values that reach them passed checkBytes(),
    // so the walk is bounded by its depth and item limits.
    static qint64 retainedBytes(const QCborValue &value);
};

} // namespace orion::util
