// SPDX-License-Identifier: GPL-3.0-or-later
// HostileRun: one hostile peer of each kind (test::HostilePeer) against the soak's nodes,
// on a thread of its own, at fixed fractions of the run: Sybils and observed-address liars
// that stay connected, then in turn a lock-out, a descriptor flood, oversized and deeply
// nested first messages, a provider record flood, dial amplification, a slow reader and a
// routed flood. Every attack is bounded in count and time. What each attack saw from the
// attacker's side ends up in result(). Created and owned by the soak's main thread.
#pragma once

#include "SoakRoster.h"

#include "identity/NetworkKey.h"

#include <QElapsedTimer>
#include <QJsonObject>
#include <QMutex>
#include <QThread>

#include <atomic>
#include <memory>

namespace orion::soak {

class HostileRun {
public:
    struct Targets {
        SoakNode gate;     // transport attacks
        SoakNode guarded;  // Sybils (its table has the per-address limits on)
        SoakNode wildcard; // observed-address liars (it learns its address from peers)
        SoakNode target;   // provider flood, dial amplification, slow reader, routed flood
    };
    static constexpr const char *kLie = "203.0.113.7";

    HostileRun(const identity::NetworkKey &networkKey, Targets targets, qint64 durationMs);
    ~HostileRun();

    void start();
    void stop(); // ends the schedule early and waits for its thread
    bool wait(int timeoutMs);
    QJsonObject result() const;

private:
    void run();
    bool until(double fraction); // false when stopped
    void record(const QString &attack, const QJsonObject &what);

    identity::NetworkKey m_networkKey;
    Targets m_targets;
    qint64 m_durationMs;
    std::atomic<bool> m_stop{false};
    std::unique_ptr<QThread> m_thread;
    mutable QMutex m_mutex;
    QJsonObject m_result;
    QElapsedTimer m_clock; // the hostile thread's, from the start of the run
};

} // namespace orion::soak
