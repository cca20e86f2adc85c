// SPDX-License-Identifier: GPL-3.0-or-later
// ContactInfo: one routing-table contact as a value (what the routing view shows of it).
// Any thread.
#pragma once

#include "identity/Key160.h"

#include <QDateTime>
#include <QMetaType>
#include <QString>

namespace orion::app::facade {

enum class ContactState {
    Connected,   // a live, authenticated connection exists
    Known,       // in the table, not connected right now
    Failing,     // missed at least one ping
    Replacement, // waiting in a full bucket's replacement cache
};

struct ContactInfo {
    identity::Key160 id;
    int bucket = 0;     // bucket index (= common prefix bits with our own ID)
    int prefixBits = 0; // common-prefix length with our own ID (distance class)
    QString address;    // "host:port"
    double score = 0.0;
    int rttMs = -1; // -1 when never measured
    QDateTime lastSeen;
    ContactState state = ContactState::Known;

    friend bool operator==(const ContactInfo &, const ContactInfo &) = default;
};

} // namespace orion::app::facade

Q_DECLARE_METATYPE(orion::app::facade::ContactInfo)
