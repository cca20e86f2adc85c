// SPDX-License-Identifier: GPL-3.0-or-later
#include "node/AddressCheck.h"

#include "node/DialPolicy.h"
#include "node/NodeLog.h"
#include "node/SelfProbe.h"
#include "overlay/OverlayEngine.h"

namespace orion::node {

using routing::Endpoint;

namespace {

bool isSpecific(const QHostAddress &a) {
    return !a.isNull() && a != QHostAddress(QHostAddress::Any) &&
           a != QHostAddress(QHostAddress::AnyIPv4) && a != QHostAddress(QHostAddress::AnyIPv6);
}

} // namespace

bool AddressCheck::isNeeded(const NodeConfig &config) {
    return config.listen && !isSpecific(config.listenAddress) &&
           config.advertisedAddresses.isEmpty();
}

QStringList AddressCheck::publishedAddresses(const NodeConfig &config, const AddressCheck *check) {
    QStringList addresses = config.advertisedAddresses;
    if (addresses.isEmpty() && config.listen && isSpecific(config.listenAddress)) {
        addresses << config.listenAddress.toString();
    }
    if (addresses.isEmpty() && check && check->confirmed()) {
        // Self-knowledge: what peers report seeing us at, once a dial-back confirmed it.
        addresses << check->confirmed()->address().toString();
    }
    return addresses;
}

AddressCheck::AddressCheck(Parts parts, QObject *parent)
    : QObject(parent)
    , m_parts(std::move(parts)) {}

void AddressCheck::check() {
    if (m_probe) {
        return;
    }
    const auto leader = m_parts.engine->observedLeader();
    if (!leader || leader->networks < m_parts.requiredNetworks) {
        return;
    }
    const Endpoint target(leader->address.address(), m_parts.listenPort);
    if (m_confirmed == target) {
        return;
    }
    // One check per address and 10 minutes, whatever peers keep saying.
    const QByteArray key = target.rawAddress();
    const qint64 now = m_parts.clock();
    if (const auto it = m_probedAtMs.constFind(key);
        it != m_probedAtMs.constEnd() && now - *it < kRecheckMs) {
        return;
    }
    if (const QString refused = m_parts.dialPolicy->refusal(target, now); !refused.isEmpty()) {
        qCInfo(lcNode).noquote() << "not checking the observed address" << target.toString() << ":"
                                 << qPrintable(refused);
        return;
    }
    m_probedAtMs.insert(key, now);
    m_probe = new SelfProbe(target, m_parts.identity, m_parts.networkKey, m_parts.transport, this);
    connect(m_probe, &SelfProbe::finished, this, [this](bool reached, const QString &reason) {
        const Endpoint checked = m_probe->target();
        m_probe->deleteLater();
        m_probe = nullptr;
        if (reached) {
            qCInfo(lcNode).noquote() << "peers see this node at" << checked.toString()
                                     << "and a dial-back reached it: published";
            m_confirmed = checked;
        } else {
            ++m_failedChecks;
            qCInfo(lcNode).noquote()
                << "peers report" << checked.toString()
                << "but a dial-back did not reach this node:" << qPrintable(reason);
        }
    });
}

} // namespace orion::node
