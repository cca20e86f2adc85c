// SPDX-License-Identifier: GPL-3.0-or-later
// Node: one running node built from a profile: owns its ConnectionManager, the overlay
// engine with its routing table, activation of every connection, bootstrap and the saved
// contacts. Constructed anywhere, then moved to its own thread (see NodeThread); after
// start() it is only used there, through queued calls and signals.
#pragma once

#include "identity/MemberRecord.h"
#include "identity/NetworkKey.h"
#include "identity/NodeIdentity.h"
#include "node/NodeConfig.h"
#include "node/Profile.h"
#include "overlay/OverlayEngine.h"

#include <QCborValue>
#include <QElapsedTimer>
#include <QHash>
#include <QObject>
#include <QPointer>

#include <memory>
#include <vector>

class QFileSystemWatcher;
class QTimer;

namespace orion::net {
class ConnectionManager;
class PeerConnection;
} // namespace orion::net

namespace orion::node {

// A copy of what the node knows, for a GUI or the portal (taken on the node thread).
struct NodeStatus {
    QString nodeId;
    QString listenEndpoint; // empty when not listening
    QString observedAddress;
    int contacts = 0;
    int buckets = 0;
    int connections = 0;
    int activePeers = 0;
    bool bootstrapped = false;
};

class Node : public QObject, private overlay::OverlayHost {
    Q_OBJECT

public:
    Node(const Profile &profile, identity::NodeIdentity identity, identity::NetworkKey networkKey,
         NodeConfig config, QObject *parent = nullptr);
    ~Node() override;

    const identity::Key160 &nodeId() const { return m_identity.nodeId(); }
    const Profile &profile() const { return m_profile; }
    // Node thread only (or through a blocking queued call).
    NodeStatus status() const;
    std::vector<routing::Contact> contacts() const;
    routing::NodeInfo selfInfo() const;
    // The member record this node presents in activation (signed, current addresses).
    identity::MemberRecord memberRecord() const;

public Q_SLOTS:
    // Connected to QThread::started: creates the listener, sockets and timers.
    void start();
    // Saves contacts, says goodbye to every peer, then emits stopped().
    void requestStop();
    // Results arrive as lookupFinished.
    void lookup(const orion::identity::Key160 &target);
    // Re-reads the bootstrap list and saved contacts and bootstraps from them.
    void bootstrapNow();
    void saveContacts();

Q_SIGNALS:
    void listening(const QString &endpoint);
    void startFailed(const QString &reason);
    void bootstrapped(bool ok, int contacts);
    void lookupFinished(const orion::identity::Key160 &target, bool found, int hops,
                        const QStringList &closest);
    void peerActivated(const QString &nodeId);
    void peerClosed(const QString &nodeId, const QString &reason);
    void stopped();

private:
    struct Session {
        QPointer<net::PeerConnection> connection;
        routing::NodeInfo peer;
        bool active = false;
    };

    // OverlayHost
    qint64 nowMs() const override;
    void send(const routing::NodeInfo &to, overlay::OverlayMessage message) override;
    void schedule(qint64 delayMs, std::function<void()> fn) override;
    quint64 randomU64() override;

    void onEstablished(net::PeerConnection *connection);
    void onClosed(net::PeerConnection *connection, const QString &reason);
    void onMessage(net::PeerConnection *connection, const QCborValue &message);
    void handleActivation(Session &session, const QCborMap &map, bool confirmation);
    void activate(Session &session, const routing::NodeInfo &peer);
    QCborValue activationMessage(overlay::MessageType type, net::PeerConnection *connection) const;
    void reject(net::PeerConnection *connection, const QString &reason);
    void sendError(net::PeerConnection *connection, overlay::ErrorCode code, int refType,
                   const QString &text);
    void flushOutbox(const routing::NodeInfo &peer, net::PeerConnection *connection);
    std::vector<routing::NodeInfo> bootstrapSeeds() const;
    void bootstrapTick();

    Profile m_profile;
    identity::NodeIdentity m_identity;
    identity::NetworkKey m_networkKey;
    QByteArray m_networkId;
    NodeConfig m_config;
    QElapsedTimer m_clock;

    net::ConnectionManager *m_connections = nullptr;
    std::unique_ptr<overlay::OverlayEngine> m_engine;
    QHash<net::PeerConnection *, Session> m_sessions;
    QHash<QByteArray, std::vector<QCborValue>> m_outbox; // by public key, while dialling
    QTimer *m_bootstrapTimer = nullptr;
    QTimer *m_saveTimer = nullptr;
    QFileSystemWatcher *m_watcher = nullptr;
    routing::Endpoint m_listenEndpoint;
    QSet<QString> m_knownBootstrapFiles;
    bool m_bootstrapping = false;
    bool m_bootstrapped = false;
    bool m_stopping = false;
};

} // namespace orion::node
