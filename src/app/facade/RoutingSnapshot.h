// SPDX-License-Identifier: GPL-3.0-or-later
// RoutingSnapshot: the routing table at one moment, as values: our own ID, every contact
// and the fill level of each bucket. Produced on the backend thread; any thread.
#pragma once

#include "facade/ContactInfo.h"

#include <QList>
#include <QMetaType>

namespace orion::app::facade {

struct BucketInfo {
    int index = 0; // common-prefix length covered by the bucket
    int contacts = 0;
    int replacements = 0;
    int capacity = 20;

    friend bool operator==(const BucketInfo &, const BucketInfo &) = default;
};

struct RoutingSnapshot {
    identity::Key160 self;
    QList<ContactInfo> contacts;
    QList<BucketInfo> buckets; // only non-empty buckets

    friend bool operator==(const RoutingSnapshot &, const RoutingSnapshot &) = default;
};

} // namespace orion::app::facade

Q_DECLARE_METATYPE(orion::app::facade::RoutingSnapshot)
