// SPDX-License-Identifier: GPL-3.0-or-later
// MessageDecoder: reassembles length-prefixed CBOR messages from box-stream plaintext
// split anywhere; rejects oversized lengths, malformed CBOR and CBOR past its bounds
// (nesting, item count) before building a value. Any one thread.
#pragma once

#include "util/CborBounds.h"
#include "util/Result.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QCborValue>
#include <QList>
#include <QString>

namespace orion::net {

class MessageDecoder {
public:
    // The first message (keep-alives aside) may be at most this long: before activation a
    // peer has proved only that it holds the network key, so what it may make this node
    // buffer and parse is kept small. Later messages have MessageFramer::kMaxMessageBytes.
    void setFirstMessageMaxBytes(qsizetype bytes) { m_firstMaxBytes = bytes; }
    // How deep and how large each message may be; checked before it is decoded.
    void setBounds(const util::CborBounds &bounds) { m_bounds = bounds; }
    const util::CborBounds &bounds() const { return m_bounds; }

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
    qint64 m_messages = 0;         // decoded so far
    qsizetype m_firstMaxBytes = 0; // 0: the first message has the common limit
    util::CborBounds m_bounds;
    QString m_error;
};

} // namespace orion::net
