// SPDX-License-Identifier: GPL-3.0-or-later
// MessageDecoder: reassembles length-prefixed CBOR messages from box-stream plaintext
// split anywhere; rejects oversized lengths and malformed CBOR. Any one thread.
#pragma once

#include "util/Result.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QCborValue>
#include <QList>
#include <QString>

namespace orion::net {

class MessageDecoder {
public:
    // Appends each complete message to messages (keep-alives are counted, not appended).
    // After an error the decoder fails for good; messages before the bad one are kept.
    Status feed(QByteArrayView bytes, QList<QCborValue> &messages);

    bool hasFailed() const { return !m_error.isEmpty(); }
    const QString &error() const { return m_error; }
    qint64 keepAlivesReceived() const { return m_keepAlives; }
    // True while a message is partly received.
    bool hasPartialMessage() const { return m_haveLength || !m_header.isEmpty(); }

private:
    Status fail(const QString &reason);
    void recordError(const QString &reason);
    bool decodeBody(QByteArrayView body, QList<QCborValue> &messages);

    QByteArray m_header; // partial length prefix
    bool m_haveLength = false;
    qsizetype m_length = 0;
    QByteArray m_body; // partial body
    qint64 m_keepAlives = 0;
    QString m_error;
};

} // namespace orion::net
