// SPDX-License-Identifier: GPL-3.0-or-later
// SentMessages: what a node remembers of each message its endpoints sent, so that an answer
// (reply, receipt, error) is accepted only from the endpoint the message was sealed for and
// reaches the endpoint that sent it. Bounded in count (the oldest is forgotten first) and in
// time (an answer after `lifetimeMs` is not expected any more). Node thread only.
#pragma once

#include "identity/Key160.h"

#include <QByteArray>
#include <QHash>

#include <deque>
#include <optional>

namespace orion::node {

class SentMessages {
public:
    static constexpr int kDefaultCapacity = 16384;
    static constexpr qint64 kDefaultLifetimeMs = qint64(10) * 60 * 1000;

    struct Sent {
        identity::Key160 source;      // the endpoint of this node that sent it
        identity::Key160 target;      // the endpoint it was sealed for: who may answer
        identity::Key160 destination; // the node that hosts the target
        qint64 expiresAtMs = 0;
    };

    explicit SentMessages(int capacity = kDefaultCapacity, qint64 lifetimeMs = kDefaultLifetimeMs);

    void remember(const QByteArray &messageId, const identity::Key160 &source,
                  const identity::Key160 &target, const identity::Key160 &destination,
                  qint64 nowMs);
    // The message `messageId` answers, when it was sent from here and has not expired.
    std::optional<Sent> find(const QByteArray &messageId, qint64 nowMs);
    int size() const { return int(m_sent.size()); }

private:
    void forgetExpired(qint64 nowMs);

    int m_capacity;
    qint64 m_lifetimeMs;
    QHash<QByteArray, Sent> m_sent;
    std::deque<QByteArray> m_order; // oldest first; may name IDs forgotten already
};

} // namespace orion::node
