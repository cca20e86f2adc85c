// SPDX-License-Identifier: GPL-3.0-or-later
// Node: one running node built from a profile: composes its connection manager, the peer
// sessions, the overlay engine with its routing table, the router, the messenger, the
// provider directory, the portal and the containers; owns their lifecycle and the status
// snapshot. Constructed anywhere, then moved to its own thread; after start() it is only
// used there, through queued calls and signals.
#pragma once

#include "identity/MemberRecord.h"
#include "identity/NetworkKey.h"
#include "identity/NodeIdentity.h"
#include "net/ConnectionManager.h"
#include "node/Messenger.h"
#include "node/NodeConfig.h"
#include "node/NodeStatus.h"
#include "node/Profile.h"
#include "node/RouterLink.h"
#include "node/SendOptions.h"
#include "overlay/OverlayEngine.h"
#include "overlay/ProviderRecord.h"
#include "routing/ContainerEndpoint.h"
#include "routing/Delivery.h"
#include "routing/RoutedMessage.h"
#include "routing/Router.h"
#include "util/Result.h"

#include <QCborValue>
#include <QElapsedTimer>
#include <QHash>
#include <QObject>

#include <functional>
#include <memory>
#include <optional>
#include <vector>

class QTimer;

namespace orion::container {
class ContainerManager;
}

namespace orion::overlay {
class ProviderDirectory;
}

namespace orion::util {
class TimerQueue;
}

namespace orion::node {

class AddressCheck;
class Bootstrapper;
class ContainerBridge;
class DialBack;
class MemberChecks;
class Messenger;
class NodePortal;
class PeerSessions;
class Reachability;

class Node : public QObject, private overlay::OverlayHost {
    Q_OBJECT

public:
    // A local service's handler: called on the node thread for every data message whose
    // target is this node and whose service is the handler's name.
    using ServiceHandler = std::function<routing::Delivery(const routing::RoutedMessage &)>;

    Node(const Profile &profile, identity::NodeIdentity identity, identity::NetworkKey networkKey,
         NodeConfig config, QObject *parent = nullptr);
    ~Node() override;

    const identity::Key160 &nodeId() const { return m_identity.nodeId(); }
    const Profile &profile() const { return m_profile; }
    // Node thread only (or through a blocking queued call).
    NodeStatus status() const;
    std::vector<routing::Contact> contacts() const;
    // The routing-table bucket that holds `id` (-1 before start), for the routing view.
    int bucketIndexFor(const identity::Key160 &id) const;
    routing::NodeInfo selfInfo() const;
    // The member record this node presents in activation (signed, current addresses).
    identity::MemberRecord memberRecord() const;
    // True when an activated connection to this node is open.
    bool isActivePeer(const identity::Key160 &id) const;
    // Milliseconds since the node was constructed: the clock of Contact's time stamps.
    qint64 clockMs() const { return m_clock.elapsed(); }
    const QByteArray &networkId() const { return m_networkId; }
    // The containers this node hosts (null before start() or when disabled).
    container::ContainerManager *containers() const { return m_containerManager; }
    // Signs a record (e.g. a member file with other addresses) with the node's key.
    void signRecord(identity::MemberRecord &record) const { record.sign(m_identity); }
    // Dials a member whose file was just imported and keeps whether it answered (or why
    // not) in status().memberChecks and the log. Node thread only.
    void checkMember(const identity::MemberRecord &record);

    // --- Endpoints and messages (node thread only; docs/protocol.md section 3) ---
    // Services a local application offers at this node's ID. The node answers "echo"
    // (replies with the body) and "ping" (replies "pong") itself; those names and the
    // empty name cannot be registered. False when the name is taken or invalid.
    bool registerService(const QString &name, ServiceHandler handler) {
        return m_messenger->registerService(name, std::move(handler));
    }
    void unregisterService(const QString &name) { m_messenger->unregisterService(name); }
    QStringList services() const { return m_messenger->services(); }
    // The containers this node hosts (not owned; nullptr detaches).
    void setContainerEndpoint(routing::ContainerEndpoint *endpoint) {
        m_messenger->setContainerEndpoint(endpoint);
    }

    // Sends a data message to `target` (a node ID or a container key, see SendOptions) and
    // returns its message ID at once. What follows arrives as messageDelivered,
    // messageReply or messageError with that ID, never before this call returns.
    QByteArray sendMessage(const identity::Key160 &target, const QString &service,
                           const QCborValue &body, const SendOptions &options = {}) {
        return m_messenger->sendMessage(target, service, body, options);
    }
    // Answers a data message that a local service or container received. `from` is the
    // answering endpoint (default: the message's target).
    void sendReply(const routing::RoutedMessage &request, const QCborValue &body,
                   const std::optional<identity::Key160> &from = std::nullopt) {
        m_messenger->sendReply(request, body, from);
    }
    void sendErrorReply(const routing::RoutedMessage &request,
                        routing::RoutedMessage::ErrorCode code, const QString &text) {
        m_messenger->sendErrorReply(request, code, text);
    }
    // The router's view of this node (tests and the routing view).
    routing::Router &router() { return *m_router; }
    // The sessions with every peer and the endpoint side (tests and tools).
    PeerSessions &sessions() { return *m_sessions; }
    // The dial-back questions and answers (tests and tools; null before start()).
    DialBack *dialBack() { return m_dialBack; }
    Messenger &messenger() { return *m_messenger; }

