// SPDX-License-Identifier: GPL-3.0-or-later
// Invite: joining a network in one paste. One text line, an `orion:` URI, that holds the
// network key and the member file of a node to dial first:
//   orion:join?network=orion-net%3A…&member=<base64url of the member file's compact JSON>
// It carries a secret (the network key), like the key itself. Value type; any thread.
#pragma once

#include "identity/MemberRecord.h"
#include "identity/NetworkKey.h"
#include "util/Result.h"

#include <QString>

namespace orion::node {

class Invite {
public:
    static constexpr const char *kPrefix = "orion:join?";

    identity::NetworkKey networkKey;
    identity::MemberRecord member;

    QString toUri() const;
    // Parses an invite and checks it: the key's checksum, the member file's signature, that
    // the member belongs to the key's network and names an address and port to dial.
    static Result<Invite> parse(QStringView text);
    // True for text that is meant as an invite (it may still fail to parse).
    static bool isInvite(QStringView text);
};

} // namespace orion::node
