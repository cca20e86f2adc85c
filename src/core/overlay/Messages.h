// SPDX-License-Identifier: GPL-3.0-or-later
// The overlay's node-to-node messages as typed values (the wire form is CBOR, see
// MessageCodec and docs/protocol.md). Plain value types; any thread.
#pragma once

#include "overlay/ProviderRecord.h"
#include "routing/NodeInfo.h"

#include <QString>

#include <QCborMap>

#include <optional>
#include <variant>
#include <vector>

namespace orion::overlay {

// Version of the overlay protocol carried in activation and confirmation.
inline constexpr int kProtocolVersion = 1;

enum class MessageType : int {
    Routed = 0,
    Activation = 2,
    Confirmation = 3,
    Ping = 4,
    Pong = 5,
    FindNode = 6,
    Nodes = 7,
    Error = 8,
    AddProvider = 9, // provider records: handled by overlay/ProviderDirectory
    GetProviders = 10,
    Providers = 11,
    DialBack = 12, // reachability checks: handled by node/DialBack
    DialBackResult = 13,
};

enum class ErrorCode : int {
    UnknownType = 1,
    Malformed = 2,
    NotActivated = 3,
    Unsupported = 4,
    Rejected = 5, // a well-formed request refused (e.g. a provider record that fails checks)
};

struct PingMessage {
    quint64 nonce = 0;
};

struct PongMessage {
    quint64 nonce = 0;
    // The sender's address as the answering node sees it (null when unknown).
    routing::Endpoint observed;
};

struct FindNodeMessage {
    quint64 requestId = 0;
    identity::Key160 target;
};

struct NodesMessage {
    quint64 requestId = 0;
    std::vector<routing::NodeInfo> nodes;
    // The Ed25519 key of the node with the target ID, when the answering node is that node
    // or has a live connection to it (a leaf, which no table holds); empty otherwise.
    QByteArray targetKey;
};

struct ErrorMessage {
    ErrorCode code = ErrorCode::Malformed;
    // The type of the message that caused it, and its request ID or nonce if it had one.
    int refType = -1;
    quint64 requestId = 0;
    QString message;
};

// Activation (HELLO, type 2) and its confirmation (type 3): the first message on a connection,
// before which nothing else is accepted. The record is checked by the node, not here.
struct ActivationMessage {
    bool confirmation = false;
    qint64 version = kProtocolVersion;
    QCborMap record; // the sender's signed member record
    // The receiver's address as the sender sees it (null when unknown).
    routing::Endpoint observed;
};

// Provider records (docs/protocol.md section 4): store a record at a node close to its key,
// ask a node for the records it stores for a key, and the answer to both.
struct AddProviderMessage {
    quint64 requestId = 0;
    // Empty when the record on the wire could not be read; `invalid` then says why. Such a
    // request is answered with a rejection, not treated as a malformed message.
    std::optional<ProviderRecord> record;
    QString invalid;
};

struct GetProvidersMessage {
    quint64 requestId = 0;
    identity::Key160 key;
};

struct ProvidersMessage {
    quint64 requestId = 0;
    // Entries that could not be read are dropped by the codec (and counted).
    std::vector<ProviderRecord> records;
};

using OverlayMessage =
    std::variant<PingMessage, PongMessage, FindNodeMessage, NodesMessage, ErrorMessage,
                 AddProviderMessage, GetProvidersMessage, ProvidersMessage>;

} // namespace orion::overlay
