// SPDX-License-Identifier: GPL-3.0-or-later
// The provider protocol over an in-memory network of directories with virtual time:
// publishing at the k closest, refreshing before expiry, resolving from the cache, the
// store and a lookup, forged records refused, answers from nodes that were not asked
// ignored, and the highest sequence number winning.
#include "overlay/ProviderDirectory.h"

#include <QtTest>

#include <deque>
#include <map>
#include <memory>
#include <random>
#include <set>

using namespace orion;
using identity::Key160;
using overlay::AddProviderMessage;
using overlay::ErrorMessage;
using overlay::GetProvidersMessage;
using overlay::OverlayMessage;
using overlay::ProviderDirectory;
using overlay::ProviderRecord;
using overlay::ProvidersMessage;
using routing::Endpoint;
using routing::NodeInfo;

namespace {

constexpr int kK = 4;
constexpr qint64 kEpochMs = 1'700'000'000'000;

class FakeNet;

class FakeHost : public overlay::OverlayHost {
public:
    FakeHost(FakeNet &net, int index)
        : m_net(net)
        , m_index(index) {}
    qint64 nowMs() const override;
    qint64 wallClockMs() const override { return kEpochMs + nowMs(); }
    void send(const NodeInfo &to, OverlayMessage message) override;
    void schedule(qint64 delayMs, std::function<void()> fn) override;
    quint64 randomU64() override;

    // Everything this node sent, in order.
    std::vector<std::pair<NodeInfo, OverlayMessage>> sent;

private:
    FakeNet &m_net;
    int m_index;
};

class FakeNet {
public:
    // Takes a message meant for the member instead of its directory and returns its answer
    // (nothing: silence).
    using Impostor = std::function<std::optional<OverlayMessage>(const OverlayMessage &)>;
    struct Member {
        crypto::Ed25519 key;
        NodeInfo info;
        std::unique_ptr<FakeHost> host;
        std::unique_ptr<ProviderDirectory> directory;
        Impostor impostor;
    };
    struct Delivered {
        int from;
        int to;
        OverlayMessage message;
    };

    explicit FakeNet(int nodes, ProviderDirectory::Config config = {}) {
        for (int i = 0; i < nodes; ++i) {
            Member m;
            m.key = crypto::Ed25519::generate();
            m.info = *NodeInfo::fromPublicKey(m.key.publicKey(),
                                              Endpoint(QHostAddress::LocalHost, quint16(5000 + i)));
            m.host = std::make_unique<FakeHost>(*this, i);
            members.push_back(std::move(m));
        }
        for (int i = 0; i < nodes; ++i) {
            Member &m = members[size_t(i)];
            m.directory = std::make_unique<ProviderDirectory>(
                m.key, *m.host,
                [this, i](const Key160 &key,
                          std::function<void(const std::vector<NodeInfo> &)> done) {
                    // Answers on a later turn, as a real lookup would; a member that
                    // knows nobody (yet) finds nobody.
                    later(0, [this, i, key, done] {
                        done(alone.count(i) ? std::vector<NodeInfo>() : closest(key, i));
                    });
                },
                config);
        }
    }

    // The k members closest to key, `except` left out (exhaustive search: a perfect lookup).
    std::vector<NodeInfo> closest(const Key160 &key, int except) const {
        std::vector<NodeInfo> all;
        for (int i = 0; i < int(members.size()); ++i) {
            if (i != except) {
                all.push_back(members[size_t(i)].info);
            }
        }
        std::sort(all.begin(), all.end(),
                  [&](const NodeInfo &a, const NodeInfo &b) { return key.isCloser(a.id, b.id); });
        all.resize(std::min<size_t>(all.size(), kK));
        return all;
    }
    std::vector<int> closestIndices(const Key160 &key, int except) const {
        std::vector<int> out;
        for (const auto &info : closest(key, except)) {
            out.push_back(indexOf(info.id));
        }
        return out;
    }
    // A member that is none of the k closest to key (and not `except`).
    int farFrom(const Key160 &key, int except) const {
        const auto near = closestIndices(key, except);
        for (int i = 0; i < int(members.size()); ++i) {
            if (i != except && std::find(near.begin(), near.end(), i) == near.end()) {
                return i;
            }
        }
        return -1;
    }
    int indexOf(const Key160 &id) const {
        for (size_t i = 0; i < members.size(); ++i) {
            if (members[i].info.id == id) {
                return int(i);
            }
        }
        return -1;
    }
    ProviderDirectory &dir(int i) { return *members[size_t(i)].directory; }
    qint64 wallSecs() const { return (kEpochMs + now) / 1000; }

