// SPDX-License-Identifier: GPL-3.0-or-later
#include "net/PortMapWorker.h"

#include <QStringList>

namespace orion::net {

namespace {

QString label(PortMapping::Protocol protocol) {
    return protocol == PortMapping::Protocol::Upnp     ? QStringLiteral("UPnP")
           : protocol == PortMapping::Protocol::NatPmp ? QStringLiteral("NAT-PMP")
                                                       : QStringLiteral("?");
}

} // namespace

PortMapWorker::PortMapWorker(std::vector<std::unique_ptr<PortMapBackend>> backends)
    : m_backends(std::move(backends)) {}

PortMapWorker::~PortMapWorker() = default;

void PortMapWorker::map(quint16 internalPort, qint64 lifetimeSecs) {
    QStringList reasons;
    std::vector<PortMapBackend *> order;
    if (m_current) {
        order.push_back(m_current);
    }
    for (const auto &backend : m_backends) {
        if (backend.get() != m_current) {
            order.push_back(backend.get());
        }
    }
    for (PortMapBackend *backend : order) {
        const quint16 external = backend == m_current && m_mapping.internalPort == internalPort
                                     ? m_mapping.externalPort
                                     : 0;
        auto granted = backend->map(internalPort, external, lifetimeSecs);
        if (granted) {
            if (m_current && m_current != backend && m_mapping.isValid()) {
                (void)m_current->unmap(m_mapping); // the old router's mapping, if it still is
            }
            m_current = backend;
            m_mapping = *granted;
            Q_EMIT mapped(m_mapping);
            return;
        }
        reasons << granted.error();
    }
    if (order.empty()) {
        reasons << QStringLiteral("no mapping protocol is enabled");
    }
    Q_EMIT failed(reasons.join(QStringLiteral("; ")));
}

void PortMapWorker::unmap() {
    if (!m_current || !m_mapping.isValid()) {
        Q_EMIT unmapped({});
        return;
    }
    const Status ok = m_current->unmap(m_mapping);
    const QString which = label(m_mapping.protocol);
    m_current = nullptr;
    m_mapping = {};
    Q_EMIT unmapped(ok ? QString() : which + QStringLiteral(": ") + ok.error());
}

} // namespace orion::net
