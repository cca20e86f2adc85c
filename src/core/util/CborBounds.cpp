// SPDX-License-Identifier: GPL-3.0-or-later
#include "util/CborBounds.h"

#include <QCborArray>
#include <QCborMap>
#include <QVarLengthArray>

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
    // A walk over the item heads (RFC 8949 §3): what each one declares is judged before
    // anything is read past it. Much cheaper than a QCborStreamReader pass, which matters
    // because every message on every connection goes through here.
    const auto *data = reinterpret_cast<const quint8 *>(bytes.data());
    const qsizetype size = bytes.size();
    qsizetype pos = 0;
    auto malformed = [](const char *what) {
        return Status::failure(ErrorCode::Corrupt,
                               QStringLiteral("malformed CBOR: %1").arg(QLatin1String(what)));
    };
    // The argument of a head with additional information `info`; false when truncated or
    // reserved (28-30). Indefinite length (31) is for the caller to handle first.
    auto argument = [&](quint8 info, quint64 &value) {
        if (info < 24) {
            value = info;
            return true;
        }
        if (info > 27) {
            return false;
        }
        const int n = 1 << (info - 24);
        if (size - pos < n) {
            return false;
        }
        value = 0;
        for (int i = 0; i < n; ++i) {
            value = value << 8 | data[pos++];
        }
        return true;
    };
    struct Open {
        quint64 remaining; // items still to come (definite length)
        bool indefinite;
    };
    QVarLengthArray<Open, 32> open;
    qint64 items = 0;
    int tags = 0;
    bool started = false;
    for (;;) {
        while (!open.isEmpty() && !open.last().indefinite && open.last().remaining == 0) {
            open.removeLast();
        }
        if (open.isEmpty() && started) {
            break;
        }
        if (pos >= size) {
            return malformed("unexpected end of data");
        }
        const quint8 head = data[pos++];
        const quint8 major = head >> 5;
        const quint8 info = head & 0x1f;
        if (head == 0xff) {
            if (open.isEmpty() || !open.last().indefinite || tags > 0) {
                return malformed("unexpected break");
            }
            open.removeLast();
            continue;
        }
        quint64 value = 0;
        if (major == 6) {
            if (!argument(info, value)) {
                return malformed("bad tag");
            }
            if (++tags + int(open.size()) > maxDepth) {
                return Status::failure(ErrorCode::InvalidArgument, deeperThan(maxDepth));
            }
            continue;
        }
        started = true;
        tags = 0;
        if (!open.isEmpty() && !open.last().indefinite) {
            --open.last().remaining;
        }
        if (++items > maxItems) {
            return Status::failure(ErrorCode::InvalidArgument, moreItemsThan(maxItems));
        }
        switch (major) {
        case 0:
        case 1:
            if (!argument(info, value)) {
                return malformed("bad integer");
            }
            break;
        case 2:
        case 3:
            if (info == 31) {
                // Chunks of the same major type with definite lengths, up to a break.
                for (;;) {
                    if (pos >= size) {
                        return malformed("unexpected end of data");
                    }
                    const quint8 chunk = data[pos++];
                    if (chunk == 0xff) {
                        break;
                    }
                    quint64 length = 0;
                    if ((chunk >> 5) != major || (chunk & 0x1f) == 31 ||
                        !argument(chunk & 0x1f, length) || length > quint64(size - pos)) {
                        return malformed("bad string chunk");
                    }
                    pos += qsizetype(length);
                }
            } else {
                if (!argument(info, value) || value > quint64(size - pos)) {
                    return malformed("string longer than the data");
                }
                pos += qsizetype(value);
            }
            break;
        case 4:
        case 5: {
            if (int(open.size()) + 1 > maxDepth) {
                return Status::failure(ErrorCode::InvalidArgument, deeperThan(maxDepth));
            }
            if (info == 31) {
                open.append({0, true});
                break;
            }
            if (!argument(info, value)) {
                return malformed("bad length");
            }
            const quint64 budget = quint64(maxItems - items);
            if (value > budget || (major == 5 && value > budget / 2)) {
                return Status::failure(ErrorCode::InvalidArgument, moreItemsThan(maxItems));
            }
            open.append({major == 5 ? value * 2 : value, false});
            break;
        }
        default: // 7: simple values and floats
            if (info == 24 || info == 25 || info == 26 || info == 27) {
                if (!argument(info, value)) {
                    return malformed("unexpected end of data");
                }
            } else if (info > 24) {
                return malformed("bad simple value");
            }
            break;
        }
    }
    if (pos != size) {
        return Status::failure(ErrorCode::Corrupt,
                               QStringLiteral("CBOR has %1 trailing bytes").arg(size - pos));
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

qint64 CborBounds::retainedBytes(const QCborValue &value) {
    constexpr qint64 kPerItem = 16;
    if (value.isTag()) {
        return kPerItem + retainedBytes(value.taggedValue());
    }
    if (value.isByteArray()) {
        return kPerItem + value.toByteArray().size();
    }
    if (value.isString()) {
        return kPerItem + value.toString().size() * qint64(sizeof(QChar));
    }
    qint64 bytes = kPerItem;
    if (value.isArray()) {
        for (const QCborValue &element : value.toArray()) {
            bytes += retainedBytes(element);
        }
    } else if (value.isMap()) {
        const QCborMap map = value.toMap();
        for (auto it = map.cbegin(); it != map.cend(); ++it) {
            bytes += retainedBytes(it.key()) + retainedBytes(it.value());
        }
    }
    return bytes;
}

Status CborBounds::checkValue(const QCborValue &value) const {
    qint64 items = 0;
    return walk(value, 0, items, *this);
}

} // namespace orion::util
