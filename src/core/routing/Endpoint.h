// SPDX-License-Identifier: GPL-3.0-or-later
// Endpoint: an IP address and TCP port in 18 bytes (IPv4 kept IPv4-mapped), compact
// because every routing-table contact holds one. Plain value type; any thread.
#pragma once

#include <QHostAddress>
#include <QString>
#include <QStringView>

#include <array>
#include <cstdint>
#include <optional>

namespace orion::identity {
struct MemberRecord;
}

namespace orion::routing {

class Endpoint {
public:
    // Where an address can be reached from: this host only, a private network (RFC 1918,
    // shared address space 100.64/10, link-local, IPv6 unique local and link-local), or
    // the Internet.
    enum class Scope { Loopback, Private, Public };

    Endpoint() = default;
    Endpoint(const QHostAddress &address, quint16 port);

    // "1.2.3.4:5", "[::1]:5" or "::1:5" is not accepted (ambiguous); nullopt on error.
    static std::optional<Endpoint> parse(QStringView hostPort);
    // Where the node of a member record can be dialled: the first usable address it names,
    // else `seen` (the address its connection came from) with its port. Null when the
    // record has no port (the node accepts no connections).
    static Endpoint dialable(const identity::MemberRecord &record, const QHostAddress &seen = {});
    // Raw form used on the wire: 4 or 16 address bytes; nullopt when malformed.
    static std::optional<Endpoint> fromRaw(QByteArrayView addressBytes, qint64 port);

    QHostAddress address() const;
    quint16 port() const { return m_port; }
    bool isIPv4() const;
    bool isNull() const;
    bool isLoopback() const;
    Scope scope() const;
    static Scope scopeOf(const QHostAddress &address);
    // An address a peer may dial: a port, and neither unspecified, multicast nor broadcast.
    bool isValid() const;
    // The network the address belongs to, for per-address limits: the /24 of IPv4,
    // the /64 of IPv6 (one operator usually controls a whole block of that size).
    quint64 subnetKey() const;
    QByteArray rawAddress() const;
    QString toString() const;
    const std::array<quint8, 16> &bytes() const { return m_ip; }

    friend bool operator==(const Endpoint &, const Endpoint &) = default;

private:
    std::array<quint8, 16> m_ip{};
    quint16 m_port = 0;
};

} // namespace orion::routing
