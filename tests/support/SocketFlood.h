// SPDX-License-Identifier: GPL-3.0-or-later
// SocketFlood: plain TCP sockets that connect to a node on loopback and never send a byte,
// the way an outsider without the network key fills a node's handshake slots (many
// addresses and networks) or its descriptors (many connections from one address). Sources
// are 127.0.<network>.<host>, all loopback on Linux. Bounded in count; the sockets are
// closed when the flood is released or destroyed. Used from one thread.
#pragma once

#include <QtGlobal>

#include <vector>

namespace orion::test {

class SocketFlood {
public:
    SocketFlood() = default;
    ~SocketFlood();
    SocketFlood(const SocketFlood &) = delete;
    SocketFlood &operator=(const SocketFlood &) = delete;

    // Connects networks × perNetwork sockets to 127.0.0.1:port: network n (firstNetwork,
    // firstNetwork + 1, …) from addresses 127.0.n.1, 127.0.n.2, … holding perAddress sockets
    // each. Waits until every connect has an outcome (spinning the caller's event loop, where
    // a node under test may run) and returns how many connected; those that did not are
    // closed. At most kMaxSockets in all.
    int open(quint16 port, int networks, int perNetwork, int perAddress, int firstNetwork = 1,
             int timeoutMs = 10000);
    // Sockets held now (each one descriptor of this process).
    int size() const { return int(m_fds.size()); }
    // Held sockets the node has closed (end of stream or reset seen).
    int closedByPeer() const;
    void release();

    static constexpr int kMaxSockets = 5000;

private:
    std::vector<int> m_fds;
};

} // namespace orion::test
