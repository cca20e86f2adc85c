// SPDX-License-Identifier: GPL-3.0-or-later
// Reachability: whether peers can dial this node, and where. It keeps the router's port
// mapping (PortMapper, when switched on) and has a peer outside this host's networks dial
// the node back (DialBack): at the mapping's external port while there is a mapping, else
// at the listen port. Only an address a dial-back reached counts — never the class of an
// address, nor the router's word: behind carrier-grade NAT a mapping exists and is useless.
// The state is public, mapped (UPnP or NAT-PMP), behind NAT, or unknown. Node thread only.
#pragma once

#include "net/PortMapper.h"
#include "node/DialBack.h"
#include "routing/Endpoint.h"

#include <QHostAddress>
#include <QObject>
#include <QStringList>

#include <functional>
#include <optional>
#include <vector>

namespace orion::node {

class Reachability : public QObject {
    Q_OBJECT

public:
    enum class State {
        Unknown,   // not checked yet, or no peer outside this host's networks answered
        Public,    // a peer dialled the listen port at the address it sees this node at
        Mapped,    // a peer dialled the router's mapped port (protocol in the mapping)
        BehindNat, // a peer could not dial it (or the node does not listen): reached only
                   // through the connections it makes
    };
    struct Report {
        State state = State::Unknown;
        QStringList externalAddresses; // "address:port" a dial-back reached
        net::PortMapper::Report portMapping;
        bool portMappingEnabled = false;
        bool mappingConfirmed = false; // the mapping's endpoint was reached by a peer
        QString lastCheck;             // what the last dial-back said, for a person
        friend bool operator==(const Report &, const Report &) = default;
    };
    struct Parts {
        DialBack *dialBack = nullptr;
        // Active connections a dial-back can be asked on, those this node dialled first.
        std::function<std::vector<net::PeerConnection *>()> connections;
        // True when `address` (a peer's, as this node sees it) is outside this host's own
        // networks: a peer on the same LAN reaches addresses no one else does.
        std::function<bool(const QHostAddress &)> isOutside;
        std::function<qint64()> clock;
        bool listens = true;
        quint16 listenPort = 0;
    };

    // `mapper` may be null (port mapping switched off); it is owned from here on.
    Reachability(Parts parts, net::PortMapper *mapper, QObject *parent = nullptr);

    void start();
    // Stops checking and deletes the mapping; `done` runs once the router answered (bounded).
    void stop(std::function<void()> done);
    // A peer became active: a check may be possible now.
    void peerActivated();

    Report report() const;
    State state() const { return m_state; }
    // The endpoint for the member record while a confirmed mapping holds.
    std::optional<routing::Endpoint> mappedEndpoint() const;
    static QString stateName(State state);
    // True when `address` is in none of this host's interfaces' networks.
    static bool outsideHostNetworks(const QHostAddress &address);

    static constexpr qint64 kRecheckMs = qint64{10} * 60 * 1000;

Q_SIGNALS:
    // The endpoint the member record should publish changed (mappedEndpoint()).
    void publishedChanged();

private:
    void check();
    void onOutcome(quint16 port, bool viaMapping, const DialBack::Outcome &outcome);
    void onMappingChanged();
    void setState(State state, QStringList addresses, std::optional<routing::Endpoint> mapped);

    Parts m_parts;
    net::PortMapper *m_mapper;
    bool m_running = false;
    bool m_checking = false;
    State m_state = State::Unknown;
    QStringList m_externalAddresses;
    std::optional<routing::Endpoint> m_mapped;
    QString m_lastCheck;
    qint64 m_checkedAtMs = -1;           // when the last verdict came; -1: none yet
    std::vector<QByteArray> m_askedKeys; // peers asked for the current target
};

} // namespace orion::node

Q_DECLARE_METATYPE(orion::node::Reachability::Report)
