// SPDX-License-Identifier: GPL-3.0-or-later
#include "node/DialPolicy.h"

#include <QtTest>

using namespace orion;
using node::DialPolicy;
using routing::Endpoint;

namespace {

Endpoint at(const char *address, quint16 port = 7400) {
    return Endpoint(QHostAddress(QString::fromLatin1(address)), port);
}

} // namespace

class TestDialPolicy : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void scopes() {
        QCOMPARE(at("127.0.0.1").scope(), Endpoint::Scope::Loopback);
        QCOMPARE(at("127.8.9.1").scope(), Endpoint::Scope::Loopback);
        QCOMPARE(at("::1").scope(), Endpoint::Scope::Loopback);
        for (const char *a : {"10.1.2.3", "172.16.0.1", "172.31.255.1", "192.168.1.1", "100.64.0.1",
                              "100.127.0.1", "169.254.3.4", "fd00::1", "fc12::1"}) {
            QVERIFY2(at(a).scope() == Endpoint::Scope::Private, a);
        }
        for (const char *a :
             {"8.8.8.8", "172.15.0.1", "172.32.0.1", "192.169.0.1", "100.128.0.1", "2001:db8::1"}) {
            QVERIFY2(at(a).scope() == Endpoint::Scope::Public, a);
        }
    }

    void localTargetsOnlyWhenOnSuchANetwork() {
        // Only addresses are judged here: nothing is dialled.
        DialPolicy policy(DialPolicy::Limits{}, 0);
        QVERIFY(policy.refusal(at("192.0.2.7"), 0).isEmpty()); // a public address
        QVERIFY(policy.refusal(at("127.0.0.1"), 0).contains(QStringLiteral("loopback")));
        QVERIFY(policy.refusal(at("10.0.0.9"), 0).contains(QStringLiteral("private")));
        QCOMPARE(policy.counters().refusedScope, 2);
        QCOMPARE(policy.counters().dials, 1);

        // Listening on a wildcard says nothing; a loopback seed allows loopback only.
        policy.allowScopeOf(QHostAddress(QHostAddress::Any));
        QVERIFY(!policy.allowsScope(Endpoint::Scope::Loopback));
        policy.allowScopeOf(QHostAddress(QStringLiteral("127.0.0.1")));
        QVERIFY(policy.refusal(at("127.0.0.1", 9), 0).isEmpty());
        QVERIFY(!policy.refusal(at("10.0.0.9"), 0).isEmpty());
        policy.allowScopeOf(QHostAddress(QStringLiteral("192.168.7.2")));
        QVERIFY(policy.refusal(at("10.0.0.9"), 0).isEmpty());

        // The user may allow both outright.
        DialPolicy open(DialPolicy::Limits{true, 16, 64}, 0);
        QVERIFY(open.refusal(at("127.0.0.1"), 0).isEmpty());
        QVERIFY(open.refusal(at("10.0.0.9"), 0).isEmpty());
    }

    void addressesNoPeerCanBeAt() {
        DialPolicy policy(DialPolicy::Limits{true, 16, 64}, 0);
        for (const char *a : {"0.0.0.0", "224.0.0.1", "255.255.255.255", "::", "ff02::1"}) {
            QVERIFY2(!policy.refusal(at(a), 0).isEmpty(), a);
        }
        QVERIFY(!policy.refusal(at("192.0.2.7", 0), 0).isEmpty()); // no port
        QCOMPARE(policy.counters().refusedInvalid, 6);
        QCOMPARE(policy.counters().dials, 0);
    }

    void rateLimit() {
        DialPolicy policy(DialPolicy::Limits{false, 10, 20}, 1000);
        int allowed = 0;
        for (int i = 0; i < 100; ++i) {
            allowed += policy.refusal(at("192.0.2.7", quint16(1000 + i)), 1000).isEmpty();
        }
        QCOMPARE(allowed, 20); // the burst
        QCOMPARE(policy.counters().refusedRate, 80);
        QVERIFY(policy.refusal(at("192.0.2.7"), 1050).contains(QStringLiteral("per second")));
        QVERIFY(policy.refusal(at("192.0.2.7"), 1100).isEmpty()); // 10 per second refill
    }
};

QTEST_GUILESS_MAIN(TestDialPolicy)
#include "tst_dialpolicy.moc"
