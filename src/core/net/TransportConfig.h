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
    // All connections of a node together: while this many bytes wait to be written,
    // routed messages are refused on every connection (overlay messages still go). With
    // hundreds of connections the high-water mark alone would allow gigabytes.
    qint64 maxQueuedBytes = qint64{64} * 1024 * 1024;
    // Inbound connections that completed the handshake, in total and per address.
    int maxInbound = 256;
    int maxPerAddress = 8;
    // Inbound connections still in the handshake have a budget of their own, so that
    // sockets that never finish it cannot take the slots of peers that did: in total (the
    // oldest half-open connection is dropped for a new one when it is full), per address
    // and per /24 (IPv4) or /64 (IPv6) network (a new one is refused when either is full).
    int maxHandshaking = 64;
    int maxHandshakingPerAddress = 8;
    int maxHandshakingPerSubnet = 16;
    // An inbound connection whose first handshake message has not arrived this soon after
    // the accept is closed (the whole handshake still has handshakeTimeout).
    std::chrono::milliseconds firstMessageTimeout{3'000};
    // The first message after the handshake (keep-alives aside) may be at most this long;
    // 0 gives it the common limit (MessageFramer::kMaxMessageBytes). The node sets it to
    // the size of the largest activation message.
    qsizetype firstMessageMaxBytes = 0;
    // New inbound connections accepted per address and second, with bursts of twice that.
    double acceptsPerSecondPerAddress = 20;
};

} // namespace orion::net
