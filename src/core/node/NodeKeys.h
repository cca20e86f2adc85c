// SPDX-License-Identifier: GPL-3.0-or-later
// NodeKeys: the Ed25519 key of a node by its ID, for sealing a message to it. Known keys come
// from the node's live sessions and routing table, from the keys of senders whose messages
// opened here, and from earlier lookups; any other ID is looked up in the overlay (the node
// itself, or any node that has it in its table, answers with its key). Every key is checked
// against the ID it is for (the ID is its hash). Concurrent requests for one ID share one
// lookup; the cache is bounded. Node thread only; owned by the Messenger.
#pragma once

#include "identity/Key160.h"

#include <QByteArray>

#include <functional>
#include <map>
#include <optional>
#include <unordered_map>
#include <vector>

namespace orion::node {

class NodeKeys {
public:
    static constexpr std::size_t kCacheLimit = 4096;

    using Done = std::function<void(std::optional<QByteArray>)>;
    // A key the node holds for `id` (sessions, routing table), or none.
    using Known = std::function<std::optional<QByteArray>(const identity::Key160 &id)>;
    // Looks `id` up in the overlay; calls back with the key of the node by that ID when one
    // answered, never from inside the call.
    using Lookup = std::function<void(const identity::Key160 &id, Done done)>;

    NodeKeys() = default;
    NodeKeys(Known known, Lookup lookup);

    std::optional<QByteArray> known(const identity::Key160 &id) const;
    // `done` gets the key, at once when it is known, after a lookup otherwise.
    void resolve(const identity::Key160 &id, Done done);
    // A key that sealed a message which opened here: a node may answer its sender later.
    void learn(const QByteArray &publicKey);
    quint64 lookups() const { return m_lookups; }

private:
    void remember(const identity::Key160 &id, const QByteArray &publicKey);

    Known m_known;
    Lookup m_lookup;
    std::map<identity::Key160, QByteArray> m_cache;
    std::unordered_map<identity::Key160, std::vector<Done>> m_pending;
    quint64 m_lookups = 0;
};

} // namespace orion::node
