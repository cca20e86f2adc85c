// SPDX-License-Identifier: GPL-3.0-or-later
// 30 nodes on loopback with real sockets, 10 of them without a listener (as behind NAT):
// routed messages between 200 random pairs each arrive exactly once; a message to a
// stopped node comes back as a route error; a container key published on one node
// resolves everywhere and can be messaged; forged provider records are rejected.
#include "LockedSpy.h"
#include "LogCapture.h"
#include "LoopbackConfig.h"
#include "node/BootstrapList.h"
#include "node/NodeRunner.h"
#include "overlay/Messages.h"
#include "overlay/ProviderRecord.h"

#include <QCborArray>
#include <QMutex>
#include <QScopeGuard>
#include <QSemaphore>
#include <QTemporaryDir>

#include <QtTest>

#include <map>
#include <memory>
#include <random>

using namespace orion;
using identity::Key160;
using routing::RoutedMessage;

namespace {

constexpr int kNodes = 30;
constexpr int kNoListen = 10; // nodes 20..29
constexpr int kPairs = 200;
constexpr qint64 kRouteTimeoutMs = 4000;

node::NodeConfig testConfig(bool listen) {
    node::NodeConfig c = test::LoopbackConfig::make(listen);
    c.routeTimeoutMs = kRouteTimeoutMs;
    c.connectionPolicyIntervalMs = 500;
    c.connectionIdleMs = 2000;
    return c;
}

// The test's container: accepts every message addressed to its key.
class TestContainer : public routing::ContainerEndpoint {
public:
    explicit TestContainer(Key160 key)
        : m_key(key) {}
    bool hasContainer(const Key160 &key) const override { return key == m_key; }
    routing::Delivery deliver(const RoutedMessage &message) override {
        if (message.kind == RoutedMessage::Kind::Data) {
            received.fetchAndAddOrdered(1);
        }
        return routing::Delivery::Accepted;
    }
    QAtomicInt received;

private:
    Key160 m_key;
};

} // namespace

class TestRoutingNetwork : public QObject {
    Q_OBJECT

    std::unique_ptr<test::LogCapture> m_log;
    QTemporaryDir m_dir;
    identity::NetworkKey m_networkKey = identity::NetworkKey::generate();
    std::vector<identity::NodeIdentity> m_identities;
    std::vector<std::unique_ptr<node::NodeRunner>> m_threads;

    QMutex m_mutex;
    std::map<QByteArray, int> m_arrivals;  // message ID -> deliveries to the sink
    std::map<QByteArray, int> m_arrivedAt; // message ID -> node index it arrived at
    std::map<QByteArray, int> m_receipts;  // message ID -> hops
    std::map<QByteArray, std::pair<int, QString>> m_errors; // message ID -> code, text

    node::Profile profileOf(int i) const {
        return node::Profile(m_dir.filePath(QStringLiteral("node-%1").arg(i)));
    }
    node::Node *nodeAt(int i) const { return m_threads[size_t(i)]->node(); }
    Key160 idOf(int i) const { return m_identities[size_t(i)].nodeId(); }

    void startNode(int i) {
        const bool listen = i < kNodes - kNoListen;
        auto n = std::make_unique<node::Node>(profileOf(i), m_identities[size_t(i)].clone(),
                                              m_networkKey.clone(), testConfig(listen));
        m_threads[size_t(i)] = std::make_unique<node::NodeRunner>(std::move(n));
        auto started = m_threads[size_t(i)]->start();
        QVERIFY2(started.ok(), started ? "" : qPrintable(started.error()));
        node::Node *node = nodeAt(i);
        m_threads[size_t(i)]->call([this, node, i] {
            node->registerService(QStringLiteral("sink"), [this, i](const RoutedMessage &m) {
                QMutexLocker lock(&m_mutex);
                ++m_arrivals[m.messageId];
                m_arrivedAt[m.messageId] = i;
                return routing::Delivery::Accepted;
            });
        });
        connect(
            node, &node::Node::messageDelivered, node,
            [this](const QByteArray &id, int hops) {
                QMutexLocker lock(&m_mutex);
                m_receipts[id] = hops;
            },
            Qt::DirectConnection);
        connect(
            node, &node::Node::messageError, node,
            [this](const QByteArray &id, int code, const QString &text) {
                QMutexLocker lock(&m_mutex);
                m_errors[id] = {code, text};
            },
            Qt::DirectConnection);
    }

    node::NodeStatus statusOf(int i) {
        node::NodeStatus s;
        auto *n = nodeAt(i);
        m_threads[size_t(i)]->call([&] { s = n->status(); });
        return s;
    }

