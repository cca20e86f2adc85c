// SPDX-License-Identifier: GPL-3.0-or-later
// End-to-end trust against a hostile member (test::HostilePeer: it completes the handshake
// and activation with the network key and then writes its own overlay messages): a sender
// is the key that sealed the message, whatever the fields say; a relay reads no body or
// service and cannot forge an answer; a message naming another node as its origin gets no
// answer; an altered sealed part is dropped; a replay is delivered once. Each attack has a
// positive control showing that it reached the node.
#include "HostilePeer.h"
#include "LockedSpy.h"
#include "LogCapture.h"
#include "LoopbackConfig.h"
#include "SealedRouting.h"
#include "node/BootstrapList.h"
#include "node/NodeRunner.h"
#include "overlay/MessageCodec.h"
#include "routing/RoutedMessage.h"

#include <QMutex>
#include <QTemporaryDir>
#include <QtTest>

using namespace orion;
using routing::RoutedMessage;
using test::HostilePeer;
using test::SealedRouting;

namespace {

// What a registered service was handed, for the test thread.
struct Inbox {
    QMutex mutex;
    std::vector<RoutedMessage> messages;

    void add(const RoutedMessage &m) {
        const QMutexLocker lock(&mutex);
        messages.push_back(m);
    }
    int count() {
        const QMutexLocker lock(&mutex);
        return int(messages.size());
    }
    RoutedMessage at(int i) {
        const QMutexLocker lock(&mutex);
        return messages.at(std::size_t(i));
    }
};

} // namespace

class TestEndToEnd : public QObject {
    Q_OBJECT

    std::unique_ptr<test::LogCapture> m_log;
    QTemporaryDir m_dir;
    identity::NetworkKey m_networkKey = identity::NetworkKey::generate();
    int m_nodes = 0;

    struct RunningNode {
        identity::NodeIdentity identity = identity::NodeIdentity::generate();
        std::unique_ptr<node::NodeRunner> runner;
        HostilePeer::Target target;
        std::shared_ptr<Inbox> inbox = std::make_shared<Inbox>();

        node::NodeStatus status() {
            return runner->call([this] { return runner->node()->status(); });
        }
        identity::Key160 id() const { return identity.nodeId(); }
    };

    // A node with a service "inbox" that keeps what it is handed. `seed`: a listening
    // member the node dials at start (it then has that one peer).
    std::unique_ptr<RunningNode> startNode(node::NodeConfig config, HostilePeer *seed = nullptr) {
        auto n = std::make_unique<RunningNode>();
        const node::Profile profile(m_dir.filePath(QStringLiteral("node-%1").arg(++m_nodes)));
        if (seed &&
            !node::BootstrapList::add(profile, seed->record(), m_networkKey.networkId()).ok()) {
            return nullptr;
        }
        const bool listens = config.listen;
        n->runner = std::make_unique<node::NodeRunner>(std::make_unique<node::Node>(
            profile, n->identity.clone(), m_networkKey.clone(), std::move(config)));
        auto started = n->runner->start();
        if (!started.ok()) {
            return nullptr;
        }
        if (listens) {
            n->target = {routing::Endpoint::parse(*started)->port(), n->identity.publicKey()};
        }
        const bool registered = n->runner->call([node = n->runner->node(), inbox = n->inbox] {
            return node->registerService(QStringLiteral("inbox"), [inbox](const RoutedMessage &m) {
                inbox->add(m);
                return routing::Delivery::Accepted;
            });
        });
        return registered ? std::move(n) : nullptr;
    }

    // A node that does not listen and dials only `relay`: every message it sends or gets
    // goes through that peer.
    std::unique_ptr<RunningNode> leafBehind(HostilePeer &relay) {
        node::NodeConfig config = test::LoopbackConfig::make();
        config.listen = false;
        return startNode(config, &relay);
    }

    static QByteArray sendFrom(RunningNode &n, const identity::Key160 &target,
                               const QString &service, const QCborValue &body) {
        return n.runner->call([&] {
            return n.runner->node()->sendMessage(target, service, body, node::SendOptions{});
        });
    }

private Q_SLOTS:
    void initTestCase() {
        m_log = std::make_unique<test::LogCapture>();
        QVERIFY(m_dir.isValid());
    }

