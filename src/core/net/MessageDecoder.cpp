// SPDX-License-Identifier: GPL-3.0-or-later
#include "net/MessageDecoder.h"

#include "net/MessageFramer.h"

#include <QCborStreamReader>
#include <QtEndian>

namespace orion::net {

void MessageDecoder::recordError(const QString &reason) {
    if (m_error.isEmpty()) {
        m_error = reason;
    }
}

Status MessageDecoder::fail(const QString &reason) {
    recordError(reason);
    m_body.clear();
    m_header.clear();
    return Status::failure(m_error);
}

bool MessageDecoder::decodeBody(QByteArrayView body, QList<QCborValue> &messages) {
    // Malformed bytes are left to the decoder below, which says what is wrong with them
    // (within the bounds, decoding them costs no more than the check did).
    if (auto bounded = m_bounds.checkBytes(body);
        !bounded && bounded.errorCode() != ErrorCode::Corrupt) {
        recordError(QStringLiteral("CBOR message refused: %1").arg(bounded.error()));
        return false;
    }
    // fromRawData: parse in place without copying the body.
    const QByteArray raw = QByteArray::fromRawData(body.data(), body.size());
    QCborStreamReader reader(raw);
    QCborValue value = QCborValue::fromCbor(reader);
    if (reader.lastError() != QCborError::NoError) {
        recordError(
            QStringLiteral("malformed CBOR message: %1").arg(reader.lastError().toString()));
        return false;
    }
    if (reader.currentOffset() != raw.size()) {
        recordError(QStringLiteral("CBOR message has %1 trailing bytes")
                        .arg(raw.size() - reader.currentOffset()));
        return false;
    }
    // QCborValue copies strings into its own storage, so the value outlives body.
    messages.append(std::move(value));
    ++m_messages;
    return true;
}

Status MessageDecoder::feed(QByteArrayView bytes, QList<QCborValue> &messages) {
    if (hasFailed()) {
        return Status::failure(m_error);
    }
    qsizetype pos = 0;
    while (pos < bytes.size()) {
        if (!m_haveLength) {
            const qsizetype take =
                std::min(MessageFramer::kLengthBytes - m_header.size(), bytes.size() - pos);
            m_header.append(bytes.sliced(pos, take));
            pos += take;
            if (m_header.size() < MessageFramer::kLengthBytes) {
                break;
            }
            const quint32 length = qFromBigEndian<quint32>(m_header.constData());
            m_header.resize(0);
            if (length > quint32(MessageFramer::kMaxMessageBytes)) {
                return fail(QStringLiteral("message length %1 exceeds the limit of %2")
                                .arg(length)
                                .arg(MessageFramer::kMaxMessageBytes));
            }
            if (length == 0) {
                ++m_keepAlives;
                continue;
            }
            if (m_messages == 0 && m_firstMaxBytes > 0 && length > quint32(m_firstMaxBytes)) {
                return fail(QStringLiteral("first message length %1 exceeds the limit of %2")
                                .arg(length)
                                .arg(m_firstMaxBytes));
            }
            m_length = qsizetype(length);
            m_haveLength = true;
        }
        const qsizetype available = bytes.size() - pos;
        if (m_body.isEmpty() && available >= m_length) {
            if (!decodeBody(bytes.sliced(pos, m_length), messages)) {
                return Status::failure(m_error);
            }
            pos += m_length;
            m_haveLength = false;
            continue;
        }
        const qsizetype take = std::min(m_length - m_body.size(), available);
        if (m_body.isEmpty()) {
            m_body.reserve(m_length);
        }
        m_body.append(bytes.sliced(pos, take));
        pos += take;
        if (m_body.size() == m_length) {
            const bool ok = decodeBody(m_body, messages);
            m_body.clear();
            if (!ok) {
                return Status::failure(m_error);
            }
            m_haveLength = false;
        }
    }
    return Status::success();
}

} // namespace orion::net
