// SPDX-License-Identifier: GPL-3.0-or-later
// NodeHost: the real node backend. Unlocks the profile's identity and network key, holds
// the profile lock, and runs a node::Node through node::NodeRunner (on the runner's thread,
// as orion-node does), turning its state into the facade's snapshots. Lives on the
// backend thread (NodeController moves it there); every call into the node goes through
// NodeRunner::call, and the node's signals reach it queued.
#pragma once

#include "crypto/SecureBuffer.h"
#include "facade/NodeBackend.h"
#include "identity/NetworkKey.h"
#include "node/NodeConfig.h"

#include <QHash>

#include <functional>
#include <memory>

namespace orion::container {
class ContainerManager;
} // namespace orion::container

namespace orion::node {
class Node;
class NodeRunner;
class ProfileLock;
} // namespace orion::node

namespace orion::app::facade {

class NodeHost : public NodeBackend {
    Q_OBJECT

public:
    // Lets tests and tools adjust the configuration read from the profile.
    using ConfigAdjust = std::function<void(node::NodeConfig &)>;

    NodeHost(const QString &profileDir, std::shared_ptr<const crypto::SecureBuffer> passphrase,
             ConfigAdjust adjust = {});
    ~NodeHost() override;

    // The factory the application uses.
    static std::unique_ptr<NodeBackend>
    create(const QString &profileDir, std::shared_ptr<const crypto::SecureBuffer> passphrase);

protected:
    Status startNode() override;
    void stopNode(std::function<void()> done) override;
    Status pauseNode(bool paused) override;
    NodeStatus currentStatus() const override;
    RoutingSnapshot currentRouting() const override;
    Status routeMessage(quint64 requestId, const identity::Key160 &target, const QString &service,
                        const QByteArray &body) override;
    QList<ContainerInfo> currentContainers() const override;
    Result<QString> runContainerCommand(ContainerCommand command, const QString &name,
                                        const QString &source) override;
    Result<ContainerDetail> readContainer(const QString &name, quint64 sinceId) const override;
    Result<QByteArray> memberFile() const override;
    Status addMember(const QByteArray &content) override;
    Result<QString> networkKeyText() const override;

private:
    Status buildAndStart();
    void connectMessages(node::Node *node);
    // Runs on the node thread.
    static Result<QString> runCommand(container::ContainerManager *manager,
                                      ContainerCommand command, const QString &name,
                                      const QString &source);
    QString sourceOf(const QString &name, qint64 version) const;
    // The console request a node message ID belongs to (0 when it is not the console's).
    quint64 requestFor(const QByteArray &messageId) const;

    QString m_profileDir;
    std::shared_ptr<const crypto::SecureBuffer> m_passphrase;
    ConfigAdjust m_adjust;
    std::unique_ptr<node::ProfileLock> m_lock;
    std::unique_ptr<node::NodeRunner> m_runner; // null while the node is not running
    identity::Key160 m_self;
    QByteArray m_networkId;
    // A copy of the key the node runs with (it lives in locked memory like the node's), so
    // showing it needs neither the node thread nor another Argon2id run.
    identity::NetworkKey m_networkKey;
    // The watched container's source, read again only when its version changes.
    mutable QString m_sourceOf;
    mutable qint64 m_sourceVersion = -1;
    mutable QString m_source;
    // Console sends still expecting a result: node message ID -> request, oldest first.
    QHash<QByteArray, quint64> m_sends;
    QList<QByteArray> m_sendOrder;
};

} // namespace orion::app::facade
