// SPDX-License-Identifier: GPL-3.0-or-later
// BootstrapList: the member files of peers to bootstrap from, kept in the profile's
// peers/ folder (one verified file per node, written atomically) so that they can be
// added whether or not the node runs. Stateless; any thread.
#pragma once

#include "identity/MemberRecord.h"
#include "node/Profile.h"
#include "util/Result.h"

#include <vector>

namespace orion::node {

class BootstrapList {
public:
    static QString directory(const Profile &profile);
    // Verifies the record (signature, network, an address and port to dial) and stores it
    // as peers/<node-id>.json.
    static Status add(const Profile &profile, const identity::MemberRecord &record,
                      const QByteArray &networkId);
    // Every stored record that verifies for the network; others are skipped with a warning.
    static std::vector<identity::MemberRecord> load(const Profile &profile,
                                                    const QByteArray &networkId);
};

} // namespace orion::node
