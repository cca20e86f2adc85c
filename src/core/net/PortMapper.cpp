// SPDX-License-Identifier: GPL-3.0-or-later
#include "net/PortMapper.h"

#include "net/Logging.h"
#include "net/NatPmpBackend.h"
#include "net/PortMapWorker.h"
#include "net/UpnpBackend.h"

#include <QThread>
#include <QTimer>

#include <algorithm>
#include <utility>

namespace orion::net {

namespace {

QString describe(const PortMapping &m) {
    return QStringLiteral("%1:%2 -> port %3 (%4 via %5, %6)")
        .arg(m.externalAddress.toString())
        .arg(m.externalPort)
        .arg(m.internalPort)
        .arg(m.protocol == PortMapping::Protocol::Upnp ? QStringLiteral("UPnP")
                                                       : QStringLiteral("NAT-PMP"),
             m.gateway,
             m.lifetimeSecs > 0 ? QStringLiteral("%1 s").arg(m.lifetimeSecs)
                                : QStringLiteral("until deleted"));
}

} // namespace

QString PortMapper::stateName(State state) {
    switch (state) {
    case State::Off:
        return QStringLiteral("off");
    case State::Requesting:
        return QStringLiteral("requesting");
    case State::Mapped:
        return QStringLiteral("mapped");
    case State::Failed:
        return QStringLiteral("failed");
    }
    return QStringLiteral("off");
}

std::vector<std::unique_ptr<PortMapBackend>> PortMapper::systemBackends(bool upnp, bool natPmp) {
    std::vector<std::unique_ptr<PortMapBackend>> backends;
    if (upnp) {
        backends.push_back(std::make_unique<UpnpBackend>());
    }
    if (natPmp) {
        backends.push_back(std::make_unique<NatPmpBackend>());
    }
    return backends;
}

PortMapper::PortMapper(std::vector<std::unique_ptr<PortMapBackend>> backends,
                       PortMapSchedule::Timing timing, Clock clock, QObject *parent)
    : QObject(parent)
    , m_schedule(timing)
    , m_timing(timing)
    , m_clock(std::move(clock))
    , m_thread(new QThread(this))
    , m_worker(new PortMapWorker(std::move(backends)))
    , m_timer(new QTimer(this))
    , m_stopTimer(new QTimer(this)) {
    qRegisterMetaType<PortMapping>();
    m_thread->setObjectName(QStringLiteral("orion-portmap"));
    m_worker->moveToThread(m_thread);
    connect(m_thread, &QThread::finished, m_worker, &QObject::deleteLater);
    connect(this, &PortMapper::mapRequested, m_worker, &PortMapWorker::map, Qt::QueuedConnection);
    connect(this, &PortMapper::unmapRequested, m_worker, &PortMapWorker::unmap,
            Qt::QueuedConnection);
    connect(m_worker, &PortMapWorker::mapped, this, &PortMapper::onMapped, Qt::QueuedConnection);
    connect(m_worker, &PortMapWorker::failed, this, &PortMapper::onFailed, Qt::QueuedConnection);
    connect(m_worker, &PortMapWorker::unmapped, this, &PortMapper::onUnmapped,
            Qt::QueuedConnection);
    m_timer->setSingleShot(true);
    connect(m_timer, &QTimer::timeout, this, &PortMapper::tick);
    m_stopTimer->setSingleShot(true);
    connect(m_stopTimer, &QTimer::timeout, this, [this] {
        qCWarning(lcNet).noquote()
            << "port mapping: the router did not answer the deletion within" << kStopMs << "ms";
        finishStop();
    });
    m_thread->start();
}

PortMapper::~PortMapper() {
    m_thread->quit();
    m_thread->wait();
}

void PortMapper::start(quint16 listenPort) {
    if (m_stopping) {
        m_restartPort = listenPort; // once the deletion is done (a quick pause and resume)
        return;
    }
    if (m_schedule.phase() != PortMapSchedule::Phase::Idle) {
        return;
    }
    m_port = listenPort;
    m_report = {};
    m_report.state = State::Requesting;
    m_schedule.start(m_clock());
    tick();
}

void PortMapper::arm() {
    m_timer->stop();
    if (m_schedule.phase() == PortMapSchedule::Phase::Waiting) {
        m_timer->start(int(std::max<qint64>(0, m_schedule.nextRequestAtMs() - m_clock())));
    }
}

void PortMapper::tick() {
    const qint64 now = m_clock();
    if (m_stopping || !m_schedule.isDue(now)) {
        arm();
        return;
    }
    if (m_schedule.expired(now)) {
        qCWarning(lcNet).noquote()
            << "port mapping" << describe(m_report.mapping) << "lapsed: its renewals failed";
        m_schedule.dropMapping();
        m_report.state = State::Failed;
        m_report.mapping = {};
        Q_EMIT mappingChanged();
    }
    m_schedule.requestSent();
    Q_EMIT mapRequested(m_port, m_timing.lifetimeSecs);
}

void PortMapper::onMapped(const PortMapping &mapping) {
    if (m_stopping || m_schedule.phase() == PortMapSchedule::Phase::Idle) {
        return;
    }
    const bool renewal = m_schedule.hasMapping();
    m_schedule.granted(m_clock(), mapping.lifetimeSecs);
    const bool changed = m_report.state != State::Mapped || !(m_report.mapping == mapping);
    const bool sameEndpoint = m_report.mapping.externalAddress == mapping.externalAddress &&
                              m_report.mapping.externalPort == mapping.externalPort;
    m_report.state = State::Mapped;
    m_report.mapping = mapping;
    m_report.error.clear();
    m_report.failures = 0;
    m_report.renewals = m_schedule.renewals();
    if (renewal && sameEndpoint) {
        qCDebug(lcNet).noquote() << "port mapping renewed:" << describe(mapping);
    } else {
        qCInfo(lcNet).noquote() << "port mapping granted:" << describe(mapping);
    }
    if (changed && !(renewal && sameEndpoint)) {
        Q_EMIT mappingChanged();
    }
    arm();
}

void PortMapper::onFailed(const QString &reason) {
    if (m_stopping || m_schedule.phase() == PortMapSchedule::Phase::Idle) {
        return;
    }
    const bool held = m_schedule.hasMapping();
    const bool lost = m_schedule.refused(m_clock());
    m_report.error = reason;
    m_report.failures = m_schedule.failures();
    const qint64 retryS = (m_schedule.nextRequestAtMs() - m_clock() + 999) / 1000;
    if (lost) {
        qCWarning(lcNet).noquote()
            << "port mapping lost (" << qPrintable(reason) << "); asking again in" << retryS << "s";
        m_report.state = State::Failed;
        m_report.mapping = {};
        Q_EMIT mappingChanged();
    } else if (held) {
        qCWarning(lcNet).noquote()
            << "port mapping renewal failed (" << qPrintable(reason)
            << "); the mapping holds until it lapses, retry in" << retryS << "s";
    } else {
        qCInfo(lcNet).noquote() << "no port mapping:" << qPrintable(reason) << "; retry in"
                                << retryS << "s";
        const bool firstAnswer = m_report.state == State::Requesting;
        m_report.state = State::Failed;
        if (firstAnswer) {
            Q_EMIT mappingChanged(); // decided: there is none, for now
        }
    }
    arm();
}

void PortMapper::stop(std::function<void()> done) {
    if (m_stopping) {
        return;
    }
    const bool started = m_schedule.phase() != PortMapSchedule::Phase::Idle;
    m_stopping = true;
    m_restartPort = 0;
    m_timer->stop();
    m_schedule.stop();
    m_stopDone = std::move(done);
    if (!started) {
        finishStop();
        return;
    }
    // After any request still in the worker's queue: whatever it was granted is deleted.
    Q_EMIT unmapRequested();
    m_stopTimer->start(kStopMs);
}

void PortMapper::onUnmapped(const QString &failure) {
    if (!m_stopping) {
        return;
    }
    if (failure.isEmpty()) {
        if (m_report.mapping.isValid()) {
            qCInfo(lcNet).noquote() << "port mapping deleted:" << describe(m_report.mapping);
        }
    } else {
        qCWarning(lcNet).noquote() << "port mapping not deleted:" << qPrintable(failure);
    }
    finishStop();
}

void PortMapper::finishStop() {
    m_stopTimer->stop();
    const bool had = m_report.mapping.isValid();
    m_report = {};
    if (had) {
        Q_EMIT mappingChanged();
    }
    m_stopping = false;
    if (auto done = std::exchange(m_stopDone, nullptr)) {
        done();
    }
    if (const quint16 port = std::exchange(m_restartPort, 0); port != 0) {
        start(port);
    }
}

} // namespace orion::net
