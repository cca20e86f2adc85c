// SPDX-License-Identifier: GPL-3.0-or-later
#include "node/MemberChecks.h"

#include "node/NodeLog.h"
#include "routing/Endpoint.h"

#include <QPointer>
#include <QStringList>

namespace orion::node {

MemberChecks::MemberChecks(Ping ping, Clock clock, QObject *parent)
    : QObject(parent)
    , m_ping(std::move(ping))
    , m_clock(std::move(clock)) {}

MemberCheck *MemberChecks::find(const QString &nodeIdHex) {
    for (auto it = m_checks.rbegin(); it != m_checks.rend(); ++it) {
        if (it->nodeId == nodeIdHex) {
            return &*it;
        }
    }
    return nullptr;
}

void MemberChecks::check(const identity::MemberRecord &record) {
    const QString id = record.nodeId.toHex();
    const routing::Endpoint endpoint = routing::Endpoint::dialable(record);
    const QString address = endpoint.isValid() ? endpoint.toString() : QString();
    // One entry per member: a new import replaces what an older one found. The same file
    // seen twice at once (the portal's import, then the peers/ folder) is one check.
    for (auto it = m_checks.begin(); it != m_checks.end(); ++it) {
        if (it->nodeId == id) {
            if (it->address == address && (it->result == MemberCheck::Result::Checking ||
                                           m_clock() - it->checkedAtMs < kRepeatAfterMs)) {
                return;
            }
            m_checks.erase(it);
            break;
        }
    }
    while (int(m_checks.size()) >= kKept) {
        m_checks.erase(m_checks.begin());
    }
    MemberCheck entry;
    entry.nodeId = id;
    entry.address = address;
    m_checks.push_back(entry);
    m_dialFailures.remove(id);
    auto info = routing::NodeInfo::fromPublicKey(record.publicKey, endpoint);
    if (!endpoint.isValid() || !info) {
        m_dialFailures.insert(id, QStringLiteral("its member file names no address to dial"));
        finish(id, false);
        return;
    }
    qCInfo(lcNode).noquote() << "checking member" << record.nodeId.shortHex() << "at"
                             << entry.address;
    m_ping(*info, [self = QPointer<MemberChecks>(this), id](bool answered) {
        if (self) {
            self->finish(id, answered);
        }
    });
}

void MemberChecks::noteDialFailure(const QString &nodeIdHex, const QString &reason) {
    if (const MemberCheck *c = find(nodeIdHex); c && c->result == MemberCheck::Result::Checking) {
        m_dialFailures.insert(nodeIdHex, reason);
    }
}

void MemberChecks::abandon(const QString &reason) {
    for (const MemberCheck &c : m_checks) {
        if (c.result == MemberCheck::Result::Checking) {
            m_dialFailures.insert(c.nodeId, reason);
        }
    }
    QStringList waiting;
    for (const MemberCheck &c : m_checks) {
        if (c.result == MemberCheck::Result::Checking) {
            waiting << c.nodeId;
        }
    }
    for (const QString &id : waiting) {
        finish(id, false);
    }
}

void MemberChecks::finish(const QString &nodeIdHex, bool reached) {
    MemberCheck *c = find(nodeIdHex);
    if (!c || c->result != MemberCheck::Result::Checking) {
        return;
    }
    c->checkedAtMs = m_clock();
    const QString shortId = nodeIdHex.left(8);
    if (reached) {
        c->result = MemberCheck::Result::Reached;
        qCInfo(lcNode).noquote() << "member" << shortId << "reached at" << c->address;
    } else {
        c->result = MemberCheck::Result::Failed;
        c->reason = m_dialFailures.value(
            nodeIdHex, QStringLiteral("no answer from %1 within the time-out").arg(c->address));
        const QString where =
            c->address.isEmpty() ? QString() : QStringLiteral(" at ") + c->address;
        qCWarning(lcNode).noquote()
            << QStringLiteral("member %1 not reached%2: %3").arg(shortId, where, c->reason);
    }
    m_dialFailures.remove(nodeIdHex);
}

} // namespace orion::node
