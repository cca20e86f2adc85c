// SPDX-License-Identifier: GPL-3.0-or-later
// PortalClient: a small blocking client of the portal protocol for command-line tools and
// tests. Owns one QLocalSocket; use it from one thread. Events that arrive while a request
// waits for its reply are kept for waitForEvent().
#pragma once

#include "util/Result.h"

#include <QJsonObject>
#include <QQueue>
#include <QString>

#include <memory>
#include <optional>

class QLocalSocket;

namespace orion::portal {

class PortalClient {
public:
    PortalClient();
    ~PortalClient();
    PortalClient(const PortalClient &) = delete;
    PortalClient &operator=(const PortalClient &) = delete;

    Status connectToNode(const QString &socketPath, int timeoutMs = 3000);
    bool isConnected() const;
    void close();

    // Sends {"id":n,"type":type,...fields} and waits for the matching reply. On an error
    // reply the Result holds "code: message" and lastErrorCode() the code.
    Result<QJsonObject> request(const QString &type, QJsonObject fields = {},
                                int timeoutMs = 10000);
    QString lastErrorCode() const { return m_lastErrorCode; }
    // The error's "reason", when the node gave one (docs/portal.md); else empty.
    QString lastErrorReason() const { return m_lastErrorReason; }

    // The next pushed event; nullopt on time-out or disconnect (timeoutMs < 0 waits forever).
    std::optional<QJsonObject> waitForEvent(int timeoutMs);

private:
    // Reads one line; nullopt on time-out or disconnect.
    std::optional<QJsonObject> readObject(int timeoutMs);

    std::unique_ptr<QLocalSocket> m_socket;
    QByteArray m_buffer;
    QQueue<QJsonObject> m_events;
    qint64 m_nextId = 1;
    QString m_lastErrorCode;
    QString m_lastErrorReason;
};

} // namespace orion::portal
