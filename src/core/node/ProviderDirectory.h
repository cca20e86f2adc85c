// SPDX-License-Identifier: GPL-3.0-or-later
// ProviderDirectory: the provider-record side of a node: stores verified records for
// container keys it is close to and answers get-providers, publishes and refreshes the
// records of the containers it hosts, and resolves container keys to hosts (cache, then a
// lookup and get-providers). Lives on the node thread; owned by its Node.
#pragma once

#include "crypto/Ed25519.h"
#include "routing/NodeInfo.h"
#include "routing/ProviderRecord.h"
#include "routing/ProviderStore.h"

#include <QCborMap>
#include <QElapsedTimer>
#include <QHash>
#include <QObject>

#include <functional>
#include <memory>
#include <optional>
#include <unordered_map>
#include <vector>

class QTimer;

namespace orion::node {

class ProviderDirectory : public QObject {
    Q_OBJECT

public:
    using ResolveCallback = std::function<void(std::optional<routing::ProviderRecord>)>;
    struct Hooks {
        // Sends an overlay message (CBOR map with its type) to a node.
        std::function<void(const routing::NodeInfo &, const QCborValue &)> send;
        // Iterative lookup: the k nodes closest to a key.
        std::function<void(const identity::Key160 &,
                           std::function<void(const std::vector<routing::NodeInfo> &)>)>
            lookup;
    };
    struct Config {
        qint64 ttlSecs = 3600;
        qint64 cacheMs = 60'000;
        qint64 requestTimeoutMs = 3000;
    };

    ProviderDirectory(const crypto::Ed25519 &host, Hooks hooks, Config config,
                      QObject *parent = nullptr);
    ~ProviderDirectory() override;

    // Signs a record for the container, keeps it, and stores it at the k nodes closest to
    // the container key; re-published when a third of its lifetime is left.
    void publish(const crypto::Ed25519 &container);
    // Stops re-publishing; the stored copies expire on their own.
    void withdraw(const identity::Key160 &containerKey);
    bool isPublished(const identity::Key160 &containerKey) const;
    // From our own records, the store and the cache, else by lookup + get-providers.
    void resolve(const identity::Key160 &containerKey, ResolveCallback done);
    std::optional<routing::ProviderRecord> cached(const identity::Key160 &containerKey) const;

    // Types 9, 10 and 11 from an active peer; a failure means the message is malformed.
    Status handle(const routing::NodeInfo &from, int type, const QCborMap &map);

    const routing::ProviderStore &store() const { return m_store; }
    // Stores a record as if a peer had sent it (verification included); for the node.
    Status accept(const routing::ProviderRecord &record);

Q_SIGNALS:
    // A record was stored at `stored` of the nodes closest to its key.
    void published(const orion::identity::Key160 &containerKey, int stored);

private:
    struct Own {
        std::unique_ptr<crypto::Ed25519> key;
        routing::ProviderRecord record;
    };
    struct Resolve {
        identity::Key160 key;
        std::vector<ResolveCallback> callbacks;
        int outstanding = 0;
        bool done = false;
    };

    void announce(const identity::Key160 &containerKey);
    void finishResolve(quint64 requestId, std::optional<routing::ProviderRecord> record);
    void refreshTick();
    static qint64 nowSecs();

    crypto::Ed25519 m_host;
    Hooks m_hooks;
    Config m_config;
    routing::ProviderStore m_store;
    std::unordered_map<identity::Key160, Own> m_own;
    QHash<identity::Key160, std::pair<routing::ProviderRecord, qint64>> m_cache;
    QHash<quint64, Resolve> m_resolves; // by request ID
    struct Announce {
        identity::Key160 key;
        int sent = 0;
        int acks = 0;
        int answers = 0;
    };
    void finishAnnounce(quint64 requestId);
    QHash<quint64, Announce> m_announces;
    quint64 m_nextRequestId = 1;
    QTimer *m_refreshTimer = nullptr;
    QElapsedTimer m_clock;
};

} // namespace orion::node
