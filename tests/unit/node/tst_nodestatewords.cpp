// SPDX-License-Identifier: GPL-3.0-or-later
// NodeStateWords: the words every face shows for a snapshot, and the invite and member
// address rules a first-time user meets (MemberAddress, Invite), without a network.
#include "identity/MemberRecord.h"
#include "identity/NetworkKey.h"
#include "identity/NodeIdentity.h"
#include "identity/PassphrasePolicy.h"
#include "node/Invite.h"
#include "node/MemberAddress.h"
#include "node/NodeStateWords.h"

#include <QtTest>

using namespace orion;
using node::NodeState;
using node::NodeStateWords;
using node::NodeStatus;

class TestNodeStateWords : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void everyStateHasItsWords() {
        NodeStatus s;
        s.state = NodeStatus::stateOf(true, false, 0);
        QCOMPARE(NodeStateWords::of(s), QStringLiteral("waiting for peers"));
        QCOMPARE(NodeStateWords::code(s), QStringLiteral("waiting"));
        s.noNetwork = true;
        QCOMPARE(NodeStateWords::of(s), QStringLiteral("offline (no network)"));
        QCOMPARE(NodeStateWords::code(s), QStringLiteral("offline"));
        s.noNetwork = false;
        s.activePeers = 1;
        s.state = NodeStatus::stateOf(true, false, s.activePeers);
        QCOMPARE(NodeStateWords::of(s), QStringLiteral("online (1 peer)"));
        s.activePeers = 3;
        s.state = NodeStatus::stateOf(true, false, s.activePeers);
        QCOMPARE(NodeStateWords::of(s), QStringLiteral("online (3 peers)"));
        s.state = NodeStatus::stateOf(true, true, s.activePeers);
        QCOMPARE(NodeStateWords::of(s), QStringLiteral("paused"));
        s.state = NodeState::Failed;
        s.error = QStringLiteral("port 7400 is in use");
        QCOMPARE(NodeStateWords::of(s), QStringLiteral("failed: port 7400 is in use"));
        QCOMPARE(NodeStateWords::code(s), QStringLiteral("failed"));
        QCOMPARE(NodeStateWords::of(NodeState::Starting), QStringLiteral("starting"));
        QCOMPARE(NodeStateWords::of(NodeState::Stopped), QStringLiteral("stopped"));
        // Never "connecting": a lone founder is not failing to connect.
        QVERIFY(!NodeStateWords::of(NodeState::Connecting).contains(QStringLiteral("onnect")));
    }

    void passphrasePolicy() {
        using identity::PassphrasePolicy;
        QCOMPARE(PassphrasePolicy::verdict(QStringLiteral("1234567")),
                 PassphrasePolicy::Verdict::TooShort);
        QCOMPARE(PassphrasePolicy::verdict(QStringLiteral("aaaaaaaaaaaa")),
                 PassphrasePolicy::Verdict::Weak);
        QCOMPARE(PassphrasePolicy::verdict(QStringLiteral("correct horse battery staple")),
                 PassphrasePolicy::Verdict::Good);
        QVERIFY(PassphrasePolicy::advice(PassphrasePolicy::Verdict::TooShort)
                    .contains(QStringLiteral("8 characters")));
    }

    void memberAddresses() {
        using node::MemberAddress;
        auto given = MemberAddress::choose({QStringLiteral(" 127.0.0.1 ")}, QHostAddress::Any);
        QVERIFY(given.ok());
        QCOMPARE(given->addresses, QStringList{QStringLiteral("127.0.0.1")});
        QVERIFY(!MemberAddress::choose({QStringLiteral("0.0.0.0")}, QHostAddress::Any).ok());
        QVERIFY(!MemberAddress::choose({QStringLiteral("example.org")}, QHostAddress::Any).ok());
        auto listen = MemberAddress::choose({}, QHostAddress(QStringLiteral("127.0.0.1")));
        QVERIFY(listen.ok());
        QCOMPARE(listen->from, MemberAddress::Choice::From::Listen);
        // Listening everywhere, something dialable is always named (at worst loopback).
        auto any = MemberAddress::choose({}, QHostAddress::Any);
        QVERIFY(any.ok());
        QCOMPARE(any->addresses.size(), 1);
        QVERIFY(MemberAddress::isDialable(any->addresses.front()));
        QVERIFY(MemberAddress::isLocal(QHostAddress(QHostAddress::LocalHost)));
    }

    void inviteRoundTrip() {
        const auto key = identity::NetworkKey::generate();
        const auto id = identity::NodeIdentity::generate();
        auto record = identity::MemberRecord::create(id, key.networkId(),
                                                     {QStringLiteral("192.0.2.7")}, 7400);
        record.sign(id);
        node::Invite invite;
        invite.networkKey = key.clone();
        invite.member = record;
        const QString uri = invite.toUri();
        QVERIFY(uri.startsWith(QStringLiteral("orion:join?network=orion-net")));
        QVERIFY(!uri.contains(u' ') && !uri.contains(u'\n'));
        auto parsed = node::Invite::parse(QStringLiteral("  ") + uri + QStringLiteral("\n"));
        QVERIFY2(parsed.ok(), parsed ? "" : qPrintable(parsed.error()));
        QCOMPARE(parsed->networkKey.toHex(), key.toHex());
        QCOMPARE(parsed->member.nodeId, id.nodeId());
        QCOMPARE(parsed->member.addresses, record.addresses);

        // Another network's member, or one without an address, is refused.
        const auto other = identity::NetworkKey::generate();
        node::Invite mixed;
        mixed.networkKey = other.clone();
        mixed.member = record;
        QVERIFY(!node::Invite::parse(mixed.toUri()).ok());
        auto bare = identity::MemberRecord::create(id, key.networkId(), {}, 7400);
        bare.sign(id);
        node::Invite undialable;
        undialable.networkKey = key.clone();
        undialable.member = bare;
        const auto refused = node::Invite::parse(undialable.toUri());
        QVERIFY(!refused.ok());
        QVERIFY(refused.error().contains(QStringLiteral("no address")));
        QVERIFY(!node::Invite::parse(uri.left(uri.size() / 2)).ok());
        QVERIFY(!node::Invite::parse(QStringLiteral("orion-net:abc")).ok());
    }
};

QTEST_GUILESS_MAIN(TestNodeStateWords)
#include "tst_nodestatewords.moc"
