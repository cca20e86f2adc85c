// SPDX-License-Identifier: GPL-3.0-or-later
// TransportConfig: the timeouts and limits of the transport, with production defaults in
// one place. Plain value, copied into each ConnectionManager and PeerConnection.
#pragma once

#include <QtGlobal>

#include <chrono>

namespace orion::net {

struct TransportConfig {
    // From the start of the TCP connect (outbound) or accept (inbound) to a verified peer.
    std::chrono::milliseconds handshakeTimeout{10'000};
    // Close when no complete box-stream frame arrived for this long. Must be well above
    // keepAliveInterval, because an idle but healthy peer only sends keep-alives.
    std::chrono::milliseconds idleTimeout{90'000};
    // Send a keep-alive (an empty message) when nothing was sent for this long.
    std::chrono::milliseconds keepAliveInterval{30'000};
    // After a goodbye, how long the socket may take to drain before it is aborted.
    std::chrono::milliseconds closeLinger{5'000};
    // send() refuses new messages while this many bytes wait to be written.
    qint64 sendHighWaterMark = qint64{8} * 1024 * 1024;
    // Inbound connections in any state (handshaking included), in total and per address.
    int maxInbound = 256;
    int maxPerAddress = 8;
};

} // namespace orion::net