    void later(qint64 delayMs, std::function<void()> fn) {
        timers.emplace(std::make_pair(now + std::max<qint64>(0, delayMs), ++seq), std::move(fn));
    }
    // As if `from` had sent it (the directories see the sender the transport reports).
    void inject(int from, int to, OverlayMessage message) {
        queue.push_back({from, to, std::move(message)});
    }
    // Delivers messages and runs timers due now until nothing is left to do.
    void run() { runUntil(now); }
    void advance(qint64 ms) { runUntil(now + ms); }

    void runUntil(qint64 end) {
        for (;;) {
            while (!queue.empty()) {
                Delivered d = std::move(queue.front());
                queue.pop_front();
                deliver(d);
            }
            if (timers.empty() || timers.begin()->first.first > end) {
                break;
            }
            auto fn = std::move(timers.begin()->second);
            now = std::max(now, timers.begin()->first.first);
            timers.erase(timers.begin());
            fn();
        }
        now = std::max(now, end);
    }

    // Messages `to` received of type T, oldest first.
    template <typename T>
    std::vector<T> receivedBy(int to) const {
        std::vector<T> out;
        for (const auto &d : delivered) {
            if (const auto *m = std::get_if<T>(&d.message); m && d.to == to) {
                out.push_back(*m);
            }
        }
        return out;
    }
    // Messages `from` sent of type T, with their receivers.
    template <typename T>
    std::vector<std::pair<int, T>> sentBy(int from) const {
        std::vector<std::pair<int, T>> out;
        for (const auto &[to, message] : members[size_t(from)].host->sent) {
            if (const auto *m = std::get_if<T>(&message)) {
                out.emplace_back(indexOf(to.id), *m);
            }
        }
        return out;
    }

    std::vector<Member> members;
    // Members whose lookups find no node, as a node that has no contacts yet.
    std::set<int> alone;
    std::deque<Delivered> queue;
    std::vector<Delivered> delivered;
    std::map<std::pair<qint64, quint64>, std::function<void()>> timers;
    std::mt19937_64 rng{7};
    qint64 now = 0;
    quint64 seq = 0;

private:
    void deliver(const Delivered &d) {
        delivered.push_back(d);
        Member &to = members[size_t(d.to)];
        if (to.impostor) {
            if (auto answer = to.impostor(d.message)) {
                inject(d.to, d.from, std::move(*answer));
            }
            return;
        }
        QVERIFY(to.directory->handleMessage(members[size_t(d.from)].info, d.message));
    }
};

qint64 FakeHost::nowMs() const {
    return m_net.now;
}

void FakeHost::send(const NodeInfo &to, OverlayMessage message) {
    sent.emplace_back(to, message);
    m_net.queue.push_back({m_index, m_net.indexOf(to.id), std::move(message)});
}

void FakeHost::schedule(qint64 delayMs, std::function<void()> fn) {
    m_net.later(delayMs, std::move(fn));
}

quint64 FakeHost::randomU64() {
    return m_net.rng();
}

Key160 keyOf(const crypto::Ed25519 &container) {
    return NodeInfo::idForPublicKey(container.publicKey());
}

// Resolves and runs the network until the answer is in (or `ms` of virtual time passed).
std::optional<std::optional<ProviderRecord>> resolveOn(FakeNet &net, int from, const Key160 &key,
                                                       qint64 ms = 0) {
    std::optional<std::optional<ProviderRecord>> result;
    net.dir(from).resolve(key, [&](std::optional<ProviderRecord> r) { result = std::move(r); });
    net.advance(ms);
    return result;
}

} // namespace

class TestProviderDirectory : public QObject {
    Q_OBJECT

