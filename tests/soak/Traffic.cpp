// SPDX-License-Identifier: GPL-3.0-or-later
#include "Traffic.h"

#include "portal/PortalClient.h"

#include <QDeadlineTimer>
#include <QElapsedTimer>
#include <QRandomGenerator>

#include <map>

namespace orion::soak {

using portal::PortalClient;

Traffic::Traffic(const SoakRoster &roster, MessageLedger &ledger)
    : m_roster(roster)
    , m_ledger(ledger)
    , m_registered(new std::atomic<bool>[size_t(roster.size())]) {
    for (int i = 0; i < roster.size(); ++i) {
        m_registered[size_t(i)] = false;
    }
}

Traffic::~Traffic() {
    stopSenders();
    stopReceivers();
}

void Traffic::startReceivers() {
    m_receiving = true;
    for (int i = 0; i < m_roster.size(); ++i) {
        m_receivers.emplace_back(QThread::create([this, i] { receive(i); }));
        m_receivers.back()->start();
    }
}

bool Traffic::waitRegistered(int timeoutMs) {
    const QDeadlineTimer deadline(timeoutMs);
    while (!deadline.hasExpired()) {
        bool all = true;
        for (const SoakNode &n : m_roster.nodes()) {
            all = all && (!n.up || m_registered[size_t(n.index)]);
        }
        if (all) {
            return true;
        }
        QThread::msleep(100);
    }
    return false;
}

void Traffic::receive(int node) {
    PortalClient client;
    while (m_receiving) {
        if (!client.isConnected()) {
            m_registered[size_t(node)] = false;
            const SoakNode n = m_roster.node(node);
            if (!n.up || !client.connectToNode(n.socketPath, 1000).ok() ||
                !client
                     .request(QStringLiteral("register"),
                              {{QStringLiteral("service"), QString::fromLatin1(kService)}}, 5000)
                     .ok()) {
                client.close();
                QThread::msleep(200);
                continue;
            }
            m_registered[size_t(node)] = true;
        }
        // Events still buffered after the node went away are read before the disconnect.
        while (auto event = client.waitForEvent(300)) {
            if (event->value(QStringLiteral("event")).toString() == u"message" &&
                event->value(QStringLiteral("service")).toString() == QLatin1String(kService)) {
                m_ledger.arrived(event->value(QStringLiteral("body")).toString(), node, 1,
                                 event->value(QStringLiteral("message_id")).toString());
            }
        }
    }
}

void Traffic::startSenders(int senders, int pauseMs, int containerShare) {
    m_sending = true;
    for (int i = 0; i < senders; ++i) {
        m_senders.emplace_back(QThread::create(
            [this, i, pauseMs, containerShare] { send(i, pauseMs, containerShare); }));
        m_senders.back()->start();
    }
}

void Traffic::send(int sender, int pauseMs, int containerShare) {
    QRandomGenerator random(quint32(0x50a4 + sender));
    std::map<int, std::unique_ptr<PortalClient>> clients; // by node
    while (m_sending) {
        const std::vector<SoakNode> nodes = m_roster.nodes();
        const std::vector<SoakContainer> containers = m_roster.containers();
        std::vector<int> up;
        for (const SoakNode &n : nodes) {
            if (n.up) {
                up.push_back(n.index);
            }
        }
        if (up.size() < 2) {
            QThread::msleep(100);
            continue;
        }
        const int from = up[random.bounded(int(up.size()))];
        const bool toContainer =
            !containers.empty() && containerShare > 0 && random.bounded(containerShare) == 0;
        QJsonObject request;
        int to = 0;
        if (toContainer) {
            const SoakContainer &c = containers[size_t(random.bounded(int(containers.size())))];
            to = c.host;
            request.insert(QStringLiteral("target"), c.key);
        } else {
            do {
                to = random.bounded(int(nodes.size()));
            } while (to == from);
            request.insert(QStringLiteral("target"), nodes[size_t(to)].nodeId);
            request.insert(QStringLiteral("service"), QString::fromLatin1(kService));
        }
        const QString token = m_ledger.sent(
            toContainer ? MessageLedger::Kind::Container : MessageLedger::Kind::Service, from, to);
        ++m_sendsStarted;
        request.insert(QStringLiteral("body"), token);
        request.insert(QStringLiteral("wait_delivery"), true);
        request.insert(QStringLiteral("timeout_ms"), 10000);

        auto &client = clients[from];
        if (!client || !client->isConnected()) {
            client = std::make_unique<PortalClient>();
            if (!client->connectToNode(nodes[size_t(from)].socketPath, 1000).ok()) {
                m_ledger.failed(token, QStringLiteral("sender_unreachable"));
                client.reset();
                QThread::msleep(50);
                continue;
            }
        }
        QElapsedTimer clock;
        clock.start();
        const auto reply = client->request(QStringLiteral("send"), request, 15000);
        if (reply && reply->value(QStringLiteral("delivered")).toBool()) {
            m_ledger.acknowledged(token, reply->value(QStringLiteral("message_id")).toString(),
                                  clock.elapsed());
        } else {
            m_ledger.failed(token, client->isConnected() ? client->lastErrorCode()
                                                         : QStringLiteral("sender_went_away"));
        }
        QThread::msleep(quint32(pauseMs / 2 + random.bounded(pauseMs + 1)));
    }
}

void Traffic::stopSenders() {
    m_sending = false;
    for (auto &t : m_senders) {
        t->wait();
    }
    m_senders.clear();
}

void Traffic::stopReceivers() {
    m_receiving = false;
    for (auto &t : m_receivers) {
        t->wait();
    }
    m_receivers.clear();
}

} // namespace orion::soak
