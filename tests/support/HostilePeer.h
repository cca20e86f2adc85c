// SPDX-License-Identifier: GPL-3.0-or-later
// HostilePeer: one member of a network (its own identity and key) that speaks the Secret
// Handshake, the box stream and the overlay protocol through the product's own
// ConnectionManager, MessageCodec and MemberRecord, and misbehaves on request: silent
// sockets and connection floods (SocketFlood), records claiming addresses it does not
// connect from, false observed addresses, oversized or deeply nested first messages, provider
// record and routed message floods, nodes replies that name one host under many IDs, and a
// connection it stops reading (SlowReader). Every flood is bounded in count and time. Lives
// on the thread that creates it, which must run an event loop (its waits spin it).
#pragma once

#include "SlowReader.h"
#include "SocketFlood.h"
#include "identity/MemberRecord.h"
#include "identity/NetworkKey.h"
#include "identity/NodeIdentity.h"
#include "net/ConnectionManager.h"
#include "overlay/Messages.h"
#include "routing/Endpoint.h"
#include "routing/NodeInfo.h"
#include "routing/RoutedMessage.h"

#include <QCborMap>
#include <QHostAddress>
#include <QObject>
#include <QSet>

#include <deque>
#include <functional>
#include <map>
#include <memory>
#include <optional>

class QTcpServer;

namespace orion::test {

class HostilePeer : public QObject {
    Q_OBJECT

public:
    // A node to attack: its listen port on 127.0.0.1 and its public key.
    struct Target {
        quint16 port = 0;
        QByteArray publicKey;
    };

    explicit HostilePeer(const identity::NetworkKey &networkKey,
                         identity::NodeIdentity identity = identity::NodeIdentity::generate(),
                         QObject *parent = nullptr);
    ~HostilePeer() override;

    // An identity whose ID shares its first `prefixBits` bits (at most 16) with `near`: a
    // peer a node keeps among its closest contacts and asks first in lookups near it.
    static identity::NodeIdentity identityNear(const identity::Key160 &near, int prefixBits);

    const identity::NodeIdentity &identity() const { return m_identity; }
    identity::Key160 id() const { return m_identity.nodeId(); }
    net::ConnectionManager &manager() { return *m_manager; }

    // --- The protocol, as a member speaks it ---------------------------------------------

    // Listens on `address` (a free port), so that nodes can dial this peer.
    Status listen(const QHostAddress &address = QHostAddress(QHostAddress::LocalHost));
    quint16 listenPort() const { return m_manager->listenPort(); }
    // Its signed member record claiming `addresses` and `port` (default: its listen port, or
    // 4321 when it does not listen), for `networkId` (default: its network's).
    identity::MemberRecord record(const QStringList &addresses = {QStringLiteral("127.0.0.1")},
                                  std::optional<quint16> port = {},
                                  const QByteArray &networkId = {}) const;
    // An activation (or confirmation) carrying `record`, and the observed address it claims
    // (lieAboutObservedAddress) if any.
    QCborMap activation(const identity::MemberRecord &record, bool confirmation = false) const;
    // Dials the node and completes the handshake; nullptr when that failed within timeoutMs.
    net::PeerConnection *connect(const Target &target, int timeoutMs = 10000);
    // Dials, activates with a record claiming `addresses` and waits for the confirmation;
    // nullptr when none came.
    net::PeerConnection *activate(const Target &target,
                                  const QStringList &addresses = {QStringLiteral("127.0.0.1")},
                                  int timeoutMs = 10000);
    // The same with a record of the caller's making.
    net::PeerConnection *activate(const Target &target, const identity::MemberRecord &record,
                                  int timeoutMs = 10000);
    // Takes the first message of `type` the node sent (on any connection) that is not taken
    // yet, waiting up to timeoutMs; an empty map when none came. Routed messages are counted
    // (routedErrors), not kept.
    QCborMap next(overlay::MessageType type, int timeoutMs = 10000);
    // Sends `message` on `connection` and waits until the node closes it: the reason, or an
    // empty string when it stayed open.
    QString sendAndAwaitClose(net::PeerConnection *connection, const QCborValue &message,
                              int timeoutMs = 10000);
    // Every close so far, with its reason.
    const QStringList &closeReasons() const { return m_closeReasons; }

    // --- Misbehaviour --------------------------------------------------------------------

    // Lock-out: silent sockets in the node's handshake from `networks` /24s (127.0.n.0,
    // from firstNetwork on), perNetwork from each, perAddress from each address. Held until
    // releaseSockets(). Returns how many connected.
    int holdSilentSockets(quint16 port, int networks, int perNetwork, int perAddress,
                          int firstNetwork = 1);
    // Descriptor flood: `count` connections at once from one address (127.0.network.1).
    int floodConnections(quint16 port, int count, int network = 200);
    SocketFlood &sockets() { return m_sockets; }
    void releaseSockets() { m_sockets.release(); }

