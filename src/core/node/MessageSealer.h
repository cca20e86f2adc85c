// SPDX-License-Identifier: GPL-3.0-or-later
// MessageSealer: the end-to-end protection of a node's routed messages. Seals what an
// endpoint of this node (the node itself or a container it hosts) sends, for the receiving
// endpoint's key; opens what arrives for one of them (trying the node's key and each hosted
// container's); refuses replays of what it opened before; signs the errors this node raises
// about messages on their way and checks the signatures of errors that come back. Counts what
// it refused. Static-key sealing (seal::SealedEnvelope) with the routing header bound as
// associated data; docs/protocol.md section 5. Node thread only; owned by the Messenger.
#pragma once

#include "identity/Key160.h"
#include "routing/RoutedMessage.h"
#include "seal/SealIdentity.h"
#include "seal/SeenDigests.h"
#include "util/Result.h"

#include <functional>
#include <map>
#include <optional>
#include <unordered_map>
#include <vector>

namespace orion::crypto {
class Ed25519;
}

namespace orion::node {

class MessageSealer {
public:
    struct Stats {
        quint64 sealed = 0;
        quint64 opened = 0;
        quint64 notOpened = 0;       // for none of this node's keys, altered, or malformed
        quint64 replays = 0;         // opened before
        quint64 badReports = 0;      // open errors without a valid signature of their origin
        quint64 forgedAnswers = 0;   // replies, receipts, errors not from the endpoint asked
        quint64 unsealed = 0;        // data, replies or receipts that came open
        quint64 withheldAnswers = 0; // not sent: the origin is not known to host the sender
        friend bool operator==(const Stats &, const Stats &) = default;
    };
    // The Ed25519 key of a container this node hosts and has published, or nullptr.
    using ContainerKey = std::function<const crypto::Ed25519 *(const identity::Key160 &)>;
    // The keys of every container this node hosts and has published.
    using ContainerKeys = std::function<std::vector<identity::Key160>()>;
    // The provider record (CBOR) naming this node as the host of a container, or empty.
    using HostRecord = std::function<QCborMap(const identity::Key160 &)>;
    using Clock = std::function<qint64()>; // seconds since the Unix epoch

    MessageSealer(const crypto::Ed25519 &nodeKey, ContainerKey containerKey,
                  ContainerKeys containerKeys, HostRecord hostRecord, Clock wallClockSecs);

    const identity::Key160 &nodeId() const { return m_nodeId; }
    const QByteArray &nodeKeyBytes() const;

    // Seals `message` (plain, any kind but Sealed) from endpoint `message.source`, which this
    // node must hold the key of, for the receiving endpoint's Ed25519 key: the result is kind
    // Sealed with only the routing header in the clear. Errors: NotFound (no key for the
    // source), InvalidArgument (a receiver key that is no valid key).
    Result<routing::RoutedMessage> seal(const routing::RoutedMessage &message,
                                        const QByteArray &receiverKey);
    // Opens a Sealed message for one of this node's endpoints: its fields, the sender's key
    // and whether the origin is authenticated. Errors: NotFound (for no key of this node, or
    // altered), AlreadyExists (a replay), InvalidArgument (malformed inside).
    Result<routing::RoutedMessage> open(const routing::RoutedMessage &message);

    // Signs an open Error this node raises (RoutedMessage::reporterKey/Signature).
    void signReport(routing::RoutedMessage &error) const;
    // True when an open Error carries a valid signature of the node named as its origin.
    bool verifyReport(const routing::RoutedMessage &error);

    void countForgedAnswer() { ++m_stats.forgedAnswers; }
    void countUnsealed() { ++m_stats.unsealed; }
    void countWithheldAnswer() { ++m_stats.withheldAnswers; }
    const Stats &stats() const { return m_stats; }

private:
    const seal::SealIdentity *identityFor(const identity::Key160 &endpoint);
    bool originHosts(const routing::RoutedMessage &opened);

    const crypto::Ed25519 &m_nodeKey;
    identity::Key160 m_nodeId;
    seal::SealIdentity m_node;
    ContainerKey m_containerKey;
    ContainerKeys m_containerKeys;
    HostRecord m_hostRecord;
    Clock m_wallClockSecs;
    // Containers' seal identities, made on first use (a container's key does not change).
    std::unordered_map<identity::Key160, seal::SealIdentity> m_containers;
    seal::SeenDigests m_seen;
    // Container keys whose host was proven by a provider record, and that host (bounded).
    std::map<identity::Key160, identity::Key160> m_hosts;
    Stats m_stats;
};

} // namespace orion::node
