// SPDX-License-Identifier: GPL-3.0-or-later
#include "node/MemberAddress.h"

#include "routing/Endpoint.h"

#include <QNetworkInterface>

#include <algorithm>

namespace orion::node {

namespace {

bool isSpecific(const QHostAddress &a) {
    return !a.isNull() && a != QHostAddress(QHostAddress::Any) &&
           a != QHostAddress(QHostAddress::AnyIPv4) && a != QHostAddress(QHostAddress::AnyIPv6);
}

} // namespace

bool MemberAddress::isDialable(const QString &address) {
    QHostAddress parsed;
    return parsed.setAddress(address.trimmed()) && routing::Endpoint(parsed, 1).isValid();
}

bool MemberAddress::isLocal(const QHostAddress &address) {
    if (address.isLoopback()) {
        return true;
    }
    const auto all = QNetworkInterface::allAddresses();
    return std::any_of(all.begin(), all.end(),
                       [&](const QHostAddress &a) { return a.isEqual(address); });
}

Result<QHostAddress> MemberAddress::interfaceAddress() {
    QHostAddress ipv6;
    const auto interfaces = QNetworkInterface::allInterfaces();
    for (const QNetworkInterface &i : interfaces) {
        const auto flags = i.flags();
        if (flags.testFlag(QNetworkInterface::IsLoopBack) ||
            !flags.testFlag(QNetworkInterface::IsUp) ||
            !flags.testFlag(QNetworkInterface::IsRunning)) {
            continue;
        }
        for (const QNetworkAddressEntry &entry : i.addressEntries()) {
            const QHostAddress a = entry.ip();
            if (!routing::Endpoint(a, 1).isValid()) {
                continue; // link-local IPv6 and the like cannot be dialled from elsewhere
            }
            if (a.protocol() == QAbstractSocket::IPv4Protocol) {
                return a;
            }
            if (ipv6.isNull()) {
                ipv6 = a;
            }
        }
    }
    if (!ipv6.isNull()) {
        return ipv6;
    }
    return Result<QHostAddress>::failure(
        ErrorCode::NotFound,
        QStringLiteral("this machine has no network address besides loopback for others to "
                       "reach it at; give one with --address HOST (--address 127.0.0.1 for "
                       "nodes on this machine only)"));
}

Result<MemberAddress::Choice> MemberAddress::choose(const QStringList &configured,
                                                    const QHostAddress &listen) {
    using R = Result<Choice>;
    Choice choice;
    if (!configured.isEmpty()) {
        for (const QString &address : configured) {
            if (!isDialable(address)) {
                return R::failure(
                    ErrorCode::InvalidArgument,
                    QStringLiteral("%1 is not an IP address others can dial").arg(address));
            }
            choice.addresses << QHostAddress(address.trimmed()).toString();
        }
        return choice;
    }
    if (isSpecific(listen)) {
        if (!routing::Endpoint(listen, 1).isValid()) {
            return R::failure(ErrorCode::InvalidArgument,
                              QStringLiteral("the listen address %1 cannot be dialled; publish "
                                             "another one with --address HOST")
                                  .arg(listen.toString()));
        }
        choice.addresses << listen.toString();
        choice.from = Choice::From::Listen;
        return choice;
    }
    if (auto picked = interfaceAddress()) {
        choice.addresses << picked->toString();
        choice.from = Choice::From::Interface;
        return choice;
    }
    // Better a file that nodes on this host can use than none at all; the caller says so.
    choice.addresses << QHostAddress(QHostAddress::LocalHost).toString();
    choice.from = Choice::From::Loopback;
    return choice;
}

} // namespace orion::node