    // Every activation and confirmation from now on claims the node is at `lie`.
    void lieAboutObservedAddress(const routing::Endpoint &lie) { m_observedLie = lie; }
    // Activations of nodes that dialled this peer, each answered with a confirmation.
    int activationsAnswered() const { return m_activationsAnswered; }

    // An activation padded to `bytes` with an unknown field: past the first-message limit.
    QCborMap oversizedActivation(int bytes) const;
    // `depth` arrays nested in one another around an integer.
    static QCborValue nested(int depth);
    // An activation that carries a value nested `depth` deep in an unknown field.
    QCborMap nestedActivation(int depth) const;

    // Dial amplification: a listener that counts and drops every connection, and from now
    // on the next `replies` find-nodes the node sends are answered with `ids` fresh IDs, all
    // at `at`.
    routing::Endpoint openTrap();
    int trapConnections() const { return m_trapConnections; }
    void answerFindNodeWithOneHost(const routing::Endpoint &at, int ids, int replies = 1000);
    int amplifiedReplies() const { return m_amplifiedReplies; }

    // Provider records, valid and signed with this peer's host key, for `count` fresh
    // container keys; waits for the node's answers (at most timeoutMs).
    struct ProviderFlood {
        int sent = 0;
        int stored = 0;   // answered with providers
        int rejected = 0; // answered with an error
    };
    ProviderFlood floodProviderRecords(net::PeerConnection *connection, int count,
                                       int timeoutMs = 30000);

    // Routed data messages for the node (service `service`), `count` of them as fast as the
    // connection takes them, then waits (at most timeoutMs) for the errors that answer them.
    struct RoutedFlood {
        int sent = 0;
        int busy = 0;        // answered with error busy (over the rate)
        int otherErrors = 0; // any other route error (no_endpoint for an unknown service)
    };
    RoutedFlood floodRouted(net::PeerConnection *connection, const identity::Key160 &node,
                            int count, const QString &service = QStringLiteral("no-such-service"),
                            int timeoutMs = 30000);
    // Route errors received so far, by code.
    int routedErrors(int code) const;

    // --- End to end -----------------------------------------------------------------------

    // From now on find-nodes are answered with `nodes` (a relay that knows the target).
    void answerFindNodeWith(std::vector<routing::NodeInfo> nodes) { m_findNodeAnswer = nodes; }
    // A relay: from now on every routed message for one of `nodes` (public keys) goes on to
    // that node's connection (one more hop), after `tamper`, which may change it or return
    // false to drop it. Messages are kept for nextRouted() and routedWire() all the same.
    using Tamper = std::function<bool(routing::RoutedMessage &)>;
    void relayFor(const std::vector<QByteArray> &nodes, Tamper tamper = {});
    int relayed() const { return m_relayed; }
    // The next routed message the node sent this peer as it arrived (sealed or open),
    // waiting up to timeoutMs; nullopt when none came.
    std::optional<routing::RoutedMessage> nextRouted(int timeoutMs = 10000);
    // Every routed message the node sent this peer, as this peer decrypted it from its box
    // stream (CBOR, concatenated; the first 4 MiB).
    const QByteArray &routedWire() const { return m_routedWire; }

    // Slow reader: a second member (its own identity) that asks the node for `count` echoes
    // of `bodyBytes` and stops reading; owned by this peer. nullptr when it did not connect.
    SlowReader *startSlowReader(const Target &target, int count, int bodyBytes);
    void stopSlowReader();

private:
    void onMessage(net::PeerConnection *connection, const QCborValue &message);

    identity::NetworkKey m_networkKey;
    identity::NodeIdentity m_identity;
    std::unique_ptr<net::ConnectionManager> m_manager;
    std::deque<QCborValue> m_inbox; // what the node sent, oldest first (bounded)
    QStringList m_closeReasons;
    SocketFlood m_sockets;
    routing::Endpoint m_observedLie;
    int m_activationsAnswered = 0;
    QTcpServer *m_trap = nullptr;
    int m_trapConnections = 0;
    std::optional<routing::Endpoint> m_amplifyAt;
    int m_amplifyIds = 0;
    int m_amplifyReplies = 0;
    int m_amplifiedReplies = 0;
    QSet<quint64> m_providerRequests;
    ProviderFlood m_providerAnswers;
    std::map<int, int> m_routedErrors;
    std::optional<std::vector<routing::NodeInfo>> m_findNodeAnswer;
    std::deque<routing::RoutedMessage> m_routedInbox; // bounded
    std::map<identity::Key160, QByteArray> m_relayKeys;
    Tamper m_tamper;
    int m_relayed = 0;
    QByteArray m_routedWire;
    std::unique_ptr<SlowReader> m_slowReader;
};

} // namespace orion::test
