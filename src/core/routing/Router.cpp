// SPDX-License-Identifier: GPL-3.0-or-later
#include "routing/Router.h"

#include "routing/RoutingLog.h"

namespace orion::routing {

using identity::Key160;
using ErrorCode = RoutedMessage::ErrorCode;

Router::Router(const Key160 &self, RouterHost &host, RouterConfig config)
    : m_self(self)
    , m_host(host)
    , m_config(config)
    , m_seen(config.seenCacheSize) {}

bool Router::remember(const QByteArray &messageId, const Key160 &from) {
    return m_seen.insert(messageId, from);
}

bool Router::unreachable(const Key160 &peer) {
    auto it = m_unreachableUntil.find(peer);
    if (it == m_unreachableUntil.end()) {
        return false;
    }
    if (it->second <= m_host.nowMs()) {
        m_unreachableUntil.erase(it);
        return false;
    }
    return true;
}

bool Router::isLive(const Key160 &peer) const {
    return m_host.isConnected(peer);
}

int Router::waitingCount() const {
    int n = 0;
    for (const auto &[peer, queue] : m_waiting) {
        n += int(queue.messages.size());
    }
    return n;
}

Router::Decision Router::route(RoutedMessage message, const Key160 &from) {
    if (!remember(message.messageId, from)) {
        // The same message came back: a loop (inconsistent tables) or a duplicate. It goes
        // no further, whatever its hop limit says.
        ++m_stats.duplicates;
        qCDebug(lcRouting).noquote()
            << m_self.shortHex() << "dropped a message seen before from" << from.shortHex();
        return fail(message, ErrorCode::Loop,
                    QStringLiteral("node %1 saw the message twice").arg(m_self.toHex()));
    }
    return onward(std::move(message));
}

Router::Decision Router::onward(RoutedMessage message) {
    const Key160 destination = message.destination;
    if (destination == m_self) {
        ++m_stats.delivered;
        m_host.deliverLocal(message);
        return {Outcome::Delivered, m_self, ErrorCode::None};
    }
    if (message.hopLimit <= 0) {
        ++m_stats.hopLimit;
        return fail(message, ErrorCode::HopLimit,
                    QStringLiteral("hop limit reached at %1").arg(m_self.toHex()));
    }

    std::optional<Key160> next;
    bool dial = false;
    if (m_override) {
        next = m_override(message);
    }
    if (!next && m_host.isConnected(destination)) {
        next = destination;
    }
    if (!next) {
        // Greedy over live connections: the peer closest to the destination, and only if it
        // is strictly closer than this node, so every hop makes progress.
        Key160 best = m_self;
        bool any = m_config.relay;
        for (const Key160 &peer : m_host.livePeers()) {
            if (!any || destination.isCloser(peer, best)) {
                best = peer;
                any = true;
            }
        }
        if (best != m_self && best != destination && m_config.connectToDestination &&
            message.origin == m_self && m_self < destination && !unreachable(destination) &&
            !m_waiting.count(destination)) {
            // This message goes on over the live connection at once; the connection to
            // the destination serves the messages that follow (one hop). Only the ends of
            // a conversation dial, never the relays in between (a relay would otherwise
            // open a connection for every destination it forwards to), and only the end
            // with the smaller ID: two nodes dialling each other at once (a message and
            // its receipt) would make duplicate connections, and messages already sent on
            // the one that gets closed would be lost.
            const auto known = m_host.knownContacts(destination, 1);
            if (!known.empty() && known.front() == destination) {
                m_waiting.emplace(destination, WaitingQueue{});
                m_host.connectTo(destination);
            }
        }
        if (!next && best != m_self) {
            next = best;
        }
        if (!next) {
            // No live peer leads closer: dial the closest known contact that does.
            for (const Key160 &contact : m_host.knownContacts(destination, 4)) {
                if (!destination.isCloser(contact, m_self)) {
                    break;
                }
                if (!unreachable(contact) && !isLive(contact)) {
                    next = contact;
                    dial = true;
                    break;
                }
            }
        }
        if (!next) {
            // A dial already under way towards a closer node: wait for it too.
            for (auto it = m_waiting.begin(); it != m_waiting.end(); ++it) {
                if (destination.isCloser(it->first, m_self) &&
                    (!next || destination.isCloser(it->first, *next))) {
                    next = it->first;
                    dial = true;
                }
            }
        }
    } else {
        dial = !isLive(*next);
    }
    if (!next) {
        ++m_stats.noRoute;
        return fail(message, ErrorCode::NoRoute,
                    QStringLiteral("no connection of %1 leads closer to %2")
                        .arg(m_self.toHex(), destination.toHex()));
    }

    if (dial) {
        const bool known = m_waiting.count(*next) > 0;
        auto &queue = m_waiting[*next];
        if (int(queue.messages.size()) >= m_config.maxWaitingPerPeer) {
            ++m_stats.busy;
            return fail(message, ErrorCode::Busy,
                        QStringLiteral("too many messages wait for a connection at %1")
                            .arg(m_self.toHex()));
        }
        // Bytes as well as messages: 256 bodies of 1 MiB per dialled contact, times the
        // contacts being dialled, would otherwise be memory any member can make a node hold.
        const qint64 bytes = message.retainedBytes();
        if ((!queue.messages.empty() && queue.bytes + bytes > m_config.maxWaitingBytesPerPeer) ||
            m_waitingBytes + bytes > m_config.maxWaitingBytes) {
            if (!known) {
                m_waiting.erase(*next); // no dial was asked for it
            }
            ++m_stats.busy;
            ++m_stats.waitingBytesRefused;
            return fail(
                message, ErrorCode::Busy,
                QStringLiteral("too many bytes wait for a connection at %1").arg(m_self.toHex()));
        }
        const bool first = queue.messages.empty();
        queue.messages.push_back(std::move(message));
        queue.bytes += bytes;
        m_waitingBytes += bytes;
        if (first) {
            m_host.connectTo(*next);
        }
        return {Outcome::Waiting, *next, ErrorCode::None};
    }

    --message.hopLimit;
    ++message.hops;
    switch (m_host.sendToPeer(*next, message)) {
    case RouterHost::SendResult::Sent:
        ++m_stats.forwarded;
        return {Outcome::Forwarded, *next, ErrorCode::None};
    case RouterHost::SendResult::Busy:
        ++m_stats.busy;
        return fail(message, ErrorCode::Busy,
                    QStringLiteral("the connection from %1 to %2 is congested")
                        .arg(m_self.toHex(), next->toHex()));
    case RouterHost::SendResult::Gone:
        break;
    }
    ++m_stats.noRoute;
    return fail(message, ErrorCode::NoRoute,
                QStringLiteral("the connection from %1 to %2 went away")
                    .arg(m_self.toHex(), next->toHex()));
}

Router::Decision Router::fail(const RoutedMessage &message, ErrorCode code, const QString &text) {
    if (message.mayBeAnswered()) {
        RoutedMessage error = message.makeError(m_self, code, text);
        m_host.signReport(error);
        remember(error.messageId, m_self);
        ++m_stats.errorsSent;
        onward(std::move(error));
    } else {
        qCDebug(lcRouting).noquote()
            << m_self.shortHex() << "dropped a message of kind" << int(message.kind) << ":" << text;
    }
    return {Outcome::Dropped, {}, code};
}

void Router::reject(const RoutedMessage &message, ErrorCode code, const QString &text) {
    fail(message, code, text);
}

void Router::release(const Key160 &peer) {
    auto it = m_waiting.find(peer);
    if (it == m_waiting.end()) {
        return;
    }
    WaitingQueue queue = std::move(it->second);
    m_waiting.erase(it);
    m_waitingBytes -= queue.bytes;
    for (auto &message : queue.messages) {
        onward(std::move(message));
    }
}

void Router::peerUp(const Key160 &peer) {
    m_unreachableUntil.erase(peer);
    release(peer);
}

void Router::connectFailed(const Key160 &peer, bool unreachable) {
    if (unreachable) {
        m_unreachableUntil.insert_or_assign(peer, m_host.nowMs() + m_config.unreachableForMs);
    }
    release(peer);
}

} // namespace orion::routing
