// SPDX-License-Identifier: GPL-3.0-or-later
// NodeView: the one projection of a running node that every face shows — its contacts with
// their state, and member-file import and export with their verdicts. The portal formats it
// as JSON, the desktop backend as its models; neither derives these facts itself. Static
// functions over a Node; call them on the node's thread.
#pragma once

#include "identity/Key160.h"
#include "identity/MemberRecord.h"

#include <QString>

#include <optional>
#include <vector>

namespace orion::node {

class Node;
class Profile;

class NodeView {
public:
    enum class ContactState {
        Connected, // an activated, open connection exists
        Known,     // in the table, not connected right now
        Failing,   // missed at least one ping, not connected
    };
    struct ContactEntry {
        identity::Key160 id;
        QString address; // "host:port"
        int bucket = 0;
        int prefixBits = 0; // common-prefix length with the node's own ID
        double score = 0.0;
        qint64 rttMs = -1; // -1 when never measured
        qint64 lastSeenMsAgo = 0;
        qint64 firstSeenMsAgo = 0;
        int failures = 0;
        ContactState state = ContactState::Known;

        friend bool operator==(const ContactEntry &, const ContactEntry &) = default;
    };

    // What importing a member file did. Anything but Imported changed nothing.
    struct MemberImport {
        enum class Verdict {
            Imported,  // added to the profile's peers; the node bootstraps from it
            Malformed, // not a member file, or its signature or ID does not check out
            OwnRecord, // the node's own member file
            Refused,   // a valid file the profile does not take (another network, no address)
        };
        Verdict verdict = Verdict::Malformed;
        identity::Key160 nodeId; // of the imported member (Imported, OwnRecord, Refused)
        QString reason;          // for a person; empty when imported

        bool ok() const { return verdict == Verdict::Imported; }
    };

    // Every contact of the routing table, closest bucket last, with its state.
    static std::vector<ContactEntry> contacts(const Node &node);
    static QString contactStateName(ContactState state);

    // The member record the node presents, with `address` and `port` replaced when given
    // (then signed again). Fails with a reason for an address that is no IP address or a
    // port outside 1–65535.
    struct ExportError {
        QString field; // "address" or "port"
        QString reason;
    };
    static std::optional<ExportError> exportMember(const Node &node,
                                                   const std::optional<QString> &address,
                                                   const std::optional<int> &port,
                                                   identity::MemberRecord *out);

    // Verifies a member file (JSON bytes or an already parsed record), adds it to the
    // profile's peers and asks the node to bootstrap from it.
    static MemberImport importMember(Node &node, const QByteArray &json);
    static MemberImport importMember(Node &node, const identity::MemberRecord &record);
    // The same verdicts for a profile whose node is not running; it bootstraps from the
    // file when it starts.
    static MemberImport importMember(const Profile &profile, const identity::Key160 &self,
                                     const QByteArray &networkId, const QByteArray &json);
};

} // namespace orion::node
