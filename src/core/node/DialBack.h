// SPDX-License-Identifier: GPL-3.0-or-later
// DialBack: "can you reach me?" between two peers (docs/protocol.md 2.6). Asking: a node
// sends a peer a port; the peer dials the address it sees that node's connection come from
// at that port and completes the secret handshake expecting the asker's own key, which only
// the asker can answer; the result says whether it got through. Answering is bounded: only
// that address (a peer cannot aim the dial elsewhere), one check per peer at a time, a few
// at once in all, through the dial policy. Node thread only.
#pragma once

#include "net/TransportConfig.h"
#include "routing/Endpoint.h"

#include <QByteArray>
#include <QCborMap>
#include <QHash>
#include <QObject>
#include <QPointer>

#include <functional>
#include <memory>

namespace orion::crypto {
class Ed25519;
}
namespace orion::net {
class PeerConnection;
}

namespace orion::node {

class DialPolicy;
class SelfProbe;

class DialBack : public QObject {
    Q_OBJECT

public:
    struct Parts {
        std::shared_ptr<const crypto::Ed25519> identity;
        QByteArray networkKey;
        net::TransportConfig transport;
        DialPolicy *dialPolicy = nullptr;
        std::function<qint64()> clock;
        std::function<quint64()> random;
    };
    struct Outcome {
        bool answered = false;   // the peer answered in time
        bool reached = false;    // its dial completed the handshake with this node's key
        routing::Endpoint tried; // where the peer dialled (the address it sees us at)
        QString reason;          // why not, in the peer's words or ours
    };
    using Done = std::function<void(const Outcome &)>;

    explicit DialBack(Parts parts, QObject *parent = nullptr);

    // Asks the peer on `connection` (active) to dial this node back at `port`; `done` runs
    // once, with its answer or after kAnswerMs without one.
    void ask(net::PeerConnection *connection, quint16 port, Done done);
    // A message of type DialBack or DialBackResult from the active peer on `connection`.
    void handleMessage(net::PeerConnection *connection, const QCborMap &message);
    // Ends pending questions (done runs with answered == false) and running checks.
    void stop();

    static constexpr int kAnswerMs = 20'000;
    static constexpr int kMaxChecks = 4; // answered for others at once
    qint64 checksAnswered() const { return m_checksAnswered; }
    qint64 checksRefused() const { return m_checksRefused; }

private:
    struct Pending {
        QByteArray peerKey;
        Done done;
    };
    void handleRequest(net::PeerConnection *connection, const QCborMap &message);
    void handleResult(net::PeerConnection *connection, const QCborMap &message);
    void answer(QPointer<net::PeerConnection> connection, quint64 nonce, bool reached,
                const routing::Endpoint &tried, const QString &reason);
    void finish(quint64 nonce, const Outcome &outcome);

    Parts m_parts;
    bool m_stopped = false;
    QHash<quint64, Pending> m_pending;       // asked, by nonce
    QHash<QByteArray, SelfProbe *> m_checks; // answering, by the asker's key
    qint64 m_checksAnswered = 0;
    qint64 m_checksRefused = 0;
};

} // namespace orion::node
