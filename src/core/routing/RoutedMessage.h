// SPDX-License-Identifier: GPL-3.0-or-later
// RoutedMessage: a message that travels hop by hop through the overlay (wire type 0): data,
// a reply to an earlier message, a receipt, or an error back to the origin. On the wire every
// data message, reply, receipt and endpoint error is sealed end to end (kind Sealed: a routing
// header and the sealed part, docs/protocol.md section 5); only errors raised by a node on
// the way travel open, signed by the node that raised them. In memory a message that was
// opened holds every field again, with the sender's authenticated key. Plain value; any thread.
#pragma once

#include "identity/Key160.h"
#include "util/CborBounds.h"
#include "util/Result.h"

#include <QByteArray>
#include <QCborMap>
#include <QCborValue>
#include <QMetaType>
#include <QString>

namespace orion::routing {

struct RoutedMessage {
    enum class Kind : int {
        Data = 0,    // a body for an endpoint
        Reply = 1,   // the answer to `inReplyTo`
        Error = 2,   // `inReplyTo` could not be delivered or processed; `errorCode` says why
        Receipt = 3, // `inReplyTo` reached its endpoint; the body holds the hops it took
        // On the wire: one of the above, sealed for its target endpoint (`sealed`); relays
        // see only the routing header. Opened at the destination into the kind inside.
        Sealed = 4,
    };
    enum class ErrorCode : int {
        None = 0,
        NoRoute = 1,        // no live connection leads closer to the destination
        HopLimit = 2,       // the hop limit ran out
        Loop = 3,           // a node saw the message twice
        NoEndpoint = 4,     // the destination has no such service or container
        Refused = 5,        // the endpoint refused it (allow-list)
        EndpointFailed = 6, // the container failed while processing it
        Busy = 7,           // the endpoint's queue is full
        Unresolved = 8,     // no provider record for the container key
        Timeout = 9,        // neither a receipt nor an error came back in time (local only)
    };

    static constexpr int kIdBytes = 16;
    static constexpr int kDefaultHopLimit = 32;
    static constexpr int kMaxHopLimit = 64;
    static constexpr qsizetype kMaxServiceBytes = 64;
    // The largest route depth a message may carry on the wire (containers stop far earlier,
    // at their node's containers/maxRouteDepth).
    static constexpr int kMaxRouteDepth = 1024;
    // How deep and large a body may be: with the fields around it, a message stays within
    // the bounds every node checks on the wire (util::CborBounds' defaults, 32 and 65,536).
    static constexpr util::CborBounds kBodyBounds{24, 60'000};

    QByteArray messageId; // 16 random bytes
    Kind kind = Kind::Data;
    identity::Key160 origin;         // the node that sent it
    identity::Key160 source;         // the sending endpoint (node ID, container key)
    identity::Key160 destination;    // the node it must reach
    identity::Key160 target;         // the endpoint there (node ID, container key)
    QString service;                 // the service at a node endpoint; may be empty
    int hopLimit = kDefaultHopLimit; // hops left; a node that would forward at 0 drops it
    int hops = 0;                    // hops taken so far
    bool wantReceipt = false;        // Data: the destination answers with a Receipt
    // Data: how many container-routed messages led to this one (0: sent by a node or an
    // application). A container that routes while handling a message at depth d sends at
    // d + 1, so a loop of containers routing to each other (or one to itself) is seen.
    int routeDepth = 0;
    // Data with a route depth: the container whose route started the chain. A container
    // that finds its own key here is getting its own messages back.
    identity::Key160 routeOrigin;
    QByteArray inReplyTo; // Reply and Error: the message ID answered
    ErrorCode errorCode = ErrorCode::None;
    QString errorText;
    QCborValue body; // any JSON-compatible value

    // Kind Sealed: the sealed part (seal/SealFormat.h), bound to sealHeader().
    QByteArray sealed;
    // An open Error: the Ed25519 key of the node that raised it (its ID is `origin`) and its
    // signature over reportSignedBytes().
    QByteArray reporterKey;
    QByteArray reporterSignature;

    // In memory only, set when a sealed message was opened here: the sender's Ed25519 key
    // (its hash is `source`), and whether `origin` is known to host that sender (the source
    // is the origin node itself, or a provider record signed by both names the origin as the
    // container's host). Answers go only to authenticated origins (no reflection).
    QByteArray sourceKey;
    bool originAuthenticated = false;
    // In memory only: the size of the sealed part this message arrived in (0 when it was not).
    qsizetype sealedBytes = 0;
    // In memory only: a provider record (CBOR) that a container puts in what it seals, so
    // the receiver can tell that the origin hosts it.
    QCborMap hostRecord;

    static QByteArray newMessageId();
    static QString errorCodeName(ErrorCode code);

    // The wire form: a Sealed message as its routing header and sealed part, an open Error
    // with its report signature, any other kind (tests, local use) with every field.
    QCborMap toCbor() const;
    // Validates every field; unknown fields are ignored.
    static Result<RoutedMessage> fromCbor(const QCborMap &map);

    // The bytes a sealed part is bound to (associated data): "orion-routed-v2" and a zero
    // byte, message ID (16), destination (20), origin (20): 72 bytes. Relays may change the
    // hop limit and hop count, nothing else.
    QByteArray sealHeader() const;
    // This message's routing header as a Sealed message, its sealed part still empty.
    RoutedMessage sealedShell() const;
    // What is sealed (CBOR): kind, target, service, receipt flag, route depth and origin,
    // the ID answered, error code and text, body, host record. The source is not in it: it
    // is the hash of the key that sealed it.
    QByteArray sealedPlaintext() const;
    // This header's message with the fields of an opened plaintext; `senderKey` is the key
    // that sealed it. Fails for malformed or out-of-bound plaintext.
    Result<RoutedMessage> withOpened(QByteArrayView plaintext, const QByteArray &senderKey) const;
    // "orion-route-error-v1", message ID, origin, destination, the ID answered, the code
    // (u32 big-endian) and the text (UTF-8): what the node raising an open Error signs.
    QByteArray reportSignedBytes() const;

    // An error about this message, addressed back to its origin.
    RoutedMessage makeError(const identity::Key160 &self, ErrorCode code,
                            const QString &text) const;
    // A reply to this message from `from` (an endpoint on node `self`).
    RoutedMessage makeReply(const identity::Key160 &self, const identity::Key160 &from,
                            const QCborValue &replyBody) const;
    // The destination's word that this message reached its endpoint after `hops` hops.
    RoutedMessage makeReceipt(const identity::Key160 &self) const;
    // About the memory this message holds while it waits in a queue: its body
    // (util::CborBounds::retainedBytes) and its fields.
    qint64 retainedBytes() const;

    // Errors, receipts and replies are never answered with an error themselves: that
    // could bounce forever between two nodes that both fail to route.
    // A relay cannot tell what a sealed message is, so it answers any (its errors are open
    // and never answered themselves).
    bool mayBeAnswered() const { return kind == Kind::Data || kind == Kind::Sealed; }
};

} // namespace orion::routing

Q_DECLARE_METATYPE(orion::routing::RoutedMessage)
