// SPDX-License-Identifier: GPL-3.0-or-later
// PeerSessions: every peer connection of a node from its handshake to its close: activation,
// the session of each connection, the live connection per peer, the outbox of messages that
// wait for a dial, the connection policy, and the demultiplexing of what peers send to the
// overlay engine, the router and the provider directory. Node thread only; owned by Node.
#pragma once

#include "identity/Key160.h"
#include "identity/MemberRecord.h"
#include "node/DialPolicy.h"
#include "node/NodeConfig.h"
#include "routing/NodeInfo.h"
#include "routing/RouterHost.h"
#include "util/Result.h"
#include "util/TokenBucket.h"

#include <QCborMap>
#include <QCborValue>
#include <QObject>
#include <QPointer>

#include <functional>
#include <map>
#include <optional>
#include <unordered_map>
#include <vector>

namespace orion::net {
class ConnectionManager;
class PeerConnection;
} // namespace orion::net

namespace orion::overlay {
class OverlayEngine;
class ProviderDirectory;
} // namespace orion::overlay

namespace orion::routing {
class Router;
}

namespace orion::node {

class DialBack;

class PeerSessions : public QObject {
    Q_OBJECT

public:
    // Traffic of every connection since start, closed ones included.
    struct Traffic {
        qint64 bytesIn = 0;
        qint64 bytesOut = 0;
        qint64 messagesIn = 0;
        qint64 messagesOut = 0;
    };
    // What the sessions hand messages to; all live as long as the sessions do.
    struct Parts {
        overlay::OverlayEngine *engine = nullptr;
        routing::Router *router = nullptr;
        overlay::ProviderDirectory *providers = nullptr;
        DialBack *dialBack = nullptr; // reachability checks; none: answered as unknown
    };
    using RecordSource = std::function<identity::MemberRecord()>;
    using Clock = std::function<qint64()>;

    PeerSessions(const identity::Key160 &self, QByteArray networkId, const NodeConfig &config,
                 net::ConnectionManager *connections, RecordSource memberRecord, Clock clock,
                 QObject *parent = nullptr);

    // Connects to the connection manager's signals; before this, nothing is handled.
    void attach(Parts parts);
    // From now on new connections are closed and nothing is dialled or handled.
    void stop();
    // Paused: the listener is closed, every connection too, and nothing is dialled or
    // accepted until resume() listens at `listen` again (when the node listens at all).
    void pause();
    Status resume(const std::optional<routing::Endpoint> &listen);
    bool isPaused() const { return m_paused; }
    // Closes every connection with a goodbye; `done` runs once they are gone or after
    // kGoodbyeMs, whichever is first.
    void closeAll(const QString &reason, std::function<void()> done);
    static constexpr int kGoodbyeMs = 2000;

    // Sends an encoded overlay message to a node: over its active connection, else queued
    // in its outbox while it is dialled (or reported unreachable when it cannot be).
    void send(const routing::NodeInfo &to, const QCborValue &encoded);

    // --- The router's view (RouterHost) ---
    const std::vector<identity::Key160> &livePeers() const { return m_liveIds; }
    bool isLive(const identity::Key160 &peer) const { return m_live.contains(peer); }
    // The key a live peer proved in its handshake.
    std::optional<QByteArray> liveKey(const identity::Key160 &peer) const;
    // The live peers that may relay (livePeers()), as lookups can ask them.
    std::vector<routing::NodeInfo> liveRelays() const;
    routing::RouterHost::SendResult sendRouted(const identity::Key160 &peer,
                                               const routing::RoutedMessage &message);
    // Dials a contact of the routing table; Router::peerUp or connectFailed follows.
    void dialContact(const identity::Key160 &peer);

    // Dials the peers the connection policy keeps and retires the surplus.
    void applyConnectionPolicy();

    // Decides every dial to an address a peer named; Node adds the scopes it is on.
    DialPolicy &dialPolicy() { return m_dialPolicy; }
    const DialPolicy &dialPolicy() const { return m_dialPolicy; }

    // True when an activated, open connection to this node exists.
    bool isActivePeer(const identity::Key160 &id) const;
    int activeCount() const;
    // The activated connections messages can be sent on, those this node dialled first.
    std::vector<net::PeerConnection *> activeConnections() const;
    Traffic traffic() const;

Q_SIGNALS:
    void peerActivated(const QString &nodeId);
    void peerClosed(const QString &nodeId, const QString &reason);
    // A dial to this node did not get through, or the dial policy refused it; `reason` in
    // the transport's words.
    void dialFailed(const QString &nodeId, const QString &reason);

private:
    struct Session {
        QPointer<net::PeerConnection> connection;
        routing::NodeInfo peer;
        bool active = false;
        qint64 lastUsedMs = 0;
        util::TokenBucket routedBudget;
    };

    void onEstablished(net::PeerConnection *connection);
    void onClosed(net::PeerConnection *connection, const QString &reason);
    void onMessage(net::PeerConnection *connection, const QCborValue &message);
    // Decided once the connection manager is done with a closed connection.
    void afterClose(const QByteArray &key, bool dialFailed);
    void handleActivation(Session &session, const QCborValue &message);
    void activate(Session &session, const routing::NodeInfo &peer);
    void handleRouted(Session &session, const QCborMap &map);
    QCborValue activationMessage(bool confirmation, net::PeerConnection *connection) const;
    void flushOutbox(const routing::NodeInfo &peer, net::PeerConnection *connection);
    bool mayRelay(const routing::NodeInfo &peer, const net::PeerConnection &connection) const;
    // An inbound peer with a listener that the table's address limits keep out: surplus.
    bool strayInbound(const Session &session) const;
    // Closes a connection by policy; messages the peer sent before our goodbye still count.
    void retire(Session &session, const QString &reason);
    // connection no longer carries traffic to peer: another usable connection takes over
    // as the peer's live one, or the peer is no longer live.
    void forgetLive(const identity::Key160 &peer, const net::PeerConnection *connection);
    void reject(net::PeerConnection *connection, const QString &reason);
    net::PeerConnection *liveConnection(const identity::Key160 &peer) const;
    // Active and not closing: messages can be sent on it.
    static bool usable(const Session &session);

    identity::Key160 m_self;
    QByteArray m_networkId;
    const NodeConfig &m_config;
    net::ConnectionManager *m_connections;
    RecordSource m_memberRecord;
    Clock m_clock;
    Parts m_parts;
    bool m_stopping = false;
    bool m_paused = false;

    // An unordered_map: a QHash allocates room for 48 entries at first, and a session is
    // large; references also stay valid while other sessions come and go.
    std::unordered_map<net::PeerConnection *, Session> m_sessions;
    // By public key, while dialling. Usually empty: a std::map holds no storage then.
    std::map<QByteArray, std::vector<QCborValue>> m_outbox;
    // Active sessions by peer ID (not a QHash: it reserves room for 48 entries at once).
    std::unordered_map<identity::Key160, net::PeerConnection *> m_live;
    // The relays among them: peers that listen, and that the routing table holds when they
    // dialled this node (mayRelay).
    std::vector<identity::Key160> m_liveIds;
    std::vector<routing::NodeInfo> m_chosenPeers;
    Traffic m_closed; // of connections that have closed (open ones are read live)
    DialPolicy m_dialPolicy;
};

} // namespace orion::node
