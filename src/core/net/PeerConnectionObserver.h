// SPDX-License-Identifier: GPL-3.0-or-later
// The owner of many connections (ConnectionManager) hears of each one's events through this
// interface: three signal connections per connection cost about half a kilobyte, a pointer
// costs eight bytes. A connection calls its observer first, then emits the matching signal.
#pragma once

class QCborValue;
class QString;

namespace orion::net {

class PeerConnection;

class PeerConnectionObserver {
public:
    virtual void onPeerEstablished(PeerConnection *connection) = 0;
    virtual void onPeerMessage(PeerConnection *connection, const QCborValue &message) = 0;
    virtual void onPeerClosed(PeerConnection *connection, const QString &reason) = 0;

protected:
    PeerConnectionObserver() = default;
    ~PeerConnectionObserver() = default;
    PeerConnectionObserver(const PeerConnectionObserver &) = default;
    PeerConnectionObserver &operator=(const PeerConnectionObserver &) = default;
};

} // namespace orion::net