    QByteArray send(int from, const Key160 &target, const QString &service,
                    node::SendOptions options = {}) {
        QByteArray id;
        auto *n = nodeAt(from);
        m_threads[size_t(from)]->call([&] {
            id = n->sendMessage(target, service, QCborValue(QStringLiteral("hello")), options);
        });
        return id;
    }

    bool answered(const QByteArray &id) {
        QMutexLocker lock(&m_mutex);
        return m_receipts.count(id) || m_errors.count(id);
    }

private Q_SLOTS:
    void initTestCase() {
        m_log = std::make_unique<test::LogCapture>();
        QVERIFY(m_dir.isValid());
        m_threads.resize(kNodes);
        for (int i = 0; i < kNodes; ++i) {
            m_identities.push_back(identity::NodeIdentity::generate());
            QVERIFY(profileOf(i).create().ok());
        }
        startNode(0);
        identity::MemberRecord seed;
        m_threads[0]->call([&] { seed = nodeAt(0)->memberRecord(); });
        for (int i = 1; i < kNodes; ++i) {
            QVERIFY(node::BootstrapList::add(profileOf(i), seed, m_networkKey.networkId()).ok());
            startNode(i);
        }
        for (int i = 1; i < kNodes; ++i) {
            QTRY_VERIFY_WITH_TIMEOUT(statusOf(i).bootstrapped, 20000);
        }
        // Every table holds the listening nodes (k = 20 covers them all), and the nodes
        // without a listener have dialled their k closest neighbours: all listening nodes.
        constexpr int kListening = kNodes - kNoListen;
        for (int i = 0; i < kNodes; ++i) {
            QTRY_VERIFY_WITH_TIMEOUT(statusOf(i).contacts >= kListening - (i < kListening ? 1 : 0),
                                     30000);
        }
        for (int i = kListening; i < kNodes; ++i) {
            QTRY_VERIFY_WITH_TIMEOUT(statusOf(i).activePeers >= kListening, 30000);
        }
    }

    void messagesBetweenRandomPairsArriveExactlyOnce() {
        std::mt19937 rng(20240601);
        std::uniform_int_distribution<int> pick(0, kNodes - 1);
        std::vector<std::pair<int, int>> pairs;
        // Some pairs where neither end listens, then random ones.
        for (int i = 0; i < 10; ++i) {
            pairs.emplace_back(kNodes - kNoListen + i, kNodes - kNoListen + (i + 3) % kNoListen);
        }
        while (int(pairs.size()) < kPairs) {
            const int a = pick(rng), b = pick(rng);
            if (a != b) {
                pairs.emplace_back(a, b);
            }
        }
        std::map<QByteArray, int> expected;
        for (const auto &[from, to] : pairs) {
            node::SendOptions options;
            options.target = node::SendOptions::Target::Node;
            expected[send(from, idOf(to), QStringLiteral("sink"), options)] = to;
        }
        auto allAnswered = [&] {
            for (const auto &[id, to] : expected) {
                if (!answered(id)) {
                    return false;
                }
            }
            return true;
        };
        QTRY_VERIFY_WITH_TIMEOUT(allAnswered(), 30000);
        QTest::qWait(300); // a duplicate would show up by now
        QMutexLocker lock(&m_mutex);
        std::map<int, int> hopHistogram;
        int noListenBoth = 0;
        for (const auto &[id, to] : expected) {
            QVERIFY2(!m_errors.count(id),
                     qPrintable(QStringLiteral("to node %1: %2").arg(to).arg(m_errors[id].second)));
            QCOMPARE(m_arrivals[id], 1);
            QCOMPARE(m_arrivedAt[id], to);
            QVERIFY(m_receipts.count(id));
            ++hopHistogram[m_receipts[id]];
        }
        for (const auto &[from, to] : pairs) {
            noListenBoth += from >= kNodes - kNoListen && to >= kNodes - kNoListen ? 1 : 0;
        }
        QStringList summary;
        double total = 0;
        for (const auto &[hops, count] : hopHistogram) {
            summary << QStringLiteral("%1 hops: %2").arg(hops).arg(count);
            total += double(hops) * count;
        }
        fprintf(stderr, "%s\n",
                qPrintable(QStringLiteral("%1 messages delivered once each (%2 between two "
                                          "nodes without a listener); mean hops %3; %4")
                               .arg(expected.size())
                               .arg(noListenBoth)
                               .arg(total / double(expected.size()), 0, 'f', 2)
                               .arg(summary.join(QStringLiteral(", ")))));
    }

