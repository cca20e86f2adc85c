// SPDX-License-Identifier: GPL-3.0-or-later
// RouterLink: the router's host in a node. Live peers, sending and dialling go to the peer
// sessions, known contacts come from the overlay's routing table, messages for this node go
// to the messenger. Node thread only.
#pragma once

#include "routing/RouterHost.h"

#include <functional>

namespace orion::overlay {
class OverlayEngine;
}

namespace orion::node {

class Messenger;
class PeerSessions;

class RouterLink final : public routing::RouterHost {
public:
    explicit RouterLink(std::function<qint64()> clock);

    // Before the first message: the router calls nothing until peers are up.
    void attach(PeerSessions *sessions, const overlay::OverlayEngine *engine, Messenger *messenger);

    const std::vector<identity::Key160> &livePeers() const override;
    bool isConnected(const identity::Key160 &peer) const override;
    SendResult sendToPeer(const identity::Key160 &peer,
                          const routing::RoutedMessage &message) override;
    std::vector<identity::Key160> knownContacts(const identity::Key160 &key,
                                                int count) const override;
    void connectTo(const identity::Key160 &peer) override;
    void deliverLocal(const routing::RoutedMessage &message) override;
    void signReport(routing::RoutedMessage &error) const override;
    qint64 nowMs() const override { return m_clock(); }

private:
    std::function<qint64()> m_clock;
    PeerSessions *m_sessions = nullptr;
    const overlay::OverlayEngine *m_engine = nullptr;
    Messenger *m_messenger = nullptr;
};

} // namespace orion::node