    const ProviderDirectory::Config m_config = [] {
        ProviderDirectory::Config c;
        c.ttlSecs = 600;
        c.cacheMs = 60'000;
        c.requestTimeoutMs = 3000;
        return c;
    }();

private Q_SLOTS:
    void publishStoresAtTheKClosest() {
        FakeNet net(16, m_config);
        const auto container = crypto::Ed25519::generate();
        const Key160 key = keyOf(container);
        std::optional<int> stored;
        net.dir(0).setPublishedCallback([&](const Key160 &k, int n) {
            QCOMPARE(k, key);
            stored = n;
        });
        net.dir(0).publish(container);
        net.run();
        QCOMPARE(stored, std::optional<int>(kK));
        QVERIFY(net.dir(0).isPublished(key));
        const auto near = net.closestIndices(key, 0);
        for (int i = 1; i < int(net.members.size()); ++i) {
            const bool isNear = std::find(near.begin(), near.end(), i) != near.end();
            QCOMPARE(net.dir(i).stored(key).has_value(), isNear);
        }
        const auto record = net.dir(near.front()).stored(key);
        QCOMPARE(record->hostId, net.members[0].info.id);
        QVERIFY(record->verify(net.wallSecs()).ok());
        // Request IDs are random, not a counter from 1.
        const auto adds = net.sentBy<AddProviderMessage>(0);
        QCOMPARE(int(adds.size()), kK);
        QVERIFY(adds.front().second.requestId > 0xffff);

        // A node that refuses counts as an answer, not as a copy: the publish finishes
        // without waiting for its time-out.
        const auto other = crypto::Ed25519::generate();
        const auto refusing = net.closestIndices(keyOf(other), 0).front();
        net.members[size_t(refusing)].impostor = [](const OverlayMessage &m) {
            const auto &add = std::get<AddProviderMessage>(m);
            ErrorMessage e;
            e.code = overlay::ErrorCode::Rejected;
            e.refType = int(overlay::MessageType::AddProvider);
            e.requestId = add.requestId;
            e.message = QStringLiteral("provider store full");
            return std::optional<OverlayMessage>(e);
        };
        stored.reset();
        net.dir(0).setPublishedCallback([&](const Key160 &, int n) { stored = n; });
        net.dir(0).publish(other);
        net.run();
        QCOMPARE(stored, std::optional<int>(kK - 1));
    }

    void aPublishThatReachedNoNodeIsRetried() {
        // A node restarted before any peer was up: its publish finds nobody.
        FakeNet net(10, m_config);
        net.alone.insert(0);
        const auto container = crypto::Ed25519::generate();
        const Key160 key = keyOf(container);
        std::vector<int> published;
        net.dir(0).setPublishedCallback([&](const Key160 &, int n) { published.push_back(n); });
        net.dir(0).publish(container);
        net.run();
        QCOMPARE(published, std::vector<int>{0});
        QCOMPARE(net.dir(0).storedCount(key), 0);

        // Nobody yet: it is tried again after retryMs, then after twice that, without any
        // node to reach.
        net.advance(m_config.retryMs);
        QCOMPARE(published, (std::vector<int>{0, 0}));
        net.advance(2 * m_config.retryMs - 1);
        QCOMPARE(published.size(), size_t(2));
        net.advance(1);
        QCOMPARE(published, (std::vector<int>{0, 0, 0}));

        // The node has contacts now: the next retry (after 4 x retryMs) stores it at the k
        // closest, long before the refresh would, and then the retries end.
        net.alone.clear();
        net.advance(4 * m_config.retryMs);
        QCOMPARE(published.back(), kK);
        QCOMPARE(net.dir(0).storedCount(key), kK);
        for (int i : net.closestIndices(key, 0)) {
            QVERIFY(net.dir(i).stored(key));
        }
        // (Less than the refresh, at a third of the lifetime left, which publishes anew.)
        const size_t adds = net.sentBy<AddProviderMessage>(0).size();
        net.advance(m_config.retryMaxMs);
        QCOMPARE(net.sentBy<AddProviderMessage>(0).size(), adds);
    }

