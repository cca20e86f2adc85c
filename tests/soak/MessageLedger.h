// SPDX-License-Identifier: GPL-3.0-or-later
// MessageLedger: every message the soak sends, by its token (the body, unique per message):
// who sent it to whom, whether the sender's node confirmed delivery (its receipt), and where
// and how often it arrived — pushed to a receiving service, or counted in a container's
// store. A message acknowledged that never arrived is lost. Any thread (one mutex).
#pragma once

#include <QHash>
#include <QJsonObject>
#include <QMutex>
#include <QString>

#include <vector>

namespace orion::soak {

class MessageLedger {
public:
    enum class Kind { Service, Container };

    // A new token for a message from node `from` to node `to` (the container's host).
    QString sent(Kind kind, int from, int to);
    // The sender's node confirmed delivery of message `messageId`.
    void acknowledged(const QString &token, const QString &messageId, qint64 latencyMs);
    // The send failed (its portal error code); the message may still have arrived.
    void failed(const QString &token, const QString &code);
    // The message reached node `at`: a service event (with the message ID it came under), or
    // `count` times in a container's store (no ID: a script does not see it).
    void arrived(const QString &token, int at, int count = 1, const QString &messageId = {});
    // An arrival of something this soak never sent.
    void strayArrival() {
        QMutexLocker lock(&m_mutex);
        ++m_stray;
    }

    qint64 lost() const;
    QJsonObject summary() const;

private:
    struct Entry {
        Kind kind = Kind::Service;
        int from = 0;
        int to = 0;
        enum class State { Pending, Acknowledged, Failed } state = State::Pending;
        QString failure;
        int arrivals = 0;
        bool misdelivered = false;
        QString messageId; // as the sender's node reported it
        QString arrivedId; // as the receiving service saw it
        qint64 latencyMs = -1;
    };

    mutable QMutex m_mutex;
    QHash<QString, Entry> m_entries;
    qint64 m_next = 0;
    qint64 m_stray = 0;
};

} // namespace orion::soak
