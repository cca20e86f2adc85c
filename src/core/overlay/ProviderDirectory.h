// SPDX-License-Identifier: GPL-3.0-or-later
// ProviderDirectory: the provider-record protocol of one node: stores verified records for
// container keys it is close to and answers get-providers, publishes and refreshes the
// records of the containers it hosts, and resolves container keys to hosts (cache, then a
// lookup and get-providers). Talks to the world only through an OverlayHost and a lookup,
// so the node and the simulator run the same code. Lives on (and is only called from) its
// node's thread.
#pragma once

#include "crypto/Ed25519.h"
#include "overlay/Messages.h"
#include "overlay/OverlayHost.h"
#include "overlay/ProviderRecord.h"
#include "overlay/ProviderStore.h"
#include "routing/NodeInfo.h"

#include <QHash>

#include <functional>
#include <memory>
#include <optional>
#include <unordered_map>
#include <vector>

namespace orion::overlay {

class OverlayEngine;

class ProviderDirectory {
public:
    using ResolveCallback = std::function<void(std::optional<ProviderRecord>)>;
    using PublishedCallback = std::function<void(const identity::Key160 &containerKey, int stored)>;
    // The k nodes closest to a key (an iterative lookup); called back exactly once.
    using Lookup = std::function<void(const identity::Key160 &,
                                      std::function<void(const std::vector<routing::NodeInfo> &)>)>;
    struct Config {
        qint64 ttlSecs = 3600;
        // How long a record learnt from another node is used without asking again.
        qint64 cacheMs = 60'000;
        // A publish or resolve waits this long for answers after its lookup.
        qint64 requestTimeoutMs = 3000;
        ProviderStore::Limits store;
        // After the first valid answer to a resolve, how long the others may still bring a
        // newer record before the callers hear the newest one. Without it the first answer
        // would win, and any node among the closest could answer at once with an old
        // (validly signed) record to keep senders on a host the container has left.
        qint64 settleMs = 250;
        // A publish that reached no node (none known yet, none answered) is tried again
        // after this long, then twice as long each time, up to retryMaxMs.
        qint64 retryMs = 5000;
        qint64 retryMaxMs = qint64{5} * 60 * 1000;
    };
    // True when this node is among the k closest it knows to a key: only then does it
    // store records for that key that peers send.
    using Responsible = std::function<bool(const identity::Key160 &)>;

    // The refresh cycle (expiry of stored records, re-publishing) starts at once.
    ProviderDirectory(const crypto::Ed25519 &hostKey, OverlayHost &host, Lookup lookup,
                      Config config);
    ~ProviderDirectory();
    ProviderDirectory(const ProviderDirectory &) = delete;
    ProviderDirectory &operator=(const ProviderDirectory &) = delete;

    // The lookup of an overlay engine (none once it has stopped).
    static Lookup lookupThrough(OverlayEngine &engine);
    // Called when a publish has its answers (or its time is up).
    void setPublishedCallback(PublishedCallback published) { m_published = std::move(published); }
    // Without one, every key is this node's to store (a network of a few nodes).
    void setResponsibility(Responsible responsible) { m_responsible = std::move(responsible); }

    // Signs a record for the container, keeps it, and stores it at the k nodes closest to
    // the container key; re-published when a third of its lifetime is left.
    void publish(const crypto::Ed25519 &container);
    // Stops re-publishing; the stored copies expire on their own.
    void withdraw(const identity::Key160 &containerKey);
    bool isPublished(const identity::Key160 &containerKey) const;
    // The key of a container published here (what its messages are sealed and opened
    // with), nullptr for any other; valid until it is withdrawn.
    const crypto::Ed25519 *ownKey(const identity::Key160 &containerKey) const;
    std::vector<identity::Key160> ownKeys() const;
    // The current record of a container published here.
    std::optional<ProviderRecord> ownRecord(const identity::Key160 &containerKey) const;
    // Announces at once every record whose last publish reached no node: the node has a
    // peer now (after a restart, say), so the wait for the next retry would be for nothing.
    void retryUnstored();
    // How many nodes stored the record at its last publish; -1 while none has finished.
    int storedCount(const identity::Key160 &containerKey) const;
    // From our own records, the store and the cache, else by lookup + get-providers. The
    // callback runs at once when the record is known here, else later (never twice).
    void resolve(const identity::Key160 &containerKey, ResolveCallback done);
    // Our own record, else the newest of cache and store.
    std::optional<ProviderRecord> cached(const identity::Key160 &containerKey) const;