    void unknownServiceGetsNoEndpointError() {
        node::SendOptions options;
        options.target = node::SendOptions::Target::Node;
        const QByteArray id = send(1, idOf(2), QStringLiteral("nobody-here"), options);
        QTRY_VERIFY_WITH_TIMEOUT(answered(id), 10000);
        QMutexLocker lock(&m_mutex);
        QVERIFY(m_errors.count(id));
        QCOMPARE(m_errors[id].first, int(RoutedMessage::ErrorCode::NoEndpoint));
    }

    void echoIsAnsweredByTheNode() {
        QByteArray replyTo;
        QCborValue replyBody;
        auto *n = nodeAt(kNodes - 1);
        auto c = connect(
            n, &node::Node::messageReply, n,
            [&](const QByteArray &id, const RoutedMessage &reply) {
                QMutexLocker lock(&m_mutex);
                replyTo = id;
                replyBody = reply.body;
            },
            Qt::DirectConnection);
        node::SendOptions options;
        options.target = node::SendOptions::Target::Node;
        const QByteArray id = send(kNodes - 1, idOf(kNodes - 2), QStringLiteral("echo"), options);
        QTRY_VERIFY_WITH_TIMEOUT(([&] {
                                     QMutexLocker lock(&m_mutex);
                                     return replyTo == id;
                                 }()),
                                 10000);
        disconnect(c);
        QCOMPARE(replyBody.toString(), QStringLiteral("hello"));
    }

    // The destination is held up (its thread blocked) past the sender's timeout: the origin
    // reports a timeout, and the receipt that comes later does not count as a delivery.
    void unansweredMessageTimesOutAtTheOrigin() {
        const int from = 2, to = 5;
        QSemaphore hold;
        util::handover::post(nodeAt(to), [&hold] { hold.acquire(); });
        bool held = true;
        // Whatever fails below, the node's thread goes on.
        const auto unhold = qScopeGuard([&] {
            if (held) {
                hold.release();
            }
        });
        node::SendOptions options;
        options.target = node::SendOptions::Target::Node;
        options.timeoutMs = 400;
        const QByteArray id = send(from, idOf(to), QStringLiteral("sink"), options);
        QTRY_VERIFY_WITH_TIMEOUT(answered(id), 10000);
        {
            QMutexLocker lock(&m_mutex);
            QVERIFY(m_errors.count(id));
            QCOMPARE(m_errors[id].first, int(RoutedMessage::ErrorCode::Timeout));
            QVERIFY(!m_arrivals.count(id));
        }
        const quint64 deliveredBefore = statusOf(from).routing.delivered;
        held = false;
        hold.release();
        // The message arrives after all, and its receipt reaches the origin...
        QTRY_VERIFY_WITH_TIMEOUT(
            [&] {
                QMutexLocker lock(&m_mutex);
                return m_arrivals.count(id) > 0;
            }(),
            10000);
        QTRY_VERIFY_WITH_TIMEOUT(statusOf(from).routing.delivered > deliveredBefore, 10000);
        // ...where it is no longer awaited.
        QMutexLocker lock(&m_mutex);
        QVERIFY(!m_receipts.count(id));
        QCOMPARE(m_arrivals[id], 1);
    }

    void messageToStoppedNodeReturnsRouteError() {
        const int stopped = 11;
        m_threads[stopped]->stop();
        QElapsedTimer clock;
        clock.start();
        node::SendOptions options;
        options.target = node::SendOptions::Target::Node;
        const QByteArray id = send(kNodes - 2, idOf(stopped), QStringLiteral("sink"), options);
        // The origin's own deadline makes an answer certain within the route timeout.
        QTRY_VERIFY_WITH_TIMEOUT(answered(id), int(kRouteTimeoutMs) + 2000);
        QMutexLocker lock(&m_mutex);
        QVERIFY(!m_receipts.count(id));
        QVERIFY(m_errors.count(id));
        fprintf(
            stderr, "route error for the stopped node after %lld ms: %s (%s)\n",
            qint64(clock.elapsed()),
            qPrintable(RoutedMessage::errorCodeName(RoutedMessage::ErrorCode(m_errors[id].first))),
            qPrintable(m_errors[id].second));
    }

