// SPDX-License-Identifier: GPL-3.0-or-later
// ContainerFeed: the containers concern of the node facade: the hosted containers as
// snapshots, deploy/start/stop/remove requests, the watched container's log and data, and
// compile checks of NET-Script sources. GUI thread, owned by NodeController.
#pragma once

#include "facade/ContainerInfo.h"

#include <QList>
#include <QObject>

#include <functional>

namespace orion::app::facade {

// The outcome of a compile check: ok, or the first error at a 1-based line and column.
struct ScriptCheck {
    bool ok = true;
    int line = 0;
    int column = 0;
    QString message;
};

class ContainerFeed : public QObject {
    Q_OBJECT

public:
    using Dispatch =
        std::function<void(quint64, ContainerCommand, const QString &, const QString &)>;
    using Watch = std::function<void(const QString &)>;
    ContainerFeed(Dispatch dispatch, Watch watch, QObject *parent = nullptr);

    const QList<ContainerInfo> &current() const { return m_current; }

    // Results arrive by commandFinished with the returned id.
    quint64 deploy(const QString &name, const QString &source);
    quint64 start(const QString &name);
    quint64 stop(const QString &name);
    quint64 remove(const QString &name);
    // Follows one container's log and data (empty: none); detailChanged follows.
    void watch(const QString &name);
    const QString &watched() const { return m_watched; }
    // Compiles `source` on the thread pool; checked follows with the returned id.
    quint64 check(const QString &source);

    void apply(const QList<orion::app::facade::ContainerInfo> &containers);
    void applyDetail(const orion::app::facade::ContainerDetail &detail);
    void finish(quint64 requestId, const QString &error, const QString &message);

Q_SIGNALS:
    void containersChanged(const QList<orion::app::facade::ContainerInfo> &containers);
    void detailChanged(const orion::app::facade::ContainerDetail &detail);
    // error empty: done, `message` says what happened.
    void commandFinished(quint64 requestId, const QString &error, const QString &message);
    void checked(quint64 requestId, const orion::app::facade::ScriptCheck &result);

private:
    quint64 request(ContainerCommand command, const QString &name, const QString &source = {});

    Dispatch m_dispatch;
    Watch m_watch;
    QList<ContainerInfo> m_current;
    QString m_watched;
    quint64 m_nextRequest = 1;
};

} // namespace orion::app::facade

Q_DECLARE_METATYPE(orion::app::facade::ScriptCheck)