    // A data message that comes open, naming an allow-listed key as its source, closes the
    // connection it came on and reaches no service.
    void unsealedDataClosesTheConnection() {
        auto n = startNode(test::LoopbackConfig::make());
        QVERIFY(n);
        HostilePeer peer(m_networkKey);
        net::PeerConnection *c = peer.activate(n->target);
        QVERIFY(c);
        const auto victim = identity::NodeIdentity::generate();
        RoutedMessage forged = SealedRouting::data(peer.id(), n->id(), QStringLiteral("inbox"),
                                                   QStringLiteral("from the victim"));
        forged.source = forged.origin = victim.nodeId();
        const QString reason = peer.sendAndAwaitClose(c, forged.toCbor());
        QVERIFY2(!reason.isEmpty(), "the connection stayed open");
        QVERIFY(m_log->contains(QStringLiteral("a routed message of kind 0 must be sealed")));
        QCOMPARE(n->inbox->count(), 0);
        // Positive control: the same message, sealed by the peer, is delivered, and its
        // source is the key that sealed it, not the one the fields named.
        net::PeerConnection *again = peer.activate(n->target);
        QVERIFY(again);
        QVERIFY(again->send(
            SealedRouting::seal(peer.identity(), n->identity.publicKey(), forged).toCbor()));
        QTRY_COMPARE(n->inbox->count(), 1);
        QCOMPARE(n->inbox->at(0).source, peer.id());
        QVERIFY(n->inbox->at(0).source != victim.nodeId());
        QCOMPARE(n->inbox->at(0).body.toString(), QStringLiteral("from the victim"));
    }

    // Two real nodes talk through a hostile relay. It sees neither body nor service, and
    // the answers it makes up (a reply and a receipt sealed with its own key, an error
    // without a valid signature) are dropped and counted; the real reply arrives.
    void relayCannotReadOrForgeAnswers() {
        HostilePeer relay(m_networkKey);
        QVERIFY(relay.listen().ok());
        relay.answerFindNodeWith({}); // it answers lookups, so the nodes keep it
        auto a = leafBehind(relay);
        auto b = leafBehind(relay);
        QVERIFY(a && b);
        QTRY_COMPARE(relay.manager().connections().size(), 2);
        QTRY_COMPARE(a->status().activePeers, 1);
        QTRY_COMPARE(b->status().activePeers, 1);
        // The relay knows b: it names b, at its own (relaying) address, to lookups.
        auto bInfo = routing::NodeInfo::fromPublicKey(b->identity.publicKey(), relay.openTrap());
        QVERIFY(bInfo);
        relay.answerFindNodeWith({*bInfo});

        // Positive control first: an honest relay carries the echo and its reply.
        relay.relayFor({a->identity.publicKey(), b->identity.publicKey()});
        test::LockedSpy replies(a->runner->node(), &node::Node::messageReply);
        const QString marker = QStringLiteral("secret-marker-6d1f");
        const QByteArray first = sendFrom(*a, b->id(), QStringLiteral("echo"), marker);
        QTRY_VERIFY_WITH_TIMEOUT(replies.count() == 1, 20000);
        QCOMPARE(std::get<0>(replies.calls().front()), first);
        QCOMPARE(std::get<1>(replies.calls().front()).body.toString(), marker);
        QCOMPARE(std::get<1>(replies.calls().front()).source, b->id());
        QVERIFY(relay.relayed() >= 2);
        // What the relay decrypted from its box streams: the routing headers and sealed parts.
        QVERIFY(!relay.routedWire().isEmpty());
        QVERIFY(!relay.routedWire().contains(marker.toUtf8()));
        QVERIFY(!relay.routedWire().contains("echo"));

        // Now it forges: every answer to the next message is its own.
        int seen = 0;
        relay.relayFor({b->identity.publicKey()}, [&](RoutedMessage &) {
            ++seen;
            return false; // the real target never gets it
        });
        test::LockedSpy errors(a->runner->node(), &node::Node::messageError);
        test::LockedSpy delivered(a->runner->node(), &node::Node::messageDelivered);
        const QByteArray second = sendFrom(*a, b->id(), QStringLiteral("echo"), marker);
        std::optional<RoutedMessage> request;
        while (auto m = relay.nextRouted(10000)) {
            if (m->messageId == second) {
                request = m;
                break;
            }
        }
        QVERIFY(request);
        QCOMPARE(request->kind, RoutedMessage::Kind::Sealed);
        QVERIFY(!request->sealed.contains(marker.toUtf8()));
        QVERIFY(!SealedRouting::open(relay.identity(), *request)); // not for the relay's key

        net::PeerConnection *toA = relay.manager().connectionFor(a->identity.publicKey());
        QVERIFY(toA);
        RoutedMessage reply;
        reply.messageId = RoutedMessage::newMessageId();
        reply.kind = RoutedMessage::Kind::Reply;
        reply.origin = b->id();
        reply.source = b->id();
        reply.destination = a->id();
        reply.target = a->id();
        reply.inReplyTo = second;
        reply.body = QStringLiteral("forged reply");
        QVERIFY(toA->send(
            SealedRouting::seal(relay.identity(), a->identity.publicKey(), reply).toCbor()));
        RoutedMessage receipt = reply;
        receipt.messageId = RoutedMessage::newMessageId();
        receipt.kind = RoutedMessage::Kind::Receipt;
        receipt.body = 1;
        QVERIFY(toA->send(
            SealedRouting::seal(relay.identity(), a->identity.publicKey(), receipt).toCbor()));
        RoutedMessage error = reply;
        error.messageId = RoutedMessage::newMessageId();
        error.kind = RoutedMessage::Kind::Error;
        error.errorCode = RoutedMessage::ErrorCode::NoEndpoint;
        error.errorText = QStringLiteral("forged error");
        error.reporterKey = b->identity.publicKey(); // b's key, but not b's signature
        error.reporterSignature = QByteArray(64, '\x01');
        QVERIFY(toA->send(error.toCbor()));

        // Positive control: all three reached a and were turned away there.
        QTRY_COMPARE_WITH_TIMEOUT(a->status().sealing.forgedAnswers, quint64(2), 10000);
        QTRY_COMPARE_WITH_TIMEOUT(a->status().sealing.badReports, quint64(1), 10000);
        QCOMPARE(replies.count(), 1);
        QCOMPARE(delivered.count(), 0);
        for (const auto &call : errors.calls()) {
            QVERIFY(std::get<0>(call) != second ||
                    std::get<1>(call) == int(RoutedMessage::ErrorCode::Timeout));
        }

        // An error the relay signs with its own key is reported as its own, not b's.
        RoutedMessage own = error;
        own.messageId = RoutedMessage::newMessageId();
        own.origin = relay.id();
        own.errorCode = RoutedMessage::ErrorCode::NoRoute;
        own.errorText = QStringLiteral("relay says no");
        own.reporterKey = relay.identity().publicKey();
        own.reporterSignature = relay.identity().keyPair().sign(own.reportSignedBytes());
        QVERIFY(toA->send(own.toCbor()));
        const auto noRoute = [&]() -> std::optional<std::tuple<QByteArray, int, QString>> {
            for (const auto &call : errors.calls()) {
                if (std::get<1>(call) == int(RoutedMessage::ErrorCode::NoRoute)) {
                    return call;
                }
            }
            return std::nullopt;
        };
        QTRY_VERIFY_WITH_TIMEOUT(noRoute(), 10000);
        const auto reported = *noRoute();
        QCOMPARE(std::get<0>(reported), second);
        QVERIFY2(std::get<2>(reported).contains(relay.id().toHex()),
                 qPrintable(std::get<2>(reported)));
        QVERIFY(std::get<2>(reported).contains(QStringLiteral("not by the endpoint")));
        QVERIFY(seen >= 1);
    }