    void publishedContainerResolvesEverywhere() {
        const int host = 3;
        const auto containerKey = crypto::Ed25519::generate();
        const Key160 key = routing::NodeInfo::idForPublicKey(containerKey.publicKey());
        TestContainer container(key);
        auto *hostNode = nodeAt(host);
        test::LockedSpy published(hostNode, &node::Node::containerPublished);
        m_threads[host]->call([&] {
            hostNode->setContainerEndpoint(&container);
            hostNode->publishContainer(containerKey);
        });
        QTRY_VERIFY_WITH_TIMEOUT(published.count() > 0, 15000);
        QVERIFY(std::get<1>(published.calls().front()) > 0);

        QMutex mutex;
        std::map<int, Key160> resolved;
        std::vector<QMetaObject::Connection> connections;
        int asked = 0;
        for (int i = 0; i < kNodes; ++i) {
            if (i == host || !m_threads[size_t(i)]->isRunning()) {
                continue;
            }
            auto *n = nodeAt(i);
            connections.push_back(connect(
                n, &node::Node::containerResolved, n,
                [&, i](const Key160 &k, bool found, const Key160 &hostId) {
                    QMutexLocker lock(&mutex);
                    resolved[i] = found && k == key ? hostId : Key160();
                },
                Qt::DirectConnection));
            util::handover::post(n, [n, key] { n->resolveContainer(key); });
            ++asked;
        }
        QTRY_VERIFY_WITH_TIMEOUT(([&] {
                                     QMutexLocker lock(&mutex);
                                     return int(resolved.size()) == asked;
                                 }()),
                                 20000);
        for (const auto &c : connections) {
            disconnect(c);
        }
        for (const auto &[i, hostId] : resolved) {
            QVERIFY2(hostId == idOf(host), qPrintable(QStringLiteral("node %1").arg(i)));
        }

        // A message to the container key reaches the container on its host.
        const QByteArray id = send(kNodes - 1, key, {});
        QTRY_VERIFY_WITH_TIMEOUT(answered(id), 10000);
        QCOMPARE(container.received.loadAcquire(), 1);
        {
            QMutexLocker lock(&m_mutex);
            QVERIFY(m_receipts.count(id));
        }
        m_threads[host]->call([&] { hostNode->setContainerEndpoint(nullptr); });
    }

    void forgedProviderRecordsAreRejected() {
        const int sender = 5, receiver = 6;
        routing::NodeInfo to;
        m_threads[receiver]->call([&] { to = nodeAt(receiver)->selfInfo(); });
        const auto host = m_identities[size_t(sender)].keyPair().clone();
        const qint64 now = QDateTime::currentSecsSinceEpoch();
        auto addProvider = [](const overlay::ProviderRecord &r) {
            QCborMap map;
            map.insert(qint64(0), int(overlay::MessageType::AddProvider));
            map.insert(qint64(1), 77);
            map.insert(qint64(2), r.toCbor());
            return map;
        };
        auto sendRecord = [&](const overlay::ProviderRecord &r) {
            auto *n = nodeAt(sender);
            m_threads[sender]->call([&] { n->sendOverlayMessage(to, addProvider(r)); });
        };
        auto storedAtReceiver = [&](const Key160 &key) {
            std::optional<overlay::ProviderRecord> r;
            m_threads[receiver]->call([&] { r = nodeAt(receiver)->storedProvider(key); });
            return r;
        };

        const auto c1 = crypto::Ed25519::generate();
        auto badSignature = overlay::ProviderRecord::create(c1, host, 1, now + 600);
        badSignature.containerSignature[0] = char(badSignature.containerSignature[0] ^ 1);
        sendRecord(badSignature);
        QTRY_VERIFY(m_log->contains(QStringLiteral("rejected: bad container signature")));

        auto notHash = overlay::ProviderRecord::create(c1, host, 1, now + 600);
        const auto mallory = crypto::Ed25519::generate();
        notHash.containerPublicKey = mallory.publicKey();
        notHash.containerSignature = mallory.sign(notHash.signedBytes());
        sendRecord(notHash);
        QTRY_VERIFY(m_log->contains(QStringLiteral("not the hash of the container public key")));

        sendRecord(overlay::ProviderRecord::create(c1, host, 1, now - 5));
        QTRY_VERIFY(m_log->contains(QStringLiteral("rejected: expired")));
        QVERIFY(!storedAtReceiver(badSignature.containerKey));

        const auto c2 = crypto::Ed25519::generate();
        const auto current = overlay::ProviderRecord::create(c2, host, 100, now + 600);
        sendRecord(current);
        QTRY_VERIFY(storedAtReceiver(current.containerKey).has_value());
        sendRecord(overlay::ProviderRecord::create(c2, host, 99, now + 900));
        QTRY_VERIFY(m_log->contains(QStringLiteral("rejected: lower sequence number")));
        QCOMPARE(storedAtReceiver(current.containerKey)->sequence, quint64(100));
    }

    void cleanupTestCase() {
        for (auto &t : m_threads) {
            if (t) {
                t->stop();
            }
        }
        m_threads.clear();
        m_log.reset();
    }
};

QTEST_GUILESS_MAIN(TestRoutingNetwork)
#include "tst_routing_network.moc"
