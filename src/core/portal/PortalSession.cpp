// SPDX-License-Identifier: GPL-3.0-or-later
#include "portal/PortalSession.h"

#include "portal/PortalLog.h"
#include "portal/PortalProtocol.h"

#include <QJsonDocument>
#include <QJsonParseError>
#include <QLocalSocket>

namespace orion::portal {

PortalSession::PortalSession(QLocalSocket *socket, quint64 id, QObject *parent)
    : QObject(parent)
    , m_socket(socket)
    , m_id(id) {
    m_socket->setParent(this);
    connect(m_socket, &QLocalSocket::readyRead, this, &PortalSession::onReadyRead);
    connect(m_socket, &QLocalSocket::disconnected, this, [this] {
        if (!m_closing) {
            m_closing = true;
            Q_EMIT closed(this, QStringLiteral("client disconnected"));
        }
    });
}

PortalSession::~PortalSession() = default;

bool PortalSession::isOpen() const {
    return !m_closing && m_socket->state() == QLocalSocket::ConnectedState;
}

qint64 PortalSession::queuedBytes() const {
    return m_socket->bytesToWrite();
}

void PortalSession::onReadyRead() {
    while (!m_closing && m_socket->bytesAvailable() > 0) {
        m_buffer += m_socket->readAll();
        qsizetype start = 0;
        for (;;) {
            const qsizetype newline = m_buffer.indexOf('\n', start);
            if (newline < 0) {
                break;
            }
            if (newline - start > PortalProtocol::kMaxLineBytes) {
                sendError(QJsonValue(), PortalProtocol::kTooLarge,
                          QStringLiteral("request line exceeds %1 bytes")
                              .arg(PortalProtocol::kMaxLineBytes));
                close(QStringLiteral("request line too long"));
                return;
            }
            processLine(QByteArrayView(m_buffer).sliced(start, newline - start));
            start = newline + 1;
            if (m_closing) {
                return;
            }
        }
        m_buffer.remove(0, start);
        // A line that is still open may not grow past the limit either.
        if (m_buffer.size() > PortalProtocol::kMaxLineBytes) {
            sendError(
                QJsonValue(), PortalProtocol::kTooLarge,
                QStringLiteral("request line exceeds %1 bytes").arg(PortalProtocol::kMaxLineBytes));
            close(QStringLiteral("request line too long"));
            return;
        }
    }
}

void PortalSession::processLine(QByteArrayView line) {
    if (line.endsWith('\r')) {
        line.chop(1);
    }
    if (line.trimmed().isEmpty()) {
        return;
    }
    QJsonParseError parseError{};
    const QJsonDocument doc = QJsonDocument::fromJson(line.toByteArray(), &parseError);
    if (parseError.error != QJsonParseError::NoError) {
        sendError(QJsonValue(), PortalProtocol::kBadJson,
                  QStringLiteral("malformed JSON at offset %1: %2")
                      .arg(parseError.offset)
                      .arg(parseError.errorString()));
        return;
    }
    if (!doc.isObject()) {
        sendError(QJsonValue(), PortalProtocol::kBadRequest,
                  QStringLiteral("a request must be a JSON object"));
        return;
    }
    Q_EMIT requestReceived(this, doc.object());
}

void PortalSession::writeObject(const QJsonObject &object) {
    if (m_closing && m_socket->state() != QLocalSocket::ConnectedState) {
        return;
    }
    QByteArray line = QJsonDocument(object).toJson(QJsonDocument::Compact);
    line.append('\n');
    m_socket->write(line);
}

void PortalSession::sendReply(const QJsonValue &requestId, const QJsonObject &result) {
    writeObject(QJsonObject{{QStringLiteral("id"), requestId},
                            {QStringLiteral("ok"), true},
                            {QStringLiteral("result"), result}});
}

void PortalSession::sendError(const QJsonValue &requestId, const QString &code,
                              const QString &message, const QString &reason) {
    QJsonObject error = PortalProtocol::errorObject(code, message);
    if (!reason.isEmpty()) {
        error.insert(QStringLiteral("reason"), reason);
    }
    writeObject(QJsonObject{{QStringLiteral("id"), requestId},
                            {QStringLiteral("ok"), false},
                            {QStringLiteral("error"), error}});
}

bool PortalSession::sendEvent(const QJsonObject &event) {
    if (!isOpen() || queuedBytes() > PortalProtocol::kMaxQueuedBytes) {
        return false;
    }
    writeObject(event);
    return true;
}

void PortalSession::close(const QString &reason) {
    if (m_closing) {
        return;
    }
    m_closing = true;
    qCInfo(lcPortal).noquote() << "closing portal client" << m_id << m_clientName << ":" << reason;
    m_socket->flush();
    m_socket->disconnectFromServer();
    Q_EMIT closed(this, reason);
}

} // namespace orion::portal
