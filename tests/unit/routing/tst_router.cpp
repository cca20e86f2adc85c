// SPDX-License-Identifier: GPL-3.0-or-later
// The Router's decisions over an in-memory network of routers: greedy delivery over live
// connections, route errors back to the origin, and loops made on purpose (next hops
// forced into a cycle) that the seen-ID cache or the hop limit must stop.
#include "routing/Router.h"

#include <QtTest>

#include <deque>
#include <memory>

using namespace orion;
using identity::Key160;
using routing::RoutedMessage;
using routing::Router;
using routing::RouterHost;

namespace {

class FakeNet;

class FakeHost : public RouterHost {
public:
    FakeHost(FakeNet &net, Key160 self)
        : m_net(net)
        , m_self(self) {}
    const std::vector<Key160> &livePeers() const override { return live; }
    bool isConnected(const Key160 &peer) const override {
        return std::find(live.begin(), live.end(), peer) != live.end();
    }
    SendResult sendToPeer(const Key160 &peer, const RoutedMessage &message) override;
    std::vector<Key160> knownContacts(const Key160 &key, int count) const override {
        auto sorted = known;
        std::sort(sorted.begin(), sorted.end(),
                  [&](const Key160 &a, const Key160 &b) { return key.isCloser(a, b); });
        sorted.resize(std::min<size_t>(sorted.size(), size_t(count)));
        return sorted;
    }
    void connectTo(const Key160 &peer) override { dials.push_back(peer); }
    void deliverLocal(const RoutedMessage &message) override { delivered.push_back(message); }
    qint64 nowMs() const override { return 0; }

    std::vector<Key160> live;
    std::vector<Key160> known;
    std::vector<Key160> dials;
    std::vector<RoutedMessage> delivered;
    bool busy = false;

private:
    FakeNet &m_net;
    Key160 m_self;
};

class FakeNet {
public:
    struct Member {
        Key160 id;
        std::unique_ptr<FakeHost> host;
        std::unique_ptr<Router> router;
    };

    int add(const Key160 &id, routing::RouterConfig config = {}) {
        Member m;
        m.id = id;
        m.host = std::make_unique<FakeHost>(*this, id);
        m.router = std::make_unique<Router>(id, *m.host, config);
        members.push_back(std::move(m));
        return int(members.size()) - 1;
    }
    int indexOf(const Key160 &id) const {
        for (size_t i = 0; i < members.size(); ++i) {
            if (members[i].id == id) {
                return int(i);
            }
        }
        return -1;
    }
    void link(int a, int b) {
        members[size_t(a)].host->live.push_back(members[size_t(b)].id);
        members[size_t(b)].host->live.push_back(members[size_t(a)].id);
    }
    // Delivers queued messages until none is left; returns how many hops were made.
    int run() {
        int hops = 0;
        while (!queue.empty() && hops < 100000) {
            auto [from, to, message] = queue.front();
            queue.pop_front();
            ++hops;
            members[size_t(indexOf(to))].router->route(message, from);
        }
        return hops;
    }
    RoutedMessage data(int from, const Key160 &destination, int hopLimit = 32) {
        RoutedMessage m;
        m.messageId = RoutedMessage::newMessageId();
        m.origin = members[size_t(from)].id;
        m.source = m.origin;
        m.destination = destination;
        m.target = destination;
        m.service = QStringLiteral("test");
        m.hopLimit = hopLimit;
        return m;
    }

    std::vector<Member> members;
    std::deque<std::tuple<Key160, Key160, RoutedMessage>> queue;
};

RouterHost::SendResult FakeHost::sendToPeer(const Key160 &peer, const RoutedMessage &message) {
    if (busy) {
        return SendResult::Busy;
    }
    if (std::find(live.begin(), live.end(), peer) == live.end()) {
        return SendResult::Gone;
    }
    m_net.queue.emplace_back(m_self, peer, message);
    return SendResult::Sent;
}

// A key whose first byte is `b` (the rest zero): distances are easy to reason about.
Key160 key(quint8 b) {
    std::array<quint8, 20> bytes{};
    bytes[0] = b;
    return Key160(bytes);
}

const RoutedMessage *errorAt(const FakeHost &host, const QByteArray &about) {
    for (const auto &m : host.delivered) {
        if (m.kind == RoutedMessage::Kind::Error && m.inReplyTo == about) {
            return &m;
        }
    }
    return nullptr;
}

} // namespace

