// SPDX-License-Identifier: GPL-3.0-or-later
#include "node/NodeView.h"

#include "node/BootstrapList.h"
#include "node/MemberAddress.h"
#include "node/Node.h"
#include "routing/Endpoint.h"

#include <algorithm>

namespace orion::node {

std::vector<NodeView::ContactEntry> NodeView::contacts(const Node &node) {
    // Ages and scores use the node's own clock, the one its contacts were stamped with.
    const qint64 now = node.clockMs();
    const identity::Key160 self = node.nodeId();
    std::vector<ContactEntry> entries;
    for (const routing::Contact &c : node.contacts()) {
        ContactEntry e;
        e.id = c.info.id;
        e.address = c.info.endpoint.toString();
        e.bucket = std::max(0, node.bucketIndexFor(c.info.id));
        e.prefixBits = self.commonPrefixLength(c.info.id);
        e.score = c.score(now);
        // Signed: `c.rttMs > 0 ? c.rttMs : -1` is unsigned, and -1 became 4294967295.
        e.rttMs = c.rttMs > 0 ? qint64(c.rttMs) : qint64(-1);
        e.lastSeenMsAgo = now - c.lastSeenMs;
        e.firstSeenMsAgo = now - c.firstSeenMs;
        e.failures = int(c.failures);
        e.state = node.isActivePeer(c.info.id) ? ContactState::Connected
                  : c.failures > 0             ? ContactState::Failing
                                               : ContactState::Known;
        entries.push_back(std::move(e));
    }
    return entries;
}

QString NodeView::contactStateName(ContactState state) {
    switch (state) {
    case ContactState::Connected:
        return QStringLiteral("connected");
    case ContactState::Failing:
        return QStringLiteral("failing");
    case ContactState::Known:
        break;
    }
    return QStringLiteral("known");
}

std::optional<NodeView::ExportError> NodeView::exportMember(const Node &node,
                                                            const std::optional<QString> &address,
                                                            const std::optional<int> &port,
                                                            identity::MemberRecord *out) {
    identity::MemberRecord record = node.memberRecord();
    if (address) {
        if (!routing::Endpoint::parse(QStringLiteral("%1:1").arg(*address))) {
            return ExportError{
                QStringLiteral("address"),
                QStringLiteral("\"address\" is not an IP address: %1").arg(*address)};
        }
        record.addresses = {*address};
    }
    if (port) {
        if (*port < 1 || *port > 65535) {
            return ExportError{QStringLiteral("port"),
                               QStringLiteral("\"port\" must be between 1 and 65535")};
        }
        record.port = quint16(*port);
    }
    bool changed = address || port;
    if (record.addresses.isEmpty()) {
        // Listening everywhere and not told yet where peers see it: publish an address of
        // this host, so that the file can be dialled.
        auto chosen = MemberAddress::choose({}, QHostAddress(QHostAddress::Any));
        if (chosen) {
            record.addresses = chosen->addresses;
            changed = true;
        }
    }
    if (record.port == 0) {
        return ExportError{QStringLiteral("port"),
                           QStringLiteral("the node does not listen, so no one can dial it; "
                                          "give \"port\" (the port it is reachable at)")};
    }
    if (changed) {
        node.signRecord(record);
    }
    *out = std::move(record);
    return std::nullopt;
}

namespace {

NodeView::MemberImport addToProfile(const Profile &profile, const identity::Key160 &self,
                                    const QByteArray &networkId,
                                    const identity::MemberRecord &record) {
    using Verdict = NodeView::MemberImport::Verdict;
    if (record.nodeId == self) {
        return {Verdict::OwnRecord, record.nodeId,
                QStringLiteral("this is the node's own member file")};
    }
    if (auto added = BootstrapList::add(profile, record, networkId); !added) {
        return {Verdict::Refused, record.nodeId, added.error()};
    }
    return {Verdict::Imported, record.nodeId, {}};
}

} // namespace

NodeView::MemberImport NodeView::importMember(Node &node, const QByteArray &json) {
    auto record = identity::MemberRecord::fromJson(json);
    if (!record) {
        return {MemberImport::Verdict::Malformed, {}, record.error()};
    }
    return importMember(node, *record);
}

NodeView::MemberImport NodeView::importMember(const Profile &profile, const identity::Key160 &self,
                                              const QByteArray &networkId, const QByteArray &json) {
    auto record = identity::MemberRecord::fromJson(json);
    if (!record) {
        return {MemberImport::Verdict::Malformed, {}, record.error()};
    }
    return addToProfile(profile, self, networkId, *record);
}

NodeView::MemberImport NodeView::importMember(Node &node, const identity::MemberRecord &record) {
    MemberImport result = addToProfile(node.profile(), node.nodeId(), node.networkId(), record);
    if (result.ok()) {
        QMetaObject::invokeMethod(&node, &Node::bootstrapNow, Qt::QueuedConnection);
        // Whether the member can be reached shows in the status and the log a moment later.
        QMetaObject::invokeMethod(
            &node, [&node, record] { node.checkMember(record); }, Qt::QueuedConnection);
    }
    return result;
}

} // namespace orion::node
