// SPDX-License-Identifier: GPL-3.0-or-later
#include "node/DialBack.h"

#include "net/PeerConnection.h"
#include "node/DialPolicy.h"
#include "node/NodeLog.h"
#include "node/SelfProbe.h"
#include "overlay/Messages.h"

#include <QTimer>

namespace orion::node {

using overlay::MessageType;
using routing::Endpoint;

namespace {

// Keys of both messages (docs/protocol.md 2.6).
enum Key : int {
    kType = 0,
    kNonce = 1,
    kPort = 2, // request: the port to dial; result: the port dialled
    kReached = 3,
    kAddress = 4, // result: the address dialled (4 or 16 bytes)
    kReason = 5,  // result: why not (text), when not reached
};

} // namespace

DialBack::DialBack(Parts parts, QObject *parent)
    : QObject(parent)
    , m_parts(std::move(parts)) {}

void DialBack::ask(net::PeerConnection *connection, quint16 port, Done done) {
    if (m_stopped || !connection || !connection->isEstablished()) {
        done(Outcome{false, false, {}, QStringLiteral("no open connection to ask")});
        return;
    }
    quint64 nonce = m_parts.random();
    while (m_pending.contains(nonce)) {
        ++nonce;
    }
    QCborMap request;
    request.insert(kType, int(MessageType::DialBack));
    request.insert(kNonce, qint64(nonce));
    request.insert(kPort, int(port));
    if (!connection->send(request)) {
        done(Outcome{false, false, {}, QStringLiteral("the question could not be sent")});
        return;
    }
    m_pending.insert(nonce, Pending{connection->remotePublicKey(), std::move(done)});
    QTimer::singleShot(kAnswerMs, this, [this, nonce] {
        finish(nonce, Outcome{false,
                              false,
                              {},
                              QStringLiteral("no answer within %1 s").arg(kAnswerMs / 1000)});
    });
}

void DialBack::handleMessage(net::PeerConnection *connection, const QCborMap &message) {
    if (m_stopped || !connection) {
        return;
    }
    if (message.value(kType).toInteger() == int(MessageType::DialBack)) {
        handleRequest(connection, message);
    } else {
        handleResult(connection, message);
    }
}

void DialBack::handleRequest(net::PeerConnection *connection, const QCborMap &message) {
    const quint64 nonce = quint64(message.value(kNonce).toInteger());
    const qint64 port = message.value(kPort).toInteger(-1);
    // Only where this connection comes from: a peer cannot make this node dial anyone else.
    const Endpoint target(connection->remoteAddress(), quint16(port));
    const QByteArray asker = connection->remotePublicKey();
    QPointer<net::PeerConnection> reply(connection);
    if (port < 1 || port > 65535) {
        ++m_checksRefused;
        answer(reply, nonce, false, {}, QStringLiteral("no port to dial"));
        return;
    }
    if (m_checks.contains(asker) || m_checks.size() >= kMaxChecks) {
        ++m_checksRefused;
        answer(reply, nonce, false, target, QStringLiteral("busy with other checks"));
        return;
    }
    if (const QString refused = m_parts.dialPolicy->refusal(target, m_parts.clock());
        !refused.isEmpty()) {
        ++m_checksRefused;
        answer(reply, nonce, false, target, refused);
        return;
    }
    auto *probe =
        new SelfProbe(target, asker, m_parts.identity, m_parts.networkKey, m_parts.transport, this);
    m_checks.insert(asker, probe);
    connect(probe, &SelfProbe::finished, this,
            [this, probe, asker, reply, nonce, target](bool reached, const QString &reason) {
                m_checks.remove(asker);
                probe->deleteLater();
                ++m_checksAnswered;
                qCDebug(lcNode).noquote() << "dial-back to" << target.toString()
                                          << (reached ? "reached its node" : "failed:") << reason;
                answer(reply, nonce, reached, target, reached ? QString() : reason);
            });
}

void DialBack::answer(QPointer<net::PeerConnection> connection, quint64 nonce, bool reached,
                      const Endpoint &tried, const QString &reason) {
    if (m_stopped || !connection || !connection->isEstablished()) {
        return;
    }
    QCborMap result;
    result.insert(kType, int(MessageType::DialBackResult));
    result.insert(kNonce, qint64(nonce));
    result.insert(kReached, reached);
    if (!tried.isNull()) {
        result.insert(kAddress, tried.rawAddress());
        result.insert(kPort, int(tried.port()));
    }
    if (!reason.isEmpty()) {
        result.insert(kReason, reason.left(200));
    }
    connection->send(result);
}

void DialBack::handleResult(net::PeerConnection *connection, const QCborMap &message) {
    const quint64 nonce = quint64(message.value(kNonce).toInteger());
    const auto it = m_pending.constFind(nonce);
    // Only the peer that was asked can answer the question.
    if (it == m_pending.constEnd() || it->peerKey != connection->remotePublicKey()) {
        return;
    }
    Outcome outcome;
    outcome.answered = true;
    outcome.reached = message.value(kReached).toBool();
    if (auto tried = Endpoint::fromRaw(message.value(kAddress).toByteArray(),
                                       message.value(kPort).toInteger(0))) {
        outcome.tried = *tried;
    }
    outcome.reason = message.value(kReason).toString().left(200);
    if (outcome.reached && outcome.tried.isNull()) {
        outcome.reached = false;
        outcome.reason = QStringLiteral("the answer names no address");
    }
    finish(nonce, outcome);
}

void DialBack::finish(quint64 nonce, const Outcome &outcome) {
    auto it = m_pending.find(nonce);
    if (it == m_pending.end()) {
        return;
    }
    Done done = std::move(it->done);
    m_pending.erase(it);
    done(outcome);
}

void DialBack::stop() {
    m_stopped = true;
    const auto pending = std::exchange(m_pending, {});
    for (const Pending &p : pending) {
        p.done(Outcome{false, false, {}, QStringLiteral("the node is stopping")});
    }
    for (SelfProbe *probe : std::exchange(m_checks, {})) {
        probe->disconnect(this);
        probe->deleteLater();
    }
}

} // namespace orion::node
