// SPDX-License-Identifier: GPL-3.0-or-later
#include "node/RouterLink.h"

#include "node/Messenger.h"
#include "node/PeerSessions.h"
#include "overlay/OverlayEngine.h"

namespace orion::node {

using identity::Key160;

RouterLink::RouterLink(std::function<qint64()> clock)
    : m_clock(std::move(clock)) {}

void RouterLink::attach(PeerSessions *sessions, const overlay::OverlayEngine *engine,
                        Messenger *messenger) {
    m_sessions = sessions;
    m_engine = engine;
    m_messenger = messenger;
}

const std::vector<Key160> &RouterLink::livePeers() const {
    return m_sessions->livePeers();
}

bool RouterLink::isConnected(const Key160 &peer) const {
    return m_sessions->isLive(peer);
}

RouterLink::SendResult RouterLink::sendToPeer(const Key160 &peer,
                                              const routing::RoutedMessage &message) {
    return m_sessions->sendRouted(peer, message);
}

std::vector<Key160> RouterLink::knownContacts(const Key160 &key, int count) const {
    std::vector<Key160> ids;
    for (const auto &info : m_engine->table().closest(key, count)) {
        ids.push_back(info.id);
    }
    return ids;
}

void RouterLink::connectTo(const Key160 &peer) {
    m_sessions->dialContact(peer);
}

void RouterLink::deliverLocal(const routing::RoutedMessage &message) {
    m_messenger->deliverLocal(message);
}

void RouterLink::signReport(routing::RoutedMessage &error) const {
    if (m_messenger) {
        m_messenger->signReport(error);
    }
}

} // namespace orion::node