    // A member asks a node's echo service in another node's name (origin: the victim): the
    // request is delivered, and no answer goes to the victim. Positive control: the same
    // request with its own name as origin gets the echo back.
    void reflectionGetsNoAnswer() {
        auto n = startNode(test::LoopbackConfig::make());
        QVERIFY(n);
        HostilePeer victim(m_networkKey);
        QVERIFY(victim.activate(n->target));
        HostilePeer attacker(m_networkKey);
        net::PeerConnection *c = attacker.activate(n->target);
        QVERIFY(c);
        QTRY_COMPARE(n->status().activePeers, 2);

        RoutedMessage m = SealedRouting::data(attacker.id(), n->id(), QStringLiteral("echo"),
                                              QByteArray(2000, 'r'));
        m.origin = victim.id();
        m.wantReceipt = true;
        QVERIFY(
            c->send(SealedRouting::seal(attacker.identity(), n->identity.publicKey(), m).toCbor()));
        // The reply and the receipt, both withheld.
        QTRY_COMPARE(n->status().sealing.withheldAnswers, quint64(2));
        QCOMPARE(n->status().sealing.opened, quint64(1)); // it reached the echo service
        QVERIFY(!victim.nextRouted(500));

        RoutedMessage honest = SealedRouting::data(attacker.id(), n->id(), QStringLiteral("echo"),
                                                   QByteArray(2000, 'r'));
        QVERIFY(c->send(
            SealedRouting::seal(attacker.identity(), n->identity.publicKey(), honest).toCbor()));
        std::optional<RoutedMessage> echo;
        while (auto got = attacker.nextRouted(10000)) {
            if (auto opened = SealedRouting::open(attacker.identity(), *got);
                opened && opened->inReplyTo == honest.messageId) {
                echo = opened;
                break;
            }
        }
        QVERIFY(echo);
        QCOMPARE(echo->kind, RoutedMessage::Kind::Reply);
        QCOMPARE(echo->source, n->id());
        QCOMPARE(echo->body.toByteArray(), QByteArray(2000, 'r'));
        QVERIFY(!victim.nextRouted(200));
        QCOMPARE(n->status().sealing.withheldAnswers, quint64(2));
    }

