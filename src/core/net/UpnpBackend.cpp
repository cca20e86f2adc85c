// SPDX-License-Identifier: GPL-3.0-or-later
#include "net/UpnpBackend.h"

#include "net/Logging.h"

#include <miniupnpc/miniupnpc.h>
#include <miniupnpc/upnpcommands.h>
#include <miniupnpc/upnperrors.h>

#include <QByteArray>

namespace orion::net {

namespace {

constexpr const char *kDescription = "Orion";
// UPnP error codes of AddPortMapping (UPnP-gw-WANIPConnection-v2, 2.4.16).
constexpr int kConflictInMappingEntry = 718;
constexpr int kOnlyPermanentLeasesSupported = 725;

QString upnpError(int code) {
    const char *text = strupnperror(code);
    return text ? QStringLiteral("%1 (%2)").arg(QString::fromLatin1(text)).arg(code)
                : QStringLiteral("error %1").arg(code);
}

} // namespace

struct UpnpBackend::Gateway {
    UPNPUrls urls{};
    IGDdatas data{};
    char lanAddress[64] = {};
    ~Gateway() { FreeUPNPUrls(&urls); }
};

UpnpBackend::UpnpBackend(int discoveryMs)
    : m_discoveryMs(discoveryMs) {}

UpnpBackend::~UpnpBackend() = default;

void UpnpBackend::forget() {
    m_gateway.reset();
}

Status UpnpBackend::discover() {
    if (m_gateway) {
        return Status::success();
    }
    int error = 0;
    UPNPDev *devices =
        upnpDiscover(m_discoveryMs, nullptr, nullptr, UPNP_LOCAL_PORT_ANY, 0, 2, &error);
    if (!devices) {
        return Status::failure(
            QStringLiteral("no UPnP gateway answered the discovery (%1 ms)").arg(m_discoveryMs));
    }
    auto gateway = std::make_unique<Gateway>();
    // 1: a connected IGD; 2: an IGD that calls itself not connected — as miniupnpd does
    // while its external address is in a reserved range. Whether a mapping through it is
    // of any use is for a dial-back to tell, not the address class.
    const int found = UPNP_GetValidIGD(devices, &gateway->urls, &gateway->data, gateway->lanAddress,
                                       sizeof gateway->lanAddress);
    freeUPNPDevlist(devices);
    if (found != 1 && found != 2) {
        if (found != 0) {
            FreeUPNPUrls(&gateway->urls);
            gateway->urls = {};
        }
        return Status::failure(QStringLiteral("no Internet gateway device among the UPnP devices "
                                              "that answered"));
    }
    qCInfo(lcNet).noquote() << "UPnP gateway" << gateway->urls.rootdescURL
                            << "(this host:" << gateway->lanAddress << ")";
    m_gateway = std::move(gateway);
    return Status::success();
}

Result<PortMapping> UpnpBackend::map(quint16 internalPort, quint16 externalPort,
                                     qint64 lifetimeSecs) {
    if (auto ok = discover(); !ok) {
        return ok.errorValue();
    }
    const char *control = m_gateway->urls.controlURL;
    const char *service = m_gateway->data.first.servicetype;
    char external[40] = {};
    if (const int r = UPNP_GetExternalIPAddress(control, service, external);
        r != UPNPCOMMAND_SUCCESS) {
        forget();
        return Result<PortMapping>::failure(
            QStringLiteral("UPnP GetExternalIPAddress failed: %1").arg(upnpError(r)));
    }
    const QHostAddress externalAddress(QString::fromLatin1(external));
    if (externalAddress.isNull()) {
        return Result<PortMapping>::failure(
            QStringLiteral("the UPnP gateway has no external address ('%1')")
                .arg(QString::fromLatin1(external)));
    }
    const QByteArray inPort = QByteArray::number(internalPort);
    quint16 wanted = externalPort ? externalPort : internalPort;
    QByteArray lease = QByteArray::number(lifetimeSecs);
    int r = UPNPCOMMAND_UNKNOWN_ERROR;
    for (int attempt = 0; attempt < 4; ++attempt) {
        const QByteArray extPort = QByteArray::number(wanted);
        r = UPNP_AddPortMapping(control, service, extPort.constData(), inPort.constData(),
                                m_gateway->lanAddress, kDescription, "TCP", nullptr,
                                lease.constData());
        if (r == kOnlyPermanentLeasesSupported && lease != "0") {
            lease = "0"; // deleted on exit, renewed all the same
            continue;
        }
        if (r == kConflictInMappingEntry) {
            // Another host of this network has that external port: try others.
            wanted = quint16(1024 + (wanted + 7919) % (65535 - 1024));
            continue;
        }
        break;
    }
    if (r != UPNPCOMMAND_SUCCESS) {
        if (r < 0) {
            forget(); // no answer at all: discover again next time
        }
        return Result<PortMapping>::failure(
            QStringLiteral("UPnP AddPortMapping of TCP %1 -> %2:%3 refused: %4")
                .arg(wanted)
                .arg(QString::fromLatin1(m_gateway ? m_gateway->lanAddress : "?"))
                .arg(internalPort)
                .arg(upnpError(r)));
    }
    PortMapping mapping;
    mapping.protocol = PortMapping::Protocol::Upnp;
    mapping.internalPort = internalPort;
    mapping.externalAddress = externalAddress;
    mapping.externalPort = wanted;
    mapping.lifetimeSecs = lease.toLongLong();
    mapping.gateway = QString::fromLatin1(m_gateway->urls.rootdescURL);
    return mapping;
}

Status UpnpBackend::unmap(const PortMapping &mapping) {
    if (auto ok = discover(); !ok) {
        return ok;
    }
    const QByteArray extPort = QByteArray::number(mapping.externalPort);
    const int r =
        UPNP_DeletePortMapping(m_gateway->urls.controlURL, m_gateway->data.first.servicetype,
                               extPort.constData(), "TCP", nullptr);
    if (r != UPNPCOMMAND_SUCCESS) {
        if (r < 0) {
            forget();
        }
        return Status::failure(QStringLiteral("UPnP DeletePortMapping of TCP %1 failed: %2")
                                   .arg(mapping.externalPort)
                                   .arg(upnpError(r)));
    }
    return Status::success();
}

} // namespace orion::net
