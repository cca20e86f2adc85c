// SPDX-License-Identifier: GPL-3.0-or-later
// PortMapper: keeps a TCP port mapping of the node's listen port on the home router: asks
// for it, renews it before it lapses, asks again after the router lost it, and deletes it
// when the node stops. Lives on the node thread; the blocking calls run on its own mapping
// thread (PortMapWorker), whose results come back as queued signals.
#pragma once

#include "net/PortMapBackend.h"
#include "net/PortMapSchedule.h"
#include "net/PortMapping.h"

#include <QObject>
#include <QString>

#include <functional>
#include <memory>
#include <vector>

class QThread;
class QTimer;

namespace orion::net {

class PortMapWorker;

class PortMapper : public QObject {
    Q_OBJECT

public:
    enum class State {
        Off,        // not started (switched off, or the node does not listen)
        Requesting, // asking the router; no mapping yet
        Mapped,     // the router granted a mapping (whether peers can use it is not known here)
        Failed,     // the last request failed; retried later
    };
    // What the faces show (NodeStatus).
    struct Report {
        State state = State::Off;
        PortMapping mapping; // valid while Mapped
        QString error;       // the last failure, until a request succeeds
        int failures = 0;    // requests refused in a row
        qint64 renewals = 0;
        friend bool operator==(const Report &, const Report &) = default;
    };
    using Clock = std::function<qint64()>;

    // `backends` in the order they are tried. The clock is the node's (ms).
    PortMapper(std::vector<std::unique_ptr<PortMapBackend>> backends,
               PortMapSchedule::Timing timing, Clock clock, QObject *parent = nullptr);
    // The UPnP and NAT-PMP backends that are switched on.
    static std::vector<std::unique_ptr<PortMapBackend>> systemBackends(bool upnp, bool natPmp);
    // Ends the mapping thread (after the call it is in, which is bounded).
    ~PortMapper() override;

    // Asks for a mapping of `listenPort` now and keeps it.
    void start(quint16 listenPort);
    // Deletes the mapping; `done` runs once the router answered, or after kStopMs.
    void stop(std::function<void()> done);
    static constexpr int kStopMs = 6000;

    const Report &report() const { return m_report; }
    static QString stateName(State state);

Q_SIGNALS:
    // A mapping was granted, lost, or now has another external address or port; or the
    // router's first answer was that there is none.
    void mappingChanged();
    // To the worker (queued).
    void mapRequested(quint16 internalPort, qint64 lifetimeSecs);
    void unmapRequested();

private:
    void tick();
    void onMapped(const PortMapping &mapping);
    void onFailed(const QString &reason);
    void onUnmapped(const QString &failure);
    void arm();
    void finishStop();

    PortMapSchedule m_schedule;
    PortMapSchedule::Timing m_timing;
    Clock m_clock;
    QThread *m_thread;
    PortMapWorker *m_worker; // lives on m_thread
    QTimer *m_timer;
    QTimer *m_stopTimer;
    quint16 m_port = 0;
    quint16 m_restartPort = 0; // start() while stopping
    Report m_report;
    bool m_stopping = false;
    std::function<void()> m_stopDone;
};

} // namespace orion::net

Q_DECLARE_METATYPE(orion::net::PortMapper::Report)
