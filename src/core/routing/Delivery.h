// SPDX-License-Identifier: GPL-3.0-or-later
// Delivery: what a local endpoint answers when the node hands it a message. Plain enum;
// any thread.
#pragma once

namespace orion::routing {

enum class Delivery {
    Accepted,   // taken; a receipt goes to the origin when it asked for one
    Busy,       // the endpoint's queue is full: the origin gets a Busy error
    Refused,    // the endpoint does not accept this sender or service: Refused error
    NoEndpoint, // nothing by that key or service here: NoEndpoint error
};

} // namespace orion::routing