    // --- Containers: provider records ---
    // Publishes a provider record for the container key at the k nodes closest to it and
    // keeps it fresh until withdrawContainer; containerPublished follows.
    void publishContainer(const crypto::Ed25519 &containerKey);
    void withdrawContainer(const identity::Key160 &containerKey);
    // Finds the host of a container key (cache, else lookup); containerResolved follows.
    void resolveContainer(const identity::Key160 &containerKey);
    // The provider records this node stores for others, e.g. for a record check.
    std::optional<overlay::ProviderRecord> storedProvider(const identity::Key160 &key) const;
    // Sends an overlay message (a CBOR map with its type) to a node; for tools and tests
    // that speak the protocol by hand.
    void sendOverlayMessage(const routing::NodeInfo &to, const QCborValue &message);

    // Node thread only. Creates the listener, portal, containers and timers; on failure
    // nothing of it stays and start() can be called again (e.g. once the port is free).
    Status start();
    // Paused: no listening, no dialling, no peer connections; the routing table, contacts,
    // containers and the portal stay. Resuming listens on the same port again (a failure
    // leaves the node paused and says why) and reconnects from the table and saved contacts.
    Status setPaused(bool paused);
    bool isPaused() const { return m_paused; }

public Q_SLOTS:
    // Saves contacts, says goodbye to every peer, then emits stopped().
    void requestStop();
    // Results arrive as lookupFinished.
    void lookup(const orion::identity::Key160 &target);
    // Re-reads the bootstrap list and saved contacts and bootstraps from them.
    void bootstrapNow();
    void saveContacts();

Q_SIGNALS:
    void listening(const QString &endpoint);
    void bootstrapped(bool ok, int contacts);
    void lookupFinished(const orion::identity::Key160 &target, bool found, int hops,
                        const QStringList &closest);
    void peerActivated(const QString &nodeId);
    void peerClosed(const QString &nodeId, const QString &reason);
    void stopped();

    // The message reached its endpoint (a receipt came back) after `hops` hops.
    void messageDelivered(const QByteArray &messageId, int hops);
    // A reply to a message sent from this node.
    void messageReply(const QByteArray &inReplyTo, const orion::routing::RoutedMessage &reply);
    // The message could not be delivered or processed; `code` is a
    // routing::RoutedMessage::ErrorCode (Timeout when nothing came back in time).
    void messageError(const QByteArray &inReplyTo, int code, const QString &text);
    void containerPublished(const orion::identity::Key160 &containerKey, int storedAt);
    // found == false: no valid provider record; hostId is then zero.
    void containerResolved(const orion::identity::Key160 &containerKey, bool found,
                           const orion::identity::Key160 &hostId);

private:
    // OverlayHost
    qint64 nowMs() const override;
    qint64 wallClockMs() const override;
    void send(const routing::NodeInfo &to, overlay::OverlayMessage message) override;
    void schedule(qint64 delayMs, std::function<void()> fn) override;
    quint64 randomU64() override;
    QByteArray liveKeyOf(const identity::Key160 &id) const override;

    Status abandonStart(Status failure);
    void onBootstrapFinished(bool ok);
    // When the node must learn its address from peers (it listens on a wildcard address and
    // publishes none): see AddressCheck.
    void checkObservedAddress();
    // True when an interface other than loopback is up (or the node lives on loopback).
    bool hasNetwork() const;
    // The reachability check and, where it is wanted, the router's port mapping.
    void startReachability();
    bool wantsPortMapping() const;

    Profile m_profile;
    identity::NodeIdentity m_identity;
    identity::NetworkKey m_networkKey;
    QByteArray m_networkId;
    NodeConfig m_config;
    util::TimerQueue *m_timers; // OverlayHost::schedule
    RouterLink m_routerLink;
    QElapsedTimer m_clock;

    net::ConnectionManager *m_connections = nullptr;
    std::unique_ptr<overlay::OverlayEngine> m_engine;
    std::unique_ptr<routing::Router> m_router;
    PeerSessions *m_sessions = nullptr;
    Messenger *m_messenger;
    std::unique_ptr<overlay::ProviderDirectory> m_providers;
    NodePortal *m_portal = nullptr;
    container::ContainerManager *m_containerManager = nullptr;
    ContainerBridge *m_containerBridge = nullptr;
    Bootstrapper *m_bootstrapper = nullptr;
    QTimer *m_saveTimer = nullptr;
    QTimer *m_policyTimer = nullptr;
    AddressCheck *m_addressCheck = nullptr;
    MemberChecks *m_memberChecks = nullptr;
    DialBack *m_dialBack = nullptr;
    Reachability *m_reachability = nullptr;
    routing::Endpoint m_listenEndpoint;
    bool m_stopping = false;
    bool m_paused = false;
    QDateTime m_startedAt;
};

} // namespace orion::node
