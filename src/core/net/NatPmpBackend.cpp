// SPDX-License-Identifier: GPL-3.0-or-later
#include "net/NatPmpBackend.h"

#include <natpmp.h>

#include <arpa/inet.h>
#include <sys/select.h>

#include <QElapsedTimer>

namespace orion::net {

namespace {

QString natPmpError(int code) {
    switch (code) {
    case NATPMP_ERR_CANNOTGETGATEWAY:
        return QStringLiteral("no default gateway");
    case NATPMP_ERR_NOGATEWAYSUPPORT:
        return QStringLiteral("the gateway does not answer NAT-PMP");
    case NATPMP_ERR_RECVFROM:
    case NATPMP_ERR_SENDERR:
    case NATPMP_ERR_SOCKETERROR:
        return QStringLiteral("the gateway cannot be reached over UDP (port 5351)");
    case NATPMP_ERR_NOTAUTHORIZED:
        return QStringLiteral("refused by the gateway (not authorized)");
    case NATPMP_ERR_NETWORKFAILURE:
        return QStringLiteral("the gateway reports a network failure (no external address)");
    case NATPMP_ERR_OUTOFRESOURCES:
        return QStringLiteral("the gateway is out of resources");
    case NATPMP_ERR_UNSUPPORTEDVERSION:
    case NATPMP_ERR_UNSUPPORTEDOPCODE:
        return QStringLiteral("the gateway does not support the request");
    default:
        return QStringLiteral("NAT-PMP error %1").arg(code);
    }
}

// One NAT-PMP session with the default gateway, closed with the scope.
class Session {
public:
    Session() { m_init = initnatpmp(&m_natpmp, 0, 0); }
    ~Session() {
        if (m_init == 0) {
            closenatpmp(&m_natpmp);
        }
    }
    Session(const Session &) = delete;
    Session &operator=(const Session &) = delete;

    int initResult() const { return m_init; }
    QString gateway() const {
        in_addr a{};
        a.s_addr = m_natpmp.gateway;
        char text[INET_ADDRSTRLEN] = {};
        inet_ntop(AF_INET, &a, text, sizeof text);
        return QString::fromLatin1(text);
    }
    natpmp_t *get() { return &m_natpmp; }

    // Waits for the answer to the request just sent, resending with libnatpmp's doubling
    // wait, at most `timeoutMs`. 0, or a NATPMP_ERR_* code.
    int await(natpmpresp_t *response, int timeoutMs) {
        QElapsedTimer clock;
        clock.start();
        for (;;) {
            timeval wait{};
            getnatpmprequesttimeout(&m_natpmp, &wait);
            const qint64 left = timeoutMs - clock.elapsed();
            if (left <= 0) {
                return NATPMP_ERR_NOGATEWAYSUPPORT;
            }
            const qint64 waitMs = qint64(wait.tv_sec) * 1000 + wait.tv_usec / 1000;
            if (waitMs > left) {
                wait.tv_sec = time_t(left / 1000);
                wait.tv_usec = suseconds_t(left % 1000 * 1000);
            }
            fd_set fds;
            FD_ZERO(&fds);
            FD_SET(m_natpmp.s, &fds);
            select(m_natpmp.s + 1, &fds, nullptr, nullptr, &wait);
            const int r = readnatpmpresponseorretry(&m_natpmp, response);
            if (r != NATPMP_TRYAGAIN) {
                return r < 0 ? r : 0;
            }
        }
    }

private:
    natpmp_t m_natpmp{};
    int m_init = -1;
};

} // namespace

NatPmpBackend::NatPmpBackend(int timeoutMs)
    : m_timeoutMs(timeoutMs) {}

Result<PortMapping> NatPmpBackend::map(quint16 internalPort, quint16 externalPort,
                                       qint64 lifetimeSecs) {
    Session session;
    if (session.initResult() != 0) {
        return Result<PortMapping>::failure(
            QStringLiteral("NAT-PMP: %1").arg(natPmpError(session.initResult())));
    }
    natpmpresp_t response{};
    if (sendpublicaddressrequest(session.get()) < 0) {
        return Result<PortMapping>::failure(
            QStringLiteral("NAT-PMP: cannot send to %1").arg(session.gateway()));
    }
    if (const int r = session.await(&response, m_timeoutMs); r != 0) {
        return Result<PortMapping>::failure(QStringLiteral("NAT-PMP address request to %1: %2")
                                                .arg(session.gateway(), natPmpError(r)));
    }
    QHostAddress externalAddress;
    externalAddress.setAddress(ntohl(response.pnu.publicaddress.addr.s_addr));
    const quint16 wanted = externalPort ? externalPort : internalPort;
    if (sendnewportmappingrequest(session.get(), NATPMP_PROTOCOL_TCP, internalPort, wanted,
                                  uint32_t(lifetimeSecs)) < 0) {
        return Result<PortMapping>::failure(
            QStringLiteral("NAT-PMP: cannot send to %1").arg(session.gateway()));
    }
    response = {};
    if (const int r = session.await(&response, m_timeoutMs); r != 0) {
        return Result<PortMapping>::failure(QStringLiteral("NAT-PMP mapping of TCP %1 at %2: %3")
                                                .arg(wanted)
                                                .arg(session.gateway(), natPmpError(r)));
    }
    PortMapping mapping;
    mapping.protocol = PortMapping::Protocol::NatPmp;
    mapping.internalPort = response.pnu.newportmapping.privateport;
    mapping.externalAddress = externalAddress;
    mapping.externalPort = response.pnu.newportmapping.mappedpublicport;
    mapping.lifetimeSecs = response.pnu.newportmapping.lifetime;
    mapping.gateway = session.gateway();
    if (mapping.externalPort == 0 || mapping.lifetimeSecs == 0) {
        return Result<PortMapping>::failure(
            QStringLiteral("NAT-PMP: %1 granted no mapping").arg(session.gateway()));
    }
    return mapping;
}

Status NatPmpBackend::unmap(const PortMapping &mapping) {
    Session session;
    if (session.initResult() != 0) {
        return Status::failure(
            QStringLiteral("NAT-PMP: %1").arg(natPmpError(session.initResult())));
    }
    // RFC 6886 3.4: lifetime 0 (and external port 0) deletes the mapping of that port.
    if (sendnewportmappingrequest(session.get(), NATPMP_PROTOCOL_TCP, mapping.internalPort, 0, 0) <
        0) {
        return Status::failure(QStringLiteral("NAT-PMP: cannot send to %1").arg(session.gateway()));
    }
    natpmpresp_t response{};
    if (const int r = session.await(&response, m_timeoutMs); r != 0) {
        return Status::failure(QStringLiteral("NAT-PMP deletion of TCP %1 at %2: %3")
                                   .arg(mapping.externalPort)
                                   .arg(session.gateway(), natPmpError(r)));
    }
    return Status::success();
}

} // namespace orion::net