    void retryUnstoredPublishesAtOnceWhenAPeerCame() {
        FakeNet net(10, m_config);
        net.alone.insert(0);
        const auto container = crypto::Ed25519::generate();
        const Key160 key = keyOf(container);
        const auto stored = crypto::Ed25519::generate();
        net.dir(0).publish(container);
        net.run();
        QCOMPARE(net.dir(0).storedCount(key), 0);

        // A record that did reach nodes is left alone by retryUnstored.
        net.alone.clear();
        net.dir(0).publish(stored);
        net.run();
        QCOMPARE(net.dir(0).storedCount(keyOf(stored)), kK);
        const size_t before = net.sentBy<AddProviderMessage>(0).size();

        net.dir(0).retryUnstored();
        net.run(); // no time passes
        QCOMPARE(net.dir(0).storedCount(key), kK);
        QCOMPARE(net.sentBy<AddProviderMessage>(0).size(), before + size_t(kK));
        // The retry that was waiting does not publish it once more.
        net.advance(m_config.retryMaxMs);
        QCOMPARE(net.sentBy<AddProviderMessage>(0).size(), before + size_t(kK));
    }

    void refreshesBeforeExpiry() {
        FakeNet net(10, m_config);
        const auto container = crypto::Ed25519::generate();
        const Key160 key = keyOf(container);
        net.dir(0).publish(container);
        net.run();
        const int holder = net.closestIndices(key, 0).front();
        const ProviderRecord first = *net.dir(holder).stored(key);
        QCOMPARE(first.expiresAt, net.wallSecs() + m_config.ttlSecs);

        // Until well past the first expiry, the holders always have an unexpired record:
        // each one is replaced by a newer one before it runs out.
        for (int second = 0; second < m_config.ttlSecs * 3 / 2; second += 10) {
            net.advance(10'000);
            const auto now = net.dir(holder).stored(key);
            QVERIFY2(now, qPrintable(QStringLiteral("no record after %1 s").arg(second + 10)));
        }
        QVERIFY(net.wallSecs() > first.expiresAt);
        const auto renewed = net.dir(holder).stored(key);
        QVERIFY(renewed->sequence > first.sequence);
        QVERIFY(renewed->expiresAt > net.wallSecs());
        QCOMPARE(renewed->hostId, first.hostId);

        // Withdrawn: no more refreshes, and the stored copies expire.
        net.dir(0).withdraw(key);
        QVERIFY(!net.dir(0).isPublished(key));
        const size_t sentBefore = net.sentBy<AddProviderMessage>(0).size();
        net.advance(m_config.ttlSecs * 1000 + 1000);
        QCOMPARE(net.sentBy<AddProviderMessage>(0).size(), sentBefore);
        QVERIFY(!net.dir(holder).stored(key));
        QCOMPARE(net.dir(holder).store().size(), 0);
    }

    void resolvesFromCacheStoreAndLookup() {
        FakeNet net(16, m_config);
        const auto container = crypto::Ed25519::generate();
        const Key160 key = keyOf(container);
        net.dir(0).publish(container);
        net.run();

        // By lookup: the k closest are asked; the host's ID comes back.
        const int asker = net.farFrom(key, 0);
        const auto byLookup = resolveOn(net, asker, key);
        QVERIFY(byLookup && *byLookup);
        QCOMPARE((*byLookup)->hostId, net.members[0].info.id);
        const auto asked = net.sentBy<GetProvidersMessage>(asker);
        QCOMPARE(int(asked.size()), kK);
        for (const auto &[to, get] : asked) {
            QCOMPARE(get.key, key);
            QVERIFY(get.requestId > 0xffff);
            const auto near = net.closestIndices(key, asker);
            QVERIFY(std::find(near.begin(), near.end(), to) != near.end());
        }

        // From the cache: at once, nobody asked.
        std::optional<ProviderRecord> fromCache;
        net.dir(asker).resolve(key, [&](std::optional<ProviderRecord> r) { fromCache = r; });
        QVERIFY(fromCache);
        QCOMPARE(net.sentBy<GetProvidersMessage>(asker).size(), asked.size());
        // Once the cache entry is old, the next resolve asks again.
        net.advance(m_config.cacheMs + 1);
        QVERIFY(!net.dir(asker).cached(key));
        QVERIFY(resolveOn(net, asker, key).value());
        QCOMPARE(int(net.sentBy<GetProvidersMessage>(asker).size()), 2 * kK);

        // From the store of a node close to the key, and from the host's own record: at once.
        const int holder = net.closestIndices(key, 0).front();
        std::optional<ProviderRecord> fromStore;
        net.dir(holder).resolve(key, [&](std::optional<ProviderRecord> r) { fromStore = r; });
        QVERIFY(fromStore);
        QVERIFY(net.sentBy<GetProvidersMessage>(holder).empty());
        QVERIFY(net.dir(0).cached(key));

        // A key nobody published: every node asked says so, which ends the resolve at once
        // (no time-out needed) with no record.
        const Key160 unknown = keyOf(crypto::Ed25519::generate());
        const auto none = resolveOn(net, asker, unknown);
        QVERIFY(none);
        QVERIFY(!*none);
        // Nobody answers at all: no record after the time-out, not before.
        const Key160 silent = keyOf(crypto::Ed25519::generate());
        for (int i : net.closestIndices(silent, asker)) {
            net.members[size_t(i)].impostor = [](const OverlayMessage &) {
                return std::optional<OverlayMessage>();
            };
        }
        std::optional<std::optional<ProviderRecord>> late;
        net.dir(asker).resolve(silent, [&](std::optional<ProviderRecord> r) { late = r; });
        net.advance(m_config.requestTimeoutMs - 1);
        QVERIFY(!late);
        net.advance(1);
        QVERIFY(late);
        QVERIFY(!*late);
    }

    void forgedRecordsAreRejected() {
        FakeNet net(6, m_config);
        const int mallory = 1, victim = 2;
        const auto &host = net.members[size_t(mallory)].key;
        const qint64 now = net.wallSecs();
        quint64 requestId = 1000;
        auto offer = [&](const ProviderRecord &r) {
            net.inject(mallory, victim, AddProviderMessage{++requestId, r, {}});
            net.run();
        };
        auto lastAnswer = [&]() -> std::optional<ErrorMessage> {
            const auto errors = net.receivedBy<ErrorMessage>(mallory);
            if (errors.empty() || errors.back().requestId != requestId) {
                return std::nullopt;
            }
            return errors.back();
        };
        auto expectRejected = [&](const ProviderRecord &r, const QString &reason) {
            offer(r);
            const auto error = lastAnswer();
            QVERIFY2(error, qPrintable(reason));
            QCOMPARE(error->code, overlay::ErrorCode::Rejected);
            QCOMPARE(error->refType, int(overlay::MessageType::AddProvider));
            QVERIFY2(error->message.contains(reason), qPrintable(error->message));
        };

        const auto c1 = crypto::Ed25519::generate();
        auto badSignature = ProviderRecord::create(c1, host, 1, now + 600);
        badSignature.containerSignature[0] = char(badSignature.containerSignature[0] ^ 1);
        expectRejected(badSignature, QStringLiteral("bad container signature"));

        auto notHash = ProviderRecord::create(c1, host, 1, now + 600);
        const auto other = crypto::Ed25519::generate();
        notHash.containerPublicKey = other.publicKey();
        notHash.containerSignature = other.sign(notHash.signedBytes());
        expectRejected(notHash, QStringLiteral("not the hash of the container public key"));

        expectRejected(ProviderRecord::create(c1, host, 1, now - 5), QStringLiteral("expired"));
        QVERIFY(!net.dir(victim).stored(keyOf(c1)));

        net.inject(mallory, victim,
                   AddProviderMessage{++requestId, std::nullopt, QStringLiteral("unreadable")});
        net.run();
        QVERIFY(lastAnswer());
        QVERIFY(lastAnswer()->message.contains(QStringLiteral("unreadable")));

        // Positive control: a good record is stored and confirmed with a providers reply.
        const auto c2 = crypto::Ed25519::generate();
        const auto current = ProviderRecord::create(c2, host, 100, now + 600);
        offer(current);
        QVERIFY(!lastAnswer());
        const auto confirmed = net.receivedBy<ProvidersMessage>(mallory);
        QCOMPARE(confirmed.back().requestId, requestId);
        QCOMPARE(int(confirmed.back().records.size()), 1);
        QCOMPARE(confirmed.back().records.front(), current);
        QCOMPARE(net.dir(victim).stored(current.containerKey), std::optional(current));

        expectRejected(ProviderRecord::create(c2, host, 99, now + 900),
                       QStringLiteral("lower sequence number"));
        QCOMPARE(net.dir(victim).stored(current.containerKey)->sequence, quint64(100));

        // A forged record in a providers reply is not believed either.
        const auto c3 = crypto::Ed25519::generate();
        auto forged = ProviderRecord::create(c3, host, 5, now + 600);
        forged.hostSignature[1] = char(forged.hostSignature[1] ^ 1);
        const int asker = 3;
        for (int i : net.closestIndices(forged.containerKey, asker)) {
            net.members[size_t(i)].impostor = [forged](const OverlayMessage &m) {
                const auto &get = std::get<GetProvidersMessage>(m);
                return std::optional<OverlayMessage>(ProvidersMessage{get.requestId, {forged}});
            };
        }
        const auto result = resolveOn(net, asker, forged.containerKey);
        QVERIFY(result);
        QVERIFY(!*result);
        QVERIFY(!net.dir(asker).cached(forged.containerKey));
    }

    // A node stores what peers send only for keys it is among the closest to.
    void recordsForKeysFarAwayAreRefused() {
        FakeNet net(4, m_config);
        const int sender = 1, holder = 2;
        const auto &host = net.members[size_t(sender)].key;
        const auto near = crypto::Ed25519::generate();
        const auto far = crypto::Ed25519::generate();
        net.dir(holder).setResponsibility(
            [nearKey = keyOf(near)](const identity::Key160 &key) { return key == nearKey; });
        const qint64 now = net.wallSecs();
        net.inject(sender, holder,
                   AddProviderMessage{7, ProviderRecord::create(far, host, 1, now + 600), {}});
        net.inject(sender, holder,
                   AddProviderMessage{8, ProviderRecord::create(near, host, 1, now + 600), {}});
        net.run();
        QVERIFY(!net.dir(holder).stored(keyOf(far)));
        const auto errors = net.receivedBy<ErrorMessage>(sender);
        QVERIFY(!errors.empty());
        QCOMPARE(errors.back().requestId, quint64(7));
        QVERIFY(errors.back().message.contains(QStringLiteral("not among the closest")));
        // Counted where status reads it, though the store itself never saw the record.
        QCOMPARE(net.dir(holder).refusedAdds(), qint64(1));
        QCOMPARE(net.dir(holder).store().refused(), qint64(0));
        // Positive control: the key it is responsible for is stored.
        QVERIFY(net.dir(holder).stored(keyOf(near)));
    }

    void answersFromNodesNotAskedAreIgnored() {
        FakeNet net(12, m_config);
        const auto container = crypto::Ed25519::generate();
        const Key160 key = keyOf(container);
        const int asker = 0;
        const auto near = net.closestIndices(key, asker);
        for (int i : near) {
            net.members[size_t(i)].impostor = [](const OverlayMessage &) {
                return std::optional<OverlayMessage>();
            };
        }
        std::optional<std::optional<ProviderRecord>> result;
        net.dir(asker).resolve(key, [&](std::optional<ProviderRecord> r) { result = r; });
        net.run();
        QVERIFY(!result);
        const quint64 requestId = net.sentBy<GetProvidersMessage>(asker).front().second.requestId;

        // A node that was not asked claims the container with a record that is valid in
        // itself (it holds the container key, say, from an old deployment).
        const int stranger = net.farFrom(key, asker);
        const auto claim = ProviderRecord::create(container, net.members[size_t(stranger)].key, 7,
                                                  net.wallSecs() + 600);
        net.inject(stranger, asker, ProvidersMessage{requestId, {claim}});
        net.run();
        QVERIFY(!result);
        QVERIFY(!net.dir(asker).cached(key));

        // Positive control: the same answer from a node that was asked is taken.
        net.inject(near.front(), asker, ProvidersMessage{requestId, {claim}});
        net.advance(m_config.settleMs);
        QVERIFY(result);
        QCOMPARE(*result, std::optional(claim));
        // A second answer from the same node counts for nothing.
        const auto newer = ProviderRecord::create(container, net.members[size_t(stranger)].key, 8,
                                                  net.wallSecs() + 600);
        net.inject(near.front(), asker, ProvidersMessage{requestId, {newer}});
        net.run();
        QCOMPARE(net.dir(asker).cached(key)->sequence, quint64(7));
    }

    // A node among the closest answers at once with an old, validly signed record (the
    // container's previous host); a newer one comes from another node a little later.
    // The newest wins. Positive control: when the first answer settles the request
    // (settleMs 0), the stale record wins.
    void highestSequenceWins_data() {
        QTest::addColumn<qint64>("settleMs");
        QTest::newRow("first answer settles (control)") << qint64(0);
        QTest::newRow("answers settle for 250 ms") << qint64(250);
    }
    void highestSequenceWins() {
        QFETCH(qint64, settleMs);
        ProviderDirectory::Config config = m_config;
        config.settleMs = settleMs;
        FakeNet net(12, config);
        const auto container = crypto::Ed25519::generate();
        const Key160 key = keyOf(container);
        const int asker = 0;
        const auto near = net.closestIndices(key, asker);
        const qint64 expiry = net.wallSecs() + 600;
        const auto old = ProviderRecord::create(container, net.members[5].key, 10, expiry);
        const auto moved = ProviderRecord::create(container, net.members[6].key, 20, expiry);
        const auto older = ProviderRecord::create(container, net.members[7].key, 5, expiry);
        // The closest node answers at once with two records; the others keep quiet until
        // the test lets them speak.
        net.members[size_t(near[0])].impostor = [&](const OverlayMessage &m) {
            const auto &get = std::get<GetProvidersMessage>(m);
            return std::optional<OverlayMessage>(ProvidersMessage{get.requestId, {old, older}});
        };
        for (size_t i = 1; i < near.size(); ++i) {
            net.members[size_t(near[i])].impostor = [](const OverlayMessage &) {
                return std::optional<OverlayMessage>();
            };
        }
        std::optional<std::optional<ProviderRecord>> result;
        net.dir(asker).resolve(key, [&](std::optional<ProviderRecord> r) { result = r; });
        net.run();
        const quint64 requestId = net.sentBy<GetProvidersMessage>(asker).front().second.requestId;
        if (settleMs == 0) {
            // Within one answer the highest sequence number wins, but the stale record of the
            // first answer settles the request.
            QVERIFY(result);
            QCOMPARE(*result, std::optional(old));
            net.inject(near[1], asker, ProvidersMessage{requestId, {moved}});
            net.run();
            QCOMPARE(net.dir(asker).cached(key), std::optional(moved)); // too late for the caller
            return;
        }
        QVERIFY(!result); // still listening
        net.inject(near[1], asker, ProvidersMessage{requestId, {moved}});
        net.run();
        QVERIFY(!result);
        net.advance(settleMs);
        QVERIFY(result);
        QCOMPARE(*result, std::optional(moved));
        // An even later answer with an older record does not undo that.
        net.inject(near[2], asker, ProvidersMessage{requestId, {old}});
        net.run();
        QCOMPARE(net.dir(asker).cached(key), std::optional(moved));

        // The store too keeps the newest: 20 stays against 10, 30 replaces it.
        const int holder = near[3];
        net.members[size_t(holder)].impostor = {};
        net.inject(asker, holder, AddProviderMessage{1, moved, {}});
        net.inject(asker, holder, AddProviderMessage{2, old, {}});
        net.run();
        QCOMPARE(net.dir(holder).stored(key), std::optional(moved));
        const auto newest = ProviderRecord::create(container, net.members[8].key, 30, expiry);
        net.inject(asker, holder, AddProviderMessage{3, newest, {}});
        net.run();
        QCOMPARE(net.dir(holder).stored(key), std::optional(newest));
    }

    void stopAnswersWaitingResolves() {
        FakeNet net(6, m_config);
        const Key160 key = keyOf(crypto::Ed25519::generate());
        for (int i : net.closestIndices(key, 0)) {
            net.members[size_t(i)].impostor = [](const OverlayMessage &) {
                return std::optional<OverlayMessage>();
            };
        }
        std::optional<std::optional<ProviderRecord>> result;
        net.dir(0).resolve(key, [&](std::optional<ProviderRecord> r) { result = r; });
        net.run();
        QVERIFY(!result);
        net.dir(0).stop();
        QVERIFY(result);
        QVERIFY(!*result);
        // Nothing runs any more: no time-out fires a second callback, no refresh sends.
        const size_t sent = net.members[0].host->sent.size();
        net.advance(m_config.ttlSecs * 1000);
        QCOMPARE(net.members[0].host->sent.size(), sent);
    }
};

QTEST_GUILESS_MAIN(TestProviderDirectory)
#include "tst_providerdirectory.moc"
