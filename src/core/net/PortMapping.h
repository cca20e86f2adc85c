// SPDX-License-Identifier: GPL-3.0-or-later
// PortMapping: one TCP port mapping a home router granted (UPnP-IGD or NAT-PMP): the
// external address and port the router forwards to this host's listen port, and for how
// long. Plain value; any thread (it crosses from the mapping thread by queued signals).
#pragma once

#include <QHostAddress>
#include <QMetaType>
#include <QString>

namespace orion::net {

struct PortMapping {
    enum class Protocol { None, Upnp, NatPmp };

    Protocol protocol = Protocol::None;
    quint16 internalPort = 0;
    QHostAddress externalAddress; // what the router says its external address is
    quint16 externalPort = 0;
    qint64 lifetimeSecs = 0; // granted; 0 for a UPnP lease the router keeps until deleted
    QString gateway;         // the router asked: its description URL (UPnP) or address

    bool isValid() const { return protocol != Protocol::None && externalPort != 0; }
    // "upnp", "natpmp" or "none": the words of the portal and orionctl.
    static QString protocolName(Protocol protocol);
    friend bool operator==(const PortMapping &, const PortMapping &) = default;
};

inline QString PortMapping::protocolName(Protocol protocol) {
    switch (protocol) {
    case Protocol::Upnp:
        return QStringLiteral("upnp");
    case Protocol::NatPmp:
        return QStringLiteral("natpmp");
    case Protocol::None:
        break;
    }
    return QStringLiteral("none");
}

} // namespace orion::net

Q_DECLARE_METATYPE(orion::net::PortMapping)
