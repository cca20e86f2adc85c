// SPDX-License-Identifier: GPL-3.0-or-later
// What the overlay does with requests in flight when the connection they went out on
// closes: a peer closes connections it finds idle, and a request can cross its goodbye.
#include "overlay/OverlayEngine.h"
#include "overlay/OverlayHost.h"

#include <QHostAddress>
#include <QtTest>

#include <optional>

using namespace orion;
using overlay::FindNodeMessage;
using overlay::LookupResult;
using overlay::OverlayEngine;
using overlay::OverlayMessage;
using routing::Endpoint;
using routing::NodeInfo;

namespace {

NodeInfo nodeNumber(quint8 n) {
    QByteArray key(32, char(n));
    return *NodeInfo::fromPublicKey(key, Endpoint(QHostAddress::LocalHost, quint16(4000 + n)));
}

// Records what the engine sends; time stands still, timers never fire.
class RecordingHost : public overlay::OverlayHost {
public:
    qint64 nowMs() const override { return 1000; }
    qint64 wallClockMs() const override { return 1000; }
    void send(const NodeInfo &to, OverlayMessage message) override {
        sent.push_back({to, std::move(message)});
    }
    void schedule(qint64, std::function<void()>) override {}
    quint64 randomU64() override { return ++counter; }

    std::vector<std::pair<NodeInfo, OverlayMessage>> sent;
    quint64 counter = 0;
};

} // namespace

class TestConnectionLoss : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void requestIsAskedAgainOnceThenFails() {
        RecordingHost host;
        OverlayEngine engine(nodeNumber(1), overlay::OverlayConfig{}, host);
        const NodeInfo peer = nodeNumber(2);
        std::optional<LookupResult> result;
        engine.lookup(nodeNumber(3).id, [&](const LookupResult &r) { result = r; }, {peer});
        QCOMPARE(int(host.sent.size()), 1);
        // A copy: host.sent grows below, which moves its elements.
        QVERIFY(std::holds_alternative<FindNodeMessage>(host.sent[0].second));
        const FindNodeMessage first = std::get<FindNodeMessage>(host.sent[0].second);
        QVERIFY(engine.isAwaitingReplyFrom(peer.id));

        // The connection closes before the answer: the same request goes out again.
        engine.handleConnectionLost(peer.id);
        QCOMPARE(int(host.sent.size()), 2);
        QCOMPARE(host.sent[1].first.id, peer.id);
        const auto *again = std::get_if<FindNodeMessage>(&host.sent[1].second);
        QVERIFY(again);
        QCOMPARE(again->requestId, first.requestId);
        QCOMPARE(again->target, first.target);
        QVERIFY(engine.isAwaitingReplyFrom(peer.id));
        QVERIFY(!result);

        // Lost a second time: the request fails, and with no one else to ask the lookup
        // ends without the target.
        engine.handleConnectionLost(peer.id);
        QCOMPARE(int(host.sent.size()), 2);
        QVERIFY(!engine.isAwaitingReplyFrom(peer.id));
        QVERIFY(result);
        QVERIFY(!result->found);
        QCOMPARE(result->failures, 1);
    }

    void otherPeersAreNotTouched() {
        RecordingHost host;
        OverlayEngine engine(nodeNumber(1), overlay::OverlayConfig{}, host);
        const NodeInfo a = nodeNumber(2), b = nodeNumber(4);
        engine.lookup(nodeNumber(3).id, [](const LookupResult &) {}, {a, b});
        QCOMPARE(int(host.sent.size()), 2);
        engine.handleConnectionLost(a.id);
        QCOMPARE(int(host.sent.size()), 3);
        QCOMPARE(host.sent[2].first.id, a.id);
        QVERIFY(engine.isAwaitingReplyFrom(a.id));
        QVERIFY(engine.isAwaitingReplyFrom(b.id));
        engine.handleConnectionLost(nodeNumber(9).id); // nothing pending: nothing happens
        QCOMPARE(int(host.sent.size()), 3);
    }
};

QTEST_GUILESS_MAIN(TestConnectionLoss)
#include "tst_connectionloss.moc"
