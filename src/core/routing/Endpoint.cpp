// SPDX-License-Identifier: GPL-3.0-or-later
#include "routing/Endpoint.h"

#include "identity/MemberRecord.h"

#include <cstring>

namespace orion::routing {

namespace {

constexpr std::array<quint8, 12> kV4Prefix{0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xff, 0xff};

} // namespace

Endpoint::Endpoint(const QHostAddress &address, quint16 port)
    : m_port(port) {
    bool isV4 = false;
    const quint32 v4 = address.toIPv4Address(&isV4);
    if (isV4) {
        std::memcpy(m_ip.data(), kV4Prefix.data(), kV4Prefix.size());
        m_ip[12] = quint8(v4 >> 24);
        m_ip[13] = quint8(v4 >> 16);
        m_ip[14] = quint8(v4 >> 8);
        m_ip[15] = quint8(v4);
    } else if (address.protocol() == QAbstractSocket::IPv6Protocol) {
        const Q_IPV6ADDR v6 = address.toIPv6Address();
        std::memcpy(m_ip.data(), v6.c, 16);
    }
}

Endpoint Endpoint::dialable(const identity::MemberRecord &record, const QHostAddress &seen) {
    if (record.port == 0) {
        return {};
    }
    for (const QString &address : record.addresses) {
        QHostAddress parsed;
        if (parsed.setAddress(address)) {
            const Endpoint e(parsed, record.port);
            if (e.isValid()) {
                return e;
            }
        }
    }
    return Endpoint(seen, record.port);
}

std::optional<Endpoint> Endpoint::parse(QStringView hostPort) {
    QStringView host;
    QStringView portText;
    if (hostPort.startsWith(u'[')) {
        const auto close = hostPort.indexOf(u']');
        if (close < 0 || close + 1 >= hostPort.size() || hostPort[close + 1] != u':') {
            return std::nullopt;
        }
        host = hostPort.mid(1, close - 1);
        portText = hostPort.mid(close + 2);
    } else {
        const auto colon = hostPort.lastIndexOf(u':');
        if (colon <= 0 || hostPort.left(colon).contains(u':')) {
            return std::nullopt;
        }
        host = hostPort.left(colon);
        portText = hostPort.mid(colon + 1);
    }
    bool ok = false;
    const uint port = portText.toUInt(&ok);
    QHostAddress address;
    if (!ok || port > 65535 || !address.setAddress(host.toString())) {
        return std::nullopt;
    }
    return Endpoint(address, quint16(port));
}

std::optional<Endpoint> Endpoint::fromRaw(QByteArrayView addressBytes, qint64 port) {
    if (port < 0 || port > 65535) {
        return std::nullopt;
    }
    if (addressBytes.size() == 4) {
        const auto *b = reinterpret_cast<const quint8 *>(addressBytes.data());
        return Endpoint(QHostAddress(quint32(b[0]) << 24 | quint32(b[1]) << 16 |
                                     quint32(b[2]) << 8 | quint32(b[3])),
                        quint16(port));
    }
    if (addressBytes.size() == 16) {
        Endpoint e;
        std::memcpy(e.m_ip.data(), addressBytes.data(), 16);
        e.m_port = quint16(port);
        return e;
    }
    return std::nullopt;
}

bool Endpoint::isIPv4() const {
    return std::memcmp(m_ip.data(), kV4Prefix.data(), 12) == 0;
}

bool Endpoint::isNull() const {
    for (auto b : m_ip) {
        if (b) {
            return false;
        }
    }
    return m_port == 0;
}

QHostAddress Endpoint::address() const {
    if (isIPv4()) {
        return QHostAddress(quint32(m_ip[12]) << 24 | quint32(m_ip[13]) << 16 |
                            quint32(m_ip[14]) << 8 | quint32(m_ip[15]));
    }
    Q_IPV6ADDR v6;
    std::memcpy(v6.c, m_ip.data(), 16);
    return QHostAddress(v6);
}

bool Endpoint::isLoopback() const {
    return address().isLoopback();
}

Endpoint::Scope Endpoint::scope() const {
    if (isIPv4()) {
        const quint8 a = m_ip[12];
        const quint8 b = m_ip[13];
        if (a == 127) {
            return Scope::Loopback;
        }
        const bool isPrivate = a == 10 || (a == 172 && (b & 0xf0) == 16) ||
                               (a == 192 && b == 168) || (a == 100 && (b & 0xc0) == 64) ||
                               (a == 169 && b == 254);
        return isPrivate ? Scope::Private : Scope::Public;
    }
    const QHostAddress v6 = address();
    if (v6.isLoopback()) {
        return Scope::Loopback;
    }
    // fc00::/7 (unique local) and fe80::/10 (link-local).
    if ((m_ip[0] & 0xfe) == 0xfc || (m_ip[0] == 0xfe && (m_ip[1] & 0xc0) == 0x80)) {
        return Scope::Private;
    }
    return Scope::Public;
}

Endpoint::Scope Endpoint::scopeOf(const QHostAddress &address) {
    return Endpoint(address, 1).scope();
}

bool Endpoint::isValid() const {
    if (m_port == 0) {
        return false;
    }
    if (isIPv4()) {
        const quint32 v4 = quint32(m_ip[12]) << 24 | quint32(m_ip[13]) << 16 |
                           quint32(m_ip[14]) << 8 | quint32(m_ip[15]);
        // 0.0.0.0/8, multicast and reserved (224/3, which includes broadcast).
        return (v4 >> 24) != 0 && (v4 >> 29) != 7;
    }
    const QHostAddress a = address();
    return !a.isNull() && a != QHostAddress(QHostAddress::AnyIPv6) && !a.isMulticast() &&
           !a.isLinkLocal();
}

quint64 Endpoint::subnetKey() const {
    quint64 key = 0;
    if (isIPv4()) {
        key = 1ull << 63 | quint64(m_ip[12]) << 16 | quint64(m_ip[13]) << 8 | m_ip[14];
    } else {
        for (int i = 0; i < 8; ++i) {
            key = key << 8 | m_ip[i];
        }
        key &= ~(1ull << 63);
    }
    return key;
}

QByteArray Endpoint::rawAddress() const {
    if (isIPv4()) {
        return QByteArray(reinterpret_cast<const char *>(m_ip.data()) + 12, 4);
    }
    return QByteArray(reinterpret_cast<const char *>(m_ip.data()), 16);
}

QString Endpoint::toString() const {
    if (isIPv4()) {
        return address().toString() + u':' + QString::number(m_port);
    }
    return QStringLiteral("[%1]:%2").arg(address().toString()).arg(m_port);
}

} // namespace orion::routing