    // Any byte of a sealed part altered, or the header it is bound to: the node opens
    // none of them and delivers nothing. Positive control: the original is delivered.
    void alteredSealedPartsAreDropped() {
        auto n = startNode(test::LoopbackConfig::make());
        QVERIFY(n);
        HostilePeer peer(m_networkKey);
        net::PeerConnection *c = peer.activate(n->target);
        QVERIFY(c);
        const RoutedMessage plain =
            SealedRouting::data(peer.id(), n->id(), QStringLiteral("inbox"), 42);
        const RoutedMessage sealed =
            SealedRouting::seal(peer.identity(), n->identity.publicKey(), plain);
        const qsizetype size = sealed.sealed.size();
        // Version and type, ephemeral key, nonce, sender key box, body box, last tag byte.
        const std::vector<qsizetype> offsets{0, 1, 2, 40, 70, 110, size - 1};
        for (qsizetype offset : offsets) {
            RoutedMessage altered = sealed;
            altered.messageId = RoutedMessage::newMessageId(); // past the seen-ID check
            altered.sealed[offset] = char(altered.sealed[offset] ^ 0x20);
            QVERIFY(c->send(altered.toCbor()));
        }
        RoutedMessage moved = sealed; // the untouched sealed part under another message ID
        moved.messageId = RoutedMessage::newMessageId();
        QVERIFY(c->send(moved.toCbor()));
        const quint64 expected = offsets.size() + 1;
        QTRY_COMPARE_WITH_TIMEOUT(n->status().sealing.notOpened, expected, 10000);
        QCOMPARE(n->inbox->count(), 0);
        QVERIFY(c->send(sealed.toCbor()));
        QTRY_COMPARE(n->inbox->count(), 1);
        QCOMPARE(n->inbox->at(0).body.toInteger(), 42);
    }

    // The same sealed message twice: the second is a duplicate. Once the node's seen-ID
    // cache has forgotten it, the sealed part is still known: delivered once either way.
    void replayIsDeliveredOnce() {
        node::NodeConfig config = test::LoopbackConfig::make();
        config.router.seenCacheSize = 16;
        auto n = startNode(config);
        QVERIFY(n);
        HostilePeer peer(m_networkKey);
        net::PeerConnection *c = peer.activate(n->target);
        QVERIFY(c);
        const RoutedMessage sealed = SealedRouting::seal(
            peer.identity(), n->identity.publicKey(),
            SealedRouting::data(peer.id(), n->id(), QStringLiteral("inbox"), 7));
        QVERIFY(c->send(sealed.toCbor()));
        QTRY_COMPARE(n->inbox->count(), 1);
        QVERIFY(c->send(sealed.toCbor()));
        QTRY_COMPARE(n->status().routing.duplicates, quint64(1));
        // 64 other messages push the ID out of the seen-ID cache (16 entries).
        for (int i = 0; i < 64; ++i) {
            QVERIFY(c->send(SealedRouting::seal(
                                peer.identity(), n->identity.publicKey(),
                                SealedRouting::data(peer.id(), n->id(), QStringLiteral("inbox"), i))
                                .toCbor()));
        }
        QTRY_COMPARE(n->inbox->count(), 65);
        QVERIFY(c->send(sealed.toCbor()));
        // Positive control: it passed the router this time and reached the sealing layer.
        QTRY_COMPARE(n->status().sealing.replays, quint64(1));
        QCOMPARE(n->status().routing.duplicates, quint64(1));
        QCOMPARE(n->inbox->count(), 65);
    }

    void cleanupTestCase() { m_log.reset(); }
};

QTEST_GUILESS_MAIN(TestEndToEnd)
#include "tst_endtoend.moc"
