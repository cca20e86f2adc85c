// SPDX-License-Identifier: GPL-3.0-or-later
// ContainerJson: the portal's JSON for what a ContainerManager reports (a container, its
// log entries and counters, its stored data); the one place those values become JSON and
// the shape docs/portal.md gives. Stateless; any thread.
#pragma once

#include "container/ContainerLogRing.h"
#include "container/ContainerManager.h"

#include <QJsonObject>
#include <QJsonValue>

namespace orion::container {

class ContainerJson {
public:
    // {"name","state", …}: a rejected definition has only name, state and error.
    static QJsonObject info(const ContainerManager::Info &info);
    // {"messages_in", …, "mean_run_us","p99_run_us"}
    static QJsonObject statistics(const ContainerLogRing::Statistics &statistics);
    // {"id","time_ms","level","text"}
    static QJsonObject entry(const ContainerLogRing::Entry &entry);
    // {"name","entries":[…],"last_id","counters"}
    static QJsonObject logs(const QString &name, const ContainerManager::Logs &logs);
    // {"key": value, …}; a value that is not JSON text is given as a string.
    static QJsonObject data(const ContainerManager::Data &data);
    // One stored value as JSON (see data()).
    static QJsonValue storedValue(const QByteArray &stored);
};

} // namespace orion::container
