// SPDX-License-Identifier: GPL-3.0-or-later
#include "node/DialPolicy.h"

#include <QNetworkInterface>

namespace orion::node {

using routing::Endpoint;

DialPolicy::DialPolicy(const Limits &limits, qint64 nowMs)
    : m_limits(limits)
    , m_rate(limits.dialsPerSecond, limits.dialBurst, nowMs) {}

void DialPolicy::allowScopeOf(const QHostAddress &address) {
    if (address.isNull() || address == QHostAddress(QHostAddress::Any) ||
        address == QHostAddress(QHostAddress::AnyIPv4) ||
        address == QHostAddress(QHostAddress::AnyIPv6)) {
        return;
    }
    switch (Endpoint::scopeOf(address)) {
    case Endpoint::Scope::Loopback:
        m_loopback = true;
        break;
    case Endpoint::Scope::Private:
        m_private = true;
        break;
    case Endpoint::Scope::Public:
        break;
    }
}

void DialPolicy::allowScopesOfInterfaces() {
    for (const QHostAddress &address : QNetworkInterface::allAddresses()) {
        // Every host has a loopback interface; being on it says nothing.
        if (Endpoint::scopeOf(address) == Endpoint::Scope::Private) {
            m_private = true;
        }
    }
}

bool DialPolicy::allowsScope(Endpoint::Scope scope) const {
    switch (scope) {
    case Endpoint::Scope::Loopback:
        return m_limits.dialLocalAddresses || m_loopback;
    case Endpoint::Scope::Private:
        return m_limits.dialLocalAddresses || m_private;
    case Endpoint::Scope::Public:
        return true;
    }
    return false;
}

QString DialPolicy::refusal(const Endpoint &to, qint64 nowMs) {
    if (!to.isValid()) {
        ++m_counters.refusedInvalid;
        return QStringLiteral("%1 is no address a peer can be at").arg(to.toString());
    }
    if (!allowsScope(to.scope())) {
        ++m_counters.refusedScope;
        return QStringLiteral("%1 is a %2 address and this node is on no such network")
            .arg(to.toString(), to.scope() == Endpoint::Scope::Loopback
                                    ? QStringLiteral("loopback")
                                    : QStringLiteral("private"));
    }
    if (!m_rate.take(nowMs)) {
        ++m_counters.refusedRate;
        return QStringLiteral("more than %1 dials per second").arg(m_limits.dialsPerSecond);
    }
    ++m_counters.dials;
    return {};
}

void DialPolicy::allowScopesOf(const QHostAddress &listen, const QStringList &advertised) {
    allowScopeOf(listen);
    for (const QString &address : advertised) {
        allowScopeOf(QHostAddress(address));
    }
    allowScopesOfInterfaces();
}

} // namespace orion::node
