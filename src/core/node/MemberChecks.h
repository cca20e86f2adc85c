// SPDX-License-Identifier: GPL-3.0-or-later
// MemberChecks: the reachability check that follows a member-file import on a running node.
// It pings the member at the address its file names and keeps the answer (reached, or why
// not) for the status snapshot and the log, so an import that can never connect says so.
// Node thread; owned by Node.
#pragma once

#include "identity/MemberRecord.h"
#include "node/MemberCheck.h"
#include "routing/NodeInfo.h"

#include <QHash>
#include <QObject>

#include <functional>
#include <vector>

namespace orion::node {

class MemberChecks : public QObject {
    Q_OBJECT

public:
    // Pings a node (dialling it when needed); `done(answered)` runs once.
    using Ping = std::function<void(const routing::NodeInfo &, std::function<void(bool)>)>;
    using Clock = std::function<qint64()>;
    // The last results are kept; older ones make room.
    static constexpr int kKept = 16;
    // The same member at the same address is checked again only after this long.
    static constexpr qint64 kRepeatAfterMs = 30'000;

    MemberChecks(Ping ping, Clock clock, QObject *parent = nullptr);

    // Starts a check of an imported member (its file verified already). A member without a
    // dialable address fails at once with that reason.
    void check(const identity::MemberRecord &record);
    // Why a dial to `nodeIdHex` did not get through (the transport's words), remembered for
    // a check that fails afterwards.
    void noteDialFailure(const QString &nodeIdHex, const QString &reason);
    // Ends every check still waiting with `reason` (the node pauses or stops).
    void abandon(const QString &reason);

    std::vector<MemberCheck> checks() const { return {m_checks.begin(), m_checks.end()}; }

private:
    void finish(const QString &nodeIdHex, bool reached);
    MemberCheck *find(const QString &nodeIdHex);

    Ping m_ping;
    Clock m_clock;
    std::vector<MemberCheck> m_checks;      // oldest first (a std::deque takes half a KiB empty)
    QHash<QString, QString> m_dialFailures; // node ID hex -> last reason, while checking
};

} // namespace orion::node
