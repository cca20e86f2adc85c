// SPDX-License-Identifier: GPL-3.0-or-later
// MessageCodec: the CBOR wire form of the overlay messages (integer keys, key 0 = type;
// schema in docs/protocol.md). Decoding never trusts sizes or types from the wire.
// Stateless; any thread.
#pragma once

#include "overlay/Messages.h"
#include "util/Result.h"

#include <QCborMap>
#include <QCborValue>

namespace orion::overlay {

class MessageCodec {
public:
    // Hard upper bound on entries of a nodes reply, whatever a peer's k.
    static constexpr int kMaxNodesPerReply = 32;
    // Most records a providers reply may carry.
    static constexpr int kMaxRecordsPerReply = 8;
    // An activation or confirmation is at most this long on the wire (a member record of at
    // most 16 addresses and an observed address take a little over 4 KiB). A connection's
    // first message is refused past it: before activation only that message is parsed.
    static constexpr qsizetype kMaxActivationBytes = 16 * 1024;

    static QCborValue encode(const OverlayMessage &message);
    // The message type, or -1 when the value is no map with an integer type.
    static int typeOf(const QCborValue &value);
    // Decodes ping, pong, find-node, nodes, error, add-provider, get-providers and providers.
    // Entries of a nodes reply that are unusable (bad key, malformed address, port 0) and
    // records of a providers reply that cannot be read are dropped and counted in `dropped`.
    static Result<OverlayMessage> decode(const QCborValue &value, int *dropped = nullptr);

    // Activation and confirmation (types 2 and 3). Decoding checks the shape (a version of
    // at least 1, a record map); the record itself is verified by the receiver.
    static QCborValue encodeActivation(const ActivationMessage &message);
    static Result<ActivationMessage> decodeActivation(const QCborValue &value);

    static QCborValue encodeEndpointAddress(const routing::Endpoint &endpoint);
    static ErrorMessage errorFor(ErrorCode code, int refType, const QString &message);
};

} // namespace orion::overlay
