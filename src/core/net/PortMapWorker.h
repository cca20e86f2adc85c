// SPDX-License-Identifier: GPL-3.0-or-later
// PortMapWorker: makes the blocking calls of the port-mapping backends, one request at a
// time, and reports each outcome by a signal. Lives on PortMapper's mapping thread; the node
// thread reaches it only by queued calls and hears back by queued signals.
#pragma once

#include "net/PortMapBackend.h"
#include "net/PortMapping.h"

#include <QObject>

#include <memory>
#include <vector>

namespace orion::net {

class PortMapWorker : public QObject {
    Q_OBJECT

public:
    // `backends` in the order they are tried (UPnP before NAT-PMP).
    explicit PortMapWorker(std::vector<std::unique_ptr<PortMapBackend>> backends);
    ~PortMapWorker() override;

public Q_SLOTS:
    // Asks for (or renews) a mapping of TCP `internalPort`: the backend that granted the last
    // one first, at the external port it gave; then each other backend.
    void map(quint16 internalPort, qint64 lifetimeSecs);
    // Deletes the mapping this worker holds, if any.
    void unmap();

Q_SIGNALS:
    void mapped(const orion::net::PortMapping &mapping);
    void failed(const QString &reason);
    // The mapping is deleted (or there was none); `failure` says why it could not be.
    void unmapped(const QString &failure);

private:
    std::vector<std::unique_ptr<PortMapBackend>> m_backends;
    PortMapBackend *m_current = nullptr;
    PortMapping m_mapping;
};

} // namespace orion::net
