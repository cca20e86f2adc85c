// SPDX-License-Identifier: GPL-3.0-or-later
// AwaitedReceipts: the messages sent from a node that wait for a receipt, reply or error,
// each until its deadline. An answered message is forgotten at once, deadline included, so
// what is held is what is still in flight, however many messages went out before.
#pragma once

#include <QByteArray>
#include <QHash>

#include <map>
#include <optional>
#include <vector>

namespace orion::routing {

class AwaitedReceipts {
public:
    // Waits for `messageId` until `deadlineMs` (a later expect() for the same ID moves it).
    void expect(const QByteArray &messageId, qint64 deadlineMs);
    // The answer came: true when the message was awaited (it no longer is).
    bool settle(const QByteArray &messageId);
    // Forgets and returns the messages whose deadline is at or before `nowMs`, earliest
    // deadline first.
    std::vector<QByteArray> expire(qint64 nowMs);
    // The earliest deadline awaited; none when nothing is.
    std::optional<qint64> nextDeadline() const {
        return m_byDeadline.empty() ? std::nullopt : std::optional(m_byDeadline.begin()->first);
    }
    bool contains(const QByteArray &messageId) const { return m_deadlineOf.contains(messageId); }
    int size() const { return int(m_deadlineOf.size()); }

private:
    using Deadlines = std::multimap<qint64, QByteArray>;
    Deadlines m_byDeadline;
    QHash<QByteArray, Deadlines::iterator> m_deadlineOf;
};

} // namespace orion::routing
