// SPDX-License-Identifier: GPL-3.0-or-later
#include "node/Reachability.h"

#include "net/PeerConnection.h"
#include "node/NodeLog.h"

#include <QNetworkInterface>
#include <QTimer>

#include <algorithm>

namespace orion::node {

using routing::Endpoint;

QString Reachability::stateName(State state) {
    switch (state) {
    case State::Unknown:
        return QStringLiteral("unknown");
    case State::Public:
        return QStringLiteral("public");
    case State::Mapped:
        return QStringLiteral("mapped");
    case State::BehindNat:
        return QStringLiteral("behind_nat");
    }
    return QStringLiteral("unknown");
}

bool Reachability::outsideHostNetworks(const QHostAddress &address) {
    QHostAddress a = address;
    bool isV4 = false;
    const quint32 v4 = a.toIPv4Address(&isV4);
    if (isV4) {
        a = QHostAddress(v4); // an IPv4-mapped IPv6 address from a dual-stack socket
    }
    if (a.isLoopback()) {
        return false;
    }
    const auto interfaces = QNetworkInterface::allInterfaces();
    for (const QNetworkInterface &i : interfaces) {
        for (const QNetworkAddressEntry &entry : i.addressEntries()) {
            if (entry.prefixLength() >= 0 && a.isInSubnet(entry.ip(), entry.prefixLength())) {
                return false;
            }
        }
    }
    return true;
}

Reachability::Reachability(Parts parts, net::PortMapper *mapper, QObject *parent)
    : QObject(parent)
    , m_parts(std::move(parts))
    , m_mapper(mapper) {
    if (m_mapper) {
        m_mapper->setParent(this);
        connect(m_mapper, &net::PortMapper::mappingChanged, this, &Reachability::onMappingChanged);
    }
    auto *recheck = new QTimer(this);
    connect(recheck, &QTimer::timeout, this, [this] {
        m_checkedAtMs = -1;
        m_askedKeys.clear();
        check();
    });
    recheck->start(int(kRecheckMs));
}

void Reachability::start() {
    if (m_running) {
        return;
    }
    m_running = true;
    if (!m_parts.listens) {
        setState(State::BehindNat, {}, std::nullopt);
        m_lastCheck = QStringLiteral("the node does not listen");
        return;
    }
    if (m_mapper) {
        m_mapper->start(m_parts.listenPort);
    }
    check();
}

void Reachability::stop(std::function<void()> done) {
    m_running = false;
    if (m_mapper) {
        m_mapper->stop(std::move(done));
    } else if (done) {
        done();
    }
}

void Reachability::peerActivated() {
    check();
}

std::optional<Endpoint> Reachability::mappedEndpoint() const {
    return m_mapped;
}

Reachability::Report Reachability::report() const {
    Report r;
    r.state = m_state;
    r.externalAddresses = m_externalAddresses;
    r.portMappingEnabled = m_mapper != nullptr;
    if (m_mapper) {
        r.portMapping = m_mapper->report();
    }
    r.mappingConfirmed = m_mapped.has_value();
    r.lastCheck = m_lastCheck;
    return r;
}

void Reachability::check() {
    if (!m_running || m_checking || !m_parts.listens) {
        return;
    }
    const bool viaMapping = m_mapper && m_mapper->report().state == net::PortMapper::State::Mapped;
    if (m_mapper && m_mapper->report().state == net::PortMapper::State::Requesting) {
        return; // the router's first answer decides what to check
    }
    if (m_checkedAtMs >= 0 && m_parts.clock() - m_checkedAtMs < kRecheckMs) {
        return;
    }
    const quint16 port = viaMapping ? m_mapper->report().mapping.externalPort : m_parts.listenPort;
    for (net::PeerConnection *c : m_parts.connections()) {
        const QByteArray key = c->remotePublicKey();
        if (!m_parts.isOutside(c->remoteAddress()) ||
            std::find(m_askedKeys.begin(), m_askedKeys.end(), key) != m_askedKeys.end()) {
            continue;
        }
        m_checking = true;
        m_askedKeys.push_back(key);
        qCInfo(lcNode).noquote() << "asking the peer at" << c->remoteAddress().toString()
                                 << "to dial this node back at port" << port
                                 << (viaMapping ? "(the router's mapping)" : "(the listen port)");
        m_parts.dialBack->ask(c, port, [this, port, viaMapping](const DialBack::Outcome &o) {
            onOutcome(port, viaMapping, o);
        });
        return;
    }
}

void Reachability::onOutcome(quint16 port, bool viaMapping, const DialBack::Outcome &outcome) {
    m_checking = false;
    if (!m_running) {
        return;
    }
    const bool mappedNow = m_mapper && m_mapper->report().state == net::PortMapper::State::Mapped;
    const quint16 portNow =
        mappedNow ? m_mapper->report().mapping.externalPort : m_parts.listenPort;
    if (viaMapping != mappedNow || port != portNow) {
        check(); // the mapping changed while the peer dialled: that answer is about the past
        return;
    }
    if (!outcome.answered) {
        m_lastCheck = QStringLiteral("no answer to a dial-back question: %1").arg(outcome.reason);
        qCInfo(lcNode).noquote() << m_lastCheck;
        check(); // the next peer, if any
        return;
    }
    m_checkedAtMs = m_parts.clock();
    m_askedKeys.clear();
    const Endpoint reached(outcome.tried.address(), port);
    if (outcome.reached) {
        m_lastCheck =
            QStringLiteral("a peer dialled %1 and reached this node").arg(reached.toString());
        qCInfo(lcNode).noquote() << "reachable:" << m_lastCheck
                                 << (viaMapping ? "through the router's port mapping" : "");
        if (viaMapping) {
            setState(State::Mapped, {reached.toString()}, reached);
        } else {
            setState(State::Public, {reached.toString()}, std::nullopt);
        }
        return;
    }
    m_lastCheck =
        QStringLiteral("a peer could not dial %1: %2")
            .arg(outcome.tried.isNull() ? QStringLiteral("this node") : reached.toString(),
                 outcome.reason);
    qCInfo(lcNode).noquote() << "not reachable from outside:" << m_lastCheck;
    setState(State::BehindNat, {}, std::nullopt);
}

void Reachability::onMappingChanged() {
    m_checkedAtMs = -1;
    m_askedKeys.clear();
    if (m_mapped) {
        // Until a peer reached the new mapping (or the listen port), nothing is known.
        setState(State::Unknown, {}, std::nullopt);
    }
    check();
}

void Reachability::setState(State state, QStringList addresses, std::optional<Endpoint> mapped) {
    const bool publishedMoved = m_mapped != mapped;
    m_state = state;
    m_externalAddresses = std::move(addresses);
    m_mapped = std::move(mapped);
    if (publishedMoved) {
        Q_EMIT publishedChanged();
    }
}

} // namespace orion::node
