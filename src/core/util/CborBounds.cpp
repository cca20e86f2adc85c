// SPDX-License-Identifier: GPL-3.0-or-later
#include "util/CborBounds.h"

#include <QCborArray>
#include <QCborMap>
#include <QCborStreamReader>

namespace orion::util {

namespace {

QString deeperThan(int depth) {
    return QStringLiteral("CBOR nested deeper than %1").arg(depth);
}

QString moreItemsThan(qint64 items) {
    return QStringLiteral("CBOR has more than %1 items").arg(items);
}

} // namespace

Status CborBounds::checkBytes(QByteArrayView bytes) const {
    const QByteArray raw = QByteArray::fromRawData(bytes.data(), bytes.size());
    QCborStreamReader reader(raw);
    int depth = 0;       // containers entered and not yet left
    int tags = 0;        // tags in a row before the item they tag
    qint64 items = 0;    // items seen so far
    bool pending = true; // the top-level item is not yet read
    while (pending || depth > 0) {
        if (reader.lastError() != QCborError::NoError) {
            break;
        }
        if (depth > 0 && !reader.hasNext()) {
            if (!reader.leaveContainer()) {
                break;
            }
            --depth;
            continue;
        }
        if (reader.isTag()) {
            if (++tags + depth > maxDepth) {
                return Status::failure(ErrorCode::InvalidArgument, deeperThan(maxDepth));
            }
            reader.next();
            continue;
        }
        tags = 0;
        if (++items > maxItems) {
            return Status::failure(ErrorCode::InvalidArgument, moreItemsThan(maxItems));
        }
        if (depth == 0) {
            pending = false;
        }
        if (reader.isArray() || reader.isMap()) {
            if (depth + 1 > maxDepth) {
                return Status::failure(ErrorCode::InvalidArgument, deeperThan(maxDepth));
            }
            if (reader.isLengthKnown()) {
                const quint64 declared = reader.length() * (reader.isMap() ? 2 : 1);
                if (declared > quint64(maxItems - items)) {
                    return Status::failure(ErrorCode::InvalidArgument, moreItemsThan(maxItems));
                }
            }
            if (!reader.enterContainer()) {
                break;
            }
            ++depth;
            continue;
        }
        if (!reader.next()) {
            break;
        }
    }
    if (reader.lastError() != QCborError::NoError) {
        return Status::failure(
            ErrorCode::Corrupt,
            QStringLiteral("malformed CBOR: %1").arg(reader.lastError().toString()));
    }
    if (reader.currentOffset() != raw.size()) {
        return Status::failure(
            ErrorCode::Corrupt,
            QStringLiteral("CBOR has %1 trailing bytes").arg(raw.size() - reader.currentOffset()));
    }
    return Status::success();
}

namespace {

// Depth-first with an explicit bound on the recursion: it never goes below maxDepth.
Status walk(const QCborValue &value, int depth, qint64 &items, const CborBounds &bounds) {
    if (++items > bounds.maxItems) {
        return Status::failure(ErrorCode::InvalidArgument, moreItemsThan(bounds.maxItems));
    }
    QCborValue inner = value;
    while (inner.isTag()) {
        if (++depth > bounds.maxDepth) {
            return Status::failure(ErrorCode::InvalidArgument, deeperThan(bounds.maxDepth));
        }
        inner = inner.taggedValue();
    }
    if (inner.isArray()) {
        if (depth + 1 > bounds.maxDepth) {
            return Status::failure(ErrorCode::InvalidArgument, deeperThan(bounds.maxDepth));
        }
        const QCborArray array = inner.toArray();
        for (const QCborValue &element : array) {
            if (auto ok = walk(element, depth + 1, items, bounds); !ok) {
                return ok;
            }
        }
    } else if (inner.isMap()) {
        if (depth + 1 > bounds.maxDepth) {
            return Status::failure(ErrorCode::InvalidArgument, deeperThan(bounds.maxDepth));
        }
        const QCborMap map = inner.toMap();
        for (auto it = map.cbegin(); it != map.cend(); ++it) {
            if (auto ok = walk(it.key(), depth + 1, items, bounds); !ok) {
                return ok;
            }
            if (auto ok = walk(it.value(), depth + 1, items, bounds); !ok) {
                return ok;
            }
        }
    }
    return Status::success();
}

} // namespace

Status CborBounds::checkValue(const QCborValue &value) const {
    qint64 items = 0;
    return walk(value, 0, items, *this);
}

} // namespace orion::util