class TestRouter : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void deliversGreedilyOverLiveConnections() {
        FakeNet net;
        // A line 0x80 - 0x40 - 0x10 - 0x01: each hop strictly closer to 0x00.
        const int a = net.add(key(0x80)), b = net.add(key(0x40)), c = net.add(key(0x10)),
                  d = net.add(key(0x01));
        net.link(a, b);
        net.link(b, c);
        net.link(c, d);
        net.link(a, c); // a shortcut that greedy routing must take
        const auto m = net.data(a, key(0x01));
        const auto decision = net.members[size_t(a)].router->route(m, key(0x80));
        QCOMPARE(decision.outcome, Router::Outcome::Forwarded);
        QCOMPARE(decision.nextHop, key(0x10));
        net.run();
        const auto &got = net.members[size_t(d)].host->delivered;
        QCOMPARE(int(got.size()), 1);
        QCOMPARE(got[0].messageId, m.messageId);
        QCOMPARE(got[0].hops, 2);
        QCOMPARE(got[0].hopLimit, 30);
        QVERIFY(net.members[size_t(b)].host->delivered.empty());
    }

    void noCloserPeerMeansRouteErrorAtOrigin() {
        FakeNet net;
        const int a = net.add(key(0x80)), b = net.add(key(0x40));
        net.link(a, b);
        // 0x7f: b (0x40) is farther from it than a (0x80)? 0x80^0x7f=0xff, 0x40^0x7f=0x3f:
        // b is closer, so a forwards; b has nobody closer than itself.
        const auto m = net.data(a, key(0x7f));
        net.members[size_t(a)].router->route(m, key(0x80));
        net.run();
        const auto *error = errorAt(*net.members[size_t(a)].host, m.messageId);
        QVERIFY(error);
        QCOMPARE(error->errorCode, RoutedMessage::ErrorCode::NoRoute);
        QCOMPARE(error->source, key(0x40));
    }

    void leafHandsItsOwnMessagesToARelay() {
        FakeNet net;
        // A leaf (no listener) at 0x02 sends to 0x01; its only relay 0x40 is farther from
        // 0x01 than the leaf, but greedy progress starts at the relay.
        routing::RouterConfig leaf;
        leaf.relay = false;
        const int l = net.add(key(0x02), leaf), r = net.add(key(0x40)), d = net.add(key(0x01));
        net.link(l, r);
        net.link(r, d);
        const auto m = net.data(l, key(0x01));
        QCOMPARE(net.members[size_t(l)].router->route(m, key(0x02)).outcome,
                 Router::Outcome::Forwarded);
        net.run();
        QCOMPARE(int(net.members[size_t(d)].host->delivered.size()), 1);
    }

    void dialsAKnownCloserContactAndQueues() {
        FakeNet net;
        const int a = net.add(key(0x80));
        auto &host = *net.members[size_t(a)].host;
        host.known = {key(0x02), key(0x70)};
        const auto m = net.data(a, key(0x01));
        auto decision = net.members[size_t(a)].router->route(m, key(0x80));
        QCOMPARE(decision.outcome, Router::Outcome::Waiting);
        QCOMPARE(host.dials, std::vector<Key160>{key(0x02)});
        // The dial fails: the contact is avoided and the message tries the next one.
        net.members[size_t(a)].router->connectFailed(key(0x02));
        QCOMPARE(host.dials.back(), key(0x70));
        net.members[size_t(a)].router->connectFailed(key(0x70));
        const auto *error = errorAt(host, m.messageId);
        QVERIFY(error);
        QCOMPARE(error->errorCode, RoutedMessage::ErrorCode::NoRoute);
    }

    // A member sends large messages towards contacts that must be dialled first: the
    // queues waiting for those dials are bounded in bytes, per contact and in total, and
    // the sender hears Busy. Positive control: without the byte bounds the same messages
    // are all held.
    void waitingForDialsIsBoundedInBytes() {
        const QByteArray body(64 * 1024, 'x');
        constexpr int kContacts = 8, kPerContact = 40;
        const auto attack = [&](routing::RouterConfig config, Router *&router, FakeHost *&host,
                                FakeNet &net) {
            const int a = net.add(key(0x80), config);
            host = net.members[size_t(a)].host.get();
            router = net.members[size_t(a)].router.get();
            for (int c = 1; c <= kContacts; ++c) {
                host->known.push_back(key(quint8(c)));
            }
            int waiting = 0;
            for (int c = 1; c <= kContacts; ++c) {
                for (int i = 0; i < kPerContact; ++i) {
                    auto m = net.data(a, key(quint8(c)));
                    m.origin = key(0x90); // a peer's message, passing through
                    m.body = QCborValue(body);
                    waiting += router->route(m, key(0x90)).outcome == Router::Outcome::Waiting;
                }
            }
            return waiting;
        };
        const qint64 messageBytes = [&] {
            FakeNet sizing;
            auto m = sizing.data(sizing.add(key(0x80)), key(1));
            m.body = QCborValue(body);
            return m.retainedBytes();
        }();
        QVERIFY(messageBytes > body.size());

        routing::RouterConfig unbounded;
        unbounded.maxWaitingBytesPerPeer = unbounded.maxWaitingBytes = qint64{1} << 40;
        FakeNet controlNet;
        Router *control = nullptr;
        FakeHost *controlHost = nullptr;
        QCOMPARE(attack(unbounded, control, controlHost, controlNet), kContacts * kPerContact);
        QCOMPARE(control->waitingBytes(), kContacts * kPerContact * messageBytes); // ~20 MiB
        QCOMPARE(control->stats().waitingBytesRefused, quint64(0));

        routing::RouterConfig bounded;
        bounded.maxWaitingBytesPerPeer = 1024 * 1024;
        bounded.maxWaitingBytes = 4 * 1024 * 1024;
        FakeNet net;
        Router *router = nullptr;
        FakeHost *host = nullptr;
        const int waiting = attack(bounded, router, host, net);
        QVERIFY(waiting > 0);
        QVERIFY(router->waitingBytes() <= bounded.maxWaitingBytes);
        QCOMPARE(router->waitingBytes(), waiting * messageBytes);
        QCOMPARE(router->stats().waitingBytesRefused, quint64(kContacts * kPerContact - waiting));
        // Each contact holds at most its own share: 15 messages of 64 KiB fit in 1 MiB.
        QVERIFY(waiting <= kContacts * int(bounded.maxWaitingBytesPerPeer / messageBytes));
        // What was refused was answered: errors go to the origin, over the network.
        QCOMPARE(router->stats().errorsSent, router->stats().waitingBytesRefused);

        // The dials fail: every queue is released and the count returns to zero.
        for (int c = 1; c <= kContacts; ++c) {
            router->connectFailed(key(quint8(c)));
        }
        QCOMPARE(router->waitingBytes(), qint64(0));
        QCOMPARE(router->waitingCount(), 0);
    }

    void congestedConnectionAnswersBusy() {
        FakeNet net;
        const int a = net.add(key(0x80)), b = net.add(key(0x01));
        net.link(a, b);
        net.members[size_t(a)].host->busy = true;
        const auto m = net.data(a, key(0x01));
        net.members[size_t(a)].router->route(m, key(0x80));
        const auto *error = errorAt(*net.members[size_t(a)].host, m.messageId);
        QVERIFY(error);
        QCOMPARE(error->errorCode, RoutedMessage::ErrorCode::Busy);
    }

    void forcedCycleIsStoppedBySeenCache() {
        FakeNet net;
        // Origin o sends towards 0x00 through a -> b -> c -> a ... (tables that disagree).
        const int o = net.add(key(0xf0)), a = net.add(key(0x80)), b = net.add(key(0x40)),
                  c = net.add(key(0x20));
        net.link(o, a);
        net.link(a, b);
        net.link(b, c);
        net.link(c, a);
        auto force = [&](int at, int next) {
            const Key160 to = net.members[size_t(next)].id;
            net.members[size_t(at)].router->setNextHopOverride(
                [to](const RoutedMessage &m) -> std::optional<Key160> {
                    if (m.kind == RoutedMessage::Kind::Data) {
                        return to;
                    }
                    return std::nullopt;
                });
        };
        force(a, b);
        force(b, c);
        force(c, a);
        const auto m = net.data(o, key(0x00));
        net.members[size_t(o)].router->route(m, key(0xf0));
        const int hops = net.run();
        QVERIFY(hops < 20);
        QCOMPARE(net.members[size_t(a)].router->stats().duplicates, quint64(1));
        const auto *error = errorAt(*net.members[size_t(o)].host, m.messageId);
        QVERIFY2(error, "the origin must learn that its message looped");
        QCOMPARE(error->errorCode, RoutedMessage::ErrorCode::Loop);
    }

    void forcedCycleWithoutCacheIsStoppedByHopLimit() {
        FakeNet net;
        routing::RouterConfig noCache;
        noCache.seenCacheSize = 0;
        const int o = net.add(key(0xf0), noCache), a = net.add(key(0x80), noCache),
                  b = net.add(key(0x40), noCache);
        net.link(o, a);
        net.link(a, b);
        net.members[size_t(a)].router->setNextHopOverride(
            [&](const RoutedMessage &m) -> std::optional<Key160> {
                return m.kind == RoutedMessage::Kind::Data ? std::optional(key(0x40))
                                                           : std::nullopt;
            });
        net.members[size_t(b)].router->setNextHopOverride(
            [&](const RoutedMessage &m) -> std::optional<Key160> {
                return m.kind == RoutedMessage::Kind::Data ? std::optional(key(0x80))
                                                           : std::nullopt;
            });
        const auto m = net.data(o, key(0x00), 10);
        net.members[size_t(o)].router->route(m, key(0xf0));
        const int hops = net.run();
        QVERIFY(hops <= 12);
        const auto *error = errorAt(*net.members[size_t(o)].host, m.messageId);
        QVERIFY(error);
        QCOMPARE(error->errorCode, RoutedMessage::ErrorCode::HopLimit);
    }

    void errorsAreNeverAnsweredWithErrors() {
        FakeNet net;
        const int a = net.add(key(0x80));
        // An error on its way to an origin (0x33) that this node cannot reach.
        RoutedMessage data = net.data(a, key(0x01));
        data.origin = key(0x33);
        RoutedMessage error = data.makeError(key(0x99), RoutedMessage::ErrorCode::NoRoute, {});
        const auto decision = net.members[size_t(a)].router->route(error, key(0x99));
        QCOMPARE(decision.outcome, Router::Outcome::Dropped);
        QVERIFY(net.members[size_t(a)].host->delivered.empty());
        QVERIFY(net.queue.empty());
    }

    void wireFormRoundTrips() {
        FakeNet net;
        net.add(key(0x80));
        auto m = net.data(0, key(0x01));
        m.wantReceipt = true;
        m.body = QCborMap{{QStringLiteral("k"), 1}};
        auto back = RoutedMessage::fromCbor(m.toCbor());
        QVERIFY(back.ok());
        QCOMPARE(back->messageId, m.messageId);
        QVERIFY(back->wantReceipt);
        QCOMPARE(back->body, m.body);
        const auto receipt = back->makeReceipt(key(0x01));
        auto r = RoutedMessage::fromCbor(receipt.toCbor());
        QVERIFY(r.ok());
        QCOMPARE(r->kind, RoutedMessage::Kind::Receipt);
        QCOMPARE(r->inReplyTo, m.messageId);
        QCOMPARE(r->destination, key(0x80));
        QCborMap bad = m.toCbor();
        bad.insert(1, QByteArray(3, 'x'));
        QVERIFY(!RoutedMessage::fromCbor(bad).ok());
    }

    void routeDepthTravelsWithTheMessage() {
        FakeNet net;
        net.add(key(0x80));
        auto m = net.data(0, key(0x01));
        // A node's own message carries none (and no field for it on the wire).
        QVERIFY(!m.toCbor().contains(15));
        QCOMPARE(RoutedMessage::fromCbor(m.toCbor())->routeDepth, 0);
        m.routeDepth = 7;
        m.routeOrigin = key(0x42);
        auto back = RoutedMessage::fromCbor(m.toCbor());
        QVERIFY(back.ok());
        QCOMPARE(back->routeDepth, 7);
        QCOMPARE(back->routeOrigin, key(0x42));
        QCborMap bad = m.toCbor();
        bad.insert(15, RoutedMessage::kMaxRouteDepth + 1);
        QVERIFY(!RoutedMessage::fromCbor(bad).ok());
        bad = m.toCbor();
        bad.remove(16);
        QVERIFY(!RoutedMessage::fromCbor(bad).ok());
    }
};

QTEST_GUILESS_MAIN(TestRouter)
#include "tst_router.moc"
