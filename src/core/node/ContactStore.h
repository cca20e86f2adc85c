// SPDX-License-Identifier: GPL-3.0-or-later
// ContactStore: the routing-table contacts saved in the profile (contacts.json, written
// atomically) so that a restarted node rejoins without any bootstrap file. Stateless.
#pragma once

#include "routing/Contact.h"
#include "util/Result.h"

#include <vector>

namespace orion::node {

class ContactStore {
public:
    // Best contacts first (by score), at most `limit`.
    static Status save(const QString &path, std::vector<routing::Contact> contacts, qint64 nowMs,
                       int limit);
    // Malformed entries are skipped; a missing file is an empty list.
    static std::vector<routing::NodeInfo> load(const QString &path);
};

} // namespace orion::node