    // add-provider, get-providers, providers, and errors that answer the first two: false
    // for every other message, which is the engine's.
    bool handleMessage(const routing::NodeInfo &from, const OverlayMessage &message);

    const ProviderStore &store() const { return m_store; }
    // add-provider requests refused since the directory was made: invalid records, keys this
    // node is not among the closest to, and what the store refused (quotas, full).
    qint64 refusedAdds() const { return m_refusedAdds; }
    // A record this node stores for others (unexpired).
    std::optional<ProviderRecord> stored(const identity::Key160 &containerKey) const;
    // Stores a record as if `sender` had sent it (verification and quotas included).
    Status accept(const ProviderRecord &record, const identity::Key160 &sender);

    // Ends all activity: waiting resolves get no record now, timers become no-ops.
    void stop();
    bool isStopped() const { return m_stopped; }

private:
    struct Own {
        std::unique_ptr<crypto::Ed25519> key;
        ProviderRecord record;
        int stored = -1;        // nodes that stored it at the last finished publish
        int announcing = 0;     // publishes under way
        int retries = 0;        // publishes in a row that reached no node
        quint64 retryTimer = 0; // the retry that is due; an older timer finds another value
    };
    struct Resolve {
        identity::Key160 key;
        std::vector<ResolveCallback> callbacks;
        // The nodes asked that have not answered; answers from anyone else are ignored.
        std::vector<identity::Key160> waiting;
        // The callbacks have run; later answers may still bring a newer record.
        bool done = false;
        // A valid record came: the request settles when every node asked has answered or
        // Config::settleMs later, whichever is first.
        bool settling = false;
    };
    struct Announce {
        identity::Key160 key;
        std::vector<identity::Key160> waiting;
        int sent = 0;
        int acks = 0;
    };

    void announce(const identity::Key160 &containerKey);
    void finishAnnounce(quint64 requestId);
    void scheduleRetry(const identity::Key160 &containerKey);
    void finishResolve(quint64 requestId);
    // Runs the callbacks of a resolve with the newest record known (the request stays to
    // take the answers still expected into the cache).
    void settleResolve(quint64 requestId);
    void handleAdd(const routing::NodeInfo &from, const AddProviderMessage &add);
    void handleProviders(const routing::NodeInfo &from, const ProvidersMessage &reply);
    void handleError(const routing::NodeInfo &from, const ErrorMessage &error);
    // Keeps a verified record learnt from another node; the newest known one wins.
    ProviderRecord remember(const ProviderRecord &record);
    void refreshTick();
    quint64 newRequestId();
    qint64 nowSecs() const { return m_host.wallClockMs() / 1000; }
    // fn, unless this directory is gone or stopped by the time it runs.
    std::function<void()> guarded(std::function<void()> fn);

    crypto::Ed25519 m_hostKey;
    OverlayHost &m_host;
    Lookup m_lookup;
    Config m_config;
    PublishedCallback m_published;
    Responsible m_responsible;
    ProviderStore m_store;
    std::unordered_map<identity::Key160, Own> m_own;
    // Records learnt by resolving, with the time (OverlayHost::nowMs) they are dropped.
    QHash<identity::Key160, std::pair<ProviderRecord, qint64>> m_cache;
    // By request ID: random, so a node that was not asked cannot guess one.
    std::unordered_map<quint64, Resolve> m_resolves;
    std::unordered_map<quint64, Announce> m_announces;
    quint64 m_nextRetryTimer = 0;
    std::shared_ptr<bool> m_alive = std::make_shared<bool>(true);
    bool m_stopped = false;
    qint64 m_refusedAdds = 0;
    // When each peer's refused record was last logged: a flood logs once a minute per peer.
    QHash<identity::Key160, qint64> m_refusalLoggedMs;
};

} // namespace orion::overlay
