// SPDX-License-Identifier: GPL-3.0-or-later
// Traffic: the honest load of the soak, through each node's portal (portal::PortalClient).
// A receiver per node registers the service "soak" and records every message pushed to it;
// senders send messages with a delivery receipt requested (wait_delivery) between random
// nodes and to the containers, one at a time each, and record the outcome in the ledger.
// Every thread ends when stopped; each portal wait is bounded. Owned by the soak's main
// thread; its threads only read the roster and write the ledger.
#pragma once

#include "MessageLedger.h"
#include "SoakRoster.h"

#include <QThread>

#include <atomic>
#include <memory>
#include <vector>

namespace orion::soak {

class Traffic {
public:
    static constexpr const char *kService = "soak";

    Traffic(const SoakRoster &roster, MessageLedger &ledger);
    ~Traffic();
    Traffic(const Traffic &) = delete;
    Traffic &operator=(const Traffic &) = delete;

    // One receiver per node; true once every running node's receiver registered.
    void startReceivers();
    bool waitRegistered(int timeoutMs);
    // `senders` threads, each pausing `pauseMs` between messages; one message in
    // `containerShare` goes to a container.
    void startSenders(int senders, int pauseMs, int containerShare);
    void stopSenders();
    void stopReceivers();
    qint64 sendsStarted() const { return m_sendsStarted; }

private:
    void receive(int node);
    void send(int sender, int pauseMs, int containerShare);

    const SoakRoster &m_roster;
    MessageLedger &m_ledger;
    std::atomic<bool> m_sending{false};
    std::atomic<bool> m_receiving{false};
    std::unique_ptr<std::atomic<bool>[]> m_registered;
    std::atomic<qint64> m_sendsStarted{0};
    std::vector<std::unique_ptr<QThread>> m_receivers;
    std::vector<std::unique_ptr<QThread>> m_senders;
};

} // namespace orion::soak
