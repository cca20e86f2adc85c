// SPDX-License-Identifier: GPL-3.0-or-later
// Containers across real nodes on loopback: portal clients on nodes A, B and D talk to
// containers hosted on C, which has no listener and whose only connection is to B. Every
// message to a container and every reply therefore crosses B.
#include "Background.h"
#include "LoopbackConfig.h"
#include "TestData.h"
#include "identity/MemberRecord.h"
#include "node/BootstrapList.h"
#include "node/NodeRunner.h"
#include "portal/PortalClient.h"
#include "portal/PortalProtocol.h"
#include "portal/PortalServer.h"

#include <QJsonArray>
#include <QMutex>
#include <QProcess>
#include <QTemporaryDir>
#include <QThread>
#include <QtTest>

#include <atomic>
#include <functional>

using namespace orion;
using orion::test::TestData;

namespace {

node::NodeConfig testConfig(bool listen) {
    node::NodeConfig c = test::LoopbackConfig::make(listen);
    c.bootstrapIntervalMs = 500;
    c.transport.maxPerAddress = 1000;
    c.transport.maxHandshakingPerAddress = 1000;
    c.transport.maxHandshakingPerSubnet = 1000;
    c.transport.acceptsPerSecondPerAddress = 1000;
    // Waiting sends carry their own time-out; generous on a loaded machine.
    c.routeTimeoutMs = 60'000;
    return c;
}

const char *kLoop = "(defun main ()\n  (while t (set x 1)))\n(let x 0)\n";
const char *kRecurse = "(defun f (n) (f (+ n 1)))\n(defun main () (f 0))\n";
const char *kHog = "(defun main ()\n"
                   "  (let s \"xxxxxxxxxxxxxxxx\")\n"
                   "  (while t (set s (concat s s))))\n";

QString example(const QString &file) {
    QFile f(QStringLiteral(ORION_SOURCE_DIR "/examples/containers/") + file);
    return f.open(QIODevice::ReadOnly) ? QString::fromUtf8(f.readAll()) : QString();
}

// A reply body as the count it carries (a number; text from nodes of older versions).
int asCount(const QJsonValue &body) {
    return body.isString() ? body.toString().toInt() : body.toInt(-1);
}

std::unique_ptr<test::Background> spawn(std::function<void()> fn) {
    return std::make_unique<test::Background>(std::move(fn));
}

} // namespace

class TestContainerNetwork : public QObject {
    Q_OBJECT

    QTemporaryDir m_dir;
    identity::NetworkKey m_networkKey = identity::NetworkKey::generate();
    std::unique_ptr<node::NodeRunner> m_a, m_b, m_c, m_d;
    QHash<QString, QString> m_keys; // container name -> key on C

    QString profileOf(const QString &name) const { return m_dir.filePath(name); }
    QString socketOf(const QString &name) const {
        return portal::PortalServer::socketPathFor(profileOf(name));
    }

    std::unique_ptr<node::NodeRunner> startNode(const QString &name, identity::NodeIdentity id,
                                                bool listen, node::NodeRunner *seed) {
        const node::Profile profile(profileOf(name));
        if (!profile.create()) {
            return {};
        }
        if (seed) {
            identity::MemberRecord record;
            seed->call([&] { record = seed->node()->memberRecord(); });
            if (auto ok = node::BootstrapList::add(profile, record, m_networkKey.networkId());
                !ok) {
                qWarning() << ok.error();
                return {};
            }
        }
        auto n = std::make_unique<node::Node>(profile, std::move(id), m_networkKey.clone(),
                                              testConfig(listen));
        auto thread = std::make_unique<node::NodeRunner>(std::move(n));
        if (auto started = thread->start(); !started) {
            qWarning() << "start failed:" << started.error();
            return {};
        }
        return thread;
    }

    static bool connected(node::NodeRunner &from, node::NodeRunner &to) {
        bool live = false;
        const identity::Key160 id = to.node()->nodeId();
        from.call([&] { live = from.node()->isActivePeer(id); });
        return live;
    }

    // A node identity that reaches C only through B: B is closer to C than it, and closer
    // to it than C is (C, without a listener, knows only B; replies start at C).
    identity::NodeIdentity identityBehindB() const {
        const identity::Key160 b = m_b->node()->nodeId();
        const identity::Key160 c = m_c->node()->nodeId();
        for (;;) {
            auto id = identity::NodeIdentity::generate();
            if (c.isCloser(b, id.nodeId()) && id.nodeId().isCloser(b, c)) {
                return id;
            }
        }
    }

    QString create(portal::PortalClient &client, const QString &name, const QString &source,
                   const QJsonObject &extra = {}) {
        QJsonObject request = extra;
        request.insert(QStringLiteral("name"), name);
        request.insert(QStringLiteral("source"), source);
        auto created = client.request(QStringLiteral("container.create"), request);
        if (!created) {
            qWarning() << "create" << name << created.error();
            return {};
        }
        return created->value(QStringLiteral("key")).toString();
    }

    static Result<QJsonObject> sendWait(portal::PortalClient &client, const QString &target,
                                        const QJsonValue &body, int timeoutMs = 60000) {
        return client.request(QStringLiteral("send"),
                              {{QStringLiteral("target"), target},
                               {QStringLiteral("body"), body},
                               {QStringLiteral("wait_reply"), true},
                               {QStringLiteral("timeout_ms"), timeoutMs}},
                              timeoutMs + 10000);
    }

    QJsonObject containerInfo(const QString &name) {
        portal::PortalClient client;
        if (!client.connectToNode(socketOf(QStringLiteral("c")))) {
            return {};
        }
        auto list = client.request(QStringLiteral("container.list"));
        for (const auto &c :
             list ? list->value(QStringLiteral("containers")).toArray() : QJsonArray()) {
            if (c.toObject().value(QStringLiteral("name")).toString() == name) {
                return c.toObject();
            }
        }
        return {};
    }

private Q_SLOTS:
    void initTestCase() {
        QVERIFY(m_dir.isValid());
        m_b = startNode(QStringLiteral("b"), identity::NodeIdentity::generate(), true, nullptr);
        QVERIFY(m_b);
        m_c = startNode(QStringLiteral("c"), identity::NodeIdentity::generate(), false, m_b.get());
        QVERIFY(m_c);
        QTRY_VERIFY_WITH_TIMEOUT(connected(*m_c, *m_b), 30000);

        // Every container is created (and published) while C knows only B.
        portal::PortalClient c;
        QVERIFY(c.connectToNode(socketOf(QStringLiteral("c"))).ok());
        const QString bId = m_b->node()->nodeId().toHex();
        const QJsonObject loopLimits{
            {QStringLiteral("limits"),
             // The instruction budget must end it, never the clock.
             QJsonObject{{QStringLiteral("max_instructions"), 20'000'000LL},
                         {QStringLiteral("max_wall_clock_ms"), 60000}}}};
        const QJsonObject hogLimits{
            {QStringLiteral("limits"), QJsonObject{{QStringLiteral("max_memory_bytes"), 1 << 20}}}};
        const std::vector<std::tuple<QString, QString, QJsonObject>> containers{
            {QStringLiteral("echo"), example(QStringLiteral("echo.ns")), {}},
            {QStringLiteral("counter"), example(QStringLiteral("counter.ns")), {}},
            {QStringLiteral("versioned"),
             QStringLiteral("(defun main () (reply (concat \"v1:\" MESSAGE)))"),
             {}},
            {QStringLiteral("guarded"),
             example(QStringLiteral("echo.ns")),
             {{QStringLiteral("allow"), QJsonArray{bId}}}},
            {QStringLiteral("silent"), QStringLiteral("(defun main () (log MESSAGE))"), {}},
            {QStringLiteral("loop"), QString::fromLatin1(kLoop), loopLimits},
            {QStringLiteral("recurse"), QString::fromLatin1(kRecurse), {}},
            {QStringLiteral("hog"), QString::fromLatin1(kHog), hogLimits},
            {QStringLiteral("mapper"),
             QStringLiteral("(defun main ()\n"
                            "  (reply (make-map \"count\" 1 \"items\" (list 1 \"two\") "
                            "\"said\" MESSAGE)))\n"),
             {}},
            // The original project's example: routes every message back to itself.
            {QStringLiteral("looper"),
             QStringLiteral("(defun main ()\n"
                            "  (let result (concat MESSAGE \"!\"))\n"
                            "  (route result RECEIVER))\n"),
             {}},
        };
        for (const auto &[name, source, extra] : containers) {
            QVERIFY(!source.isEmpty());
            const QString key = create(c, name, source, extra);
            QVERIFY2(!key.isEmpty(), qPrintable(name));
            m_keys.insert(name, key);
        }
        for (const QString &key : std::as_const(m_keys)) {
            const auto containerKey = *identity::Key160::fromHex(key);
            const auto stored = [&] {
                bool found = false;
                m_b->call([&] { found = m_b->node()->storedProvider(containerKey).has_value(); });
                return found;
            };
            QTRY_VERIFY_WITH_TIMEOUT(stored(), 30000);
        }

        m_a = startNode(QStringLiteral("a"), identityBehindB(), true, m_b.get());
        m_d = startNode(QStringLiteral("d"), identityBehindB(), true, m_b.get());
        QVERIFY(m_a && m_d);
        QTRY_VERIFY_WITH_TIMEOUT(connected(*m_a, *m_b) && connected(*m_d, *m_b), 30000);
    }

    void clientOnAReachesAContainerOnCThroughB() {
        portal::PortalClient a;
        QVERIFY(a.connectToNode(socketOf(QStringLiteral("a"))).ok());
        const QString echo = m_keys.value(QStringLiteral("echo"));
        auto reply = sendWait(a, echo, QJsonObject{{QStringLiteral("text"), QStringLiteral("hi")}});
        QVERIFY2(reply.ok(), reply ? "" : qPrintable(reply.error()));
        const QJsonObject r = reply->value(QStringLiteral("reply")).toObject();
        QCOMPARE(r.value(QStringLiteral("source")).toString(), echo);
        QCOMPARE(r.value(QStringLiteral("origin")).toString(), m_c->node()->nodeId().toHex());
        // The script sees the body as text: the JSON object comes back as its encoding (echo
        // replies with MESSAGE, a string).
        QVERIFY2(r.value(QStringLiteral("body")).toString().contains(QStringLiteral("hi")),
                 qPrintable(QJsonDocument(r).toJson()));
        QVERIFY(r.value(QStringLiteral("hops")).toInt() >= 2);
        // No direct connection between A and C: everything went through B.
        QVERIFY(!connected(*m_a, *m_c));
        QVERIFY(!connected(*m_c, *m_a));

        // orionctl on A: one JSON line with source and body, exit 0.
        const auto orionctl = [&](const QStringList &args, QString *out, QString *err) {
            QProcess p;
            p.start(TestData::binary(QStringLiteral("src/cli/orionctl")),
                    args + QStringList{QStringLiteral("--socket"), socketOf(QStringLiteral("a"))});
            p.waitForFinished(60000);
            *out = QString::fromUtf8(p.readAllStandardOutput());
            *err = QString::fromUtf8(p.readAllStandardError());
            return p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
        };
        QString out, err;
        QCOMPARE(orionctl({QStringLiteral("send"), echo, QStringLiteral("hello"),
                           QStringLiteral("--wait-reply"), QStringLiteral("--timeout"),
                           QStringLiteral("30")},
                          &out, &err),
                 0);
        QCOMPARE(out.count(u'\n'), 1);
        const QJsonObject line = QJsonDocument::fromJson(out.toUtf8()).object();
        QCOMPARE(line.value(QStringLiteral("source")).toString(), echo);
        QCOMPARE(line.value(QStringLiteral("body")).toString(), QStringLiteral("hello"));
        // An error reply and a time-out both exit non-zero and say why.
        QVERIFY(orionctl({QStringLiteral("send"), m_keys.value(QStringLiteral("guarded")),
                          QStringLiteral("hello"), QStringLiteral("--wait-reply"),
                          QStringLiteral("--timeout"), QStringLiteral("30")},
                         &out, &err) != 0);
        QVERIFY2(err.contains(QStringLiteral("refused")), qPrintable(err));
        QVERIFY(orionctl({QStringLiteral("send"), m_keys.value(QStringLiteral("silent")),
                          QStringLiteral("hello"), QStringLiteral("--wait-reply"),
                          QStringLiteral("--timeout"), QStringLiteral("2")},
                         &out, &err) != 0);
        QVERIFY2(err.contains(QStringLiteral("timeout")), qPrintable(err));
        QVERIFY(out.isEmpty());
        QVERIFY(!connected(*m_a, *m_c));
    }

    void mapsAndListsArriveAsJsonValues() {
        portal::PortalClient a;
        QVERIFY(a.connectToNode(socketOf(QStringLiteral("a"))).ok());
        auto reply = sendWait(a, m_keys.value(QStringLiteral("mapper")), QStringLiteral("hi"));
        QVERIFY2(reply.ok(), reply ? "" : qPrintable(reply.error()));
        const QJsonValue body =
            reply->value(QStringLiteral("reply")).toObject().value(QStringLiteral("body"));
        // An object, not the text of one.
        QVERIFY2(body.isObject(), qPrintable(QJsonDocument(*reply).toJson()));
        const QJsonObject o = body.toObject();
        QCOMPARE(o.value(QStringLiteral("count")).toInteger(), 1);
        QCOMPARE(o.value(QStringLiteral("items")).toArray(),
                 (QJsonArray{1, QStringLiteral("two")}));
        QCOMPARE(o.value(QStringLiteral("said")).toString(), QStringLiteral("hi"));
        QVERIFY(o.value(QStringLiteral("count")).isDouble()); // a number, not "1"
        // A string stays a string, even one that looks like JSON.
        auto echo = sendWait(a, m_keys.value(QStringLiteral("echo")), QStringLiteral("{\"n\":1}"));
        QVERIFY2(echo.ok(), echo ? "" : qPrintable(echo.error()));
        QCOMPARE(echo->value(QStringLiteral("reply")).toObject().value(QStringLiteral("body")),
                 QJsonValue(QStringLiteral("{\"n\":1}")));
    }

    void aContainerRoutingToItselfIsStopped() {
        portal::PortalClient a;
        QVERIFY(a.connectToNode(socketOf(QStringLiteral("a"))).ok());
        auto sent = a.request(QStringLiteral("send"),
                              {{QStringLiteral("target"), m_keys.value(QStringLiteral("looper"))},
                               {QStringLiteral("body"), QStringLiteral("hi")},
                               {QStringLiteral("wait_delivery"), true},
                               {QStringLiteral("timeout_ms"), 30000}},
                              40000);
        QVERIFY2(sent.ok(), sent ? "" : qPrintable(sent.error()));
        QTRY_COMPARE_WITH_TIMEOUT(
            containerInfo(QStringLiteral("looper")).value(QStringLiteral("state")).toString(),
            QStringLiteral("stopped"), 30000);
        // 16 routes in a row (containers/maxRouteDepth), then the 17th run stops it.
        const QJsonObject counters =
            containerInfo(QStringLiteral("looper")).value(QStringLiteral("counters")).toObject();
        QCOMPARE(counters.value(QStringLiteral("completed")).toInt(), 17);
        QCOMPARE(counters.value(QStringLiteral("routes")).toInt(), 16);
        portal::PortalClient c;
        QVERIFY(c.connectToNode(socketOf(QStringLiteral("c"))).ok());
        auto logs = c.request(QStringLiteral("container.logs"),
                              {{QStringLiteral("name"), QStringLiteral("looper")}});
        QVERIFY2(logs.ok(), logs ? "" : qPrintable(logs.error()));
        bool reason = false;
        for (const auto &e : logs->value(QStringLiteral("entries")).toArray()) {
            const QJsonObject entry = e.toObject();
            reason =
                reason ||
                (entry.value(QStringLiteral("level")).toString() == QStringLiteral("error") &&
                 entry.value(QStringLiteral("text")).toString().contains(QStringLiteral("loop")));
        }
        QVERIFY2(reason, qPrintable(QJsonDocument(*logs).toJson()));
    }

    void counterCountsConcurrentSendsFromThreeNodesExactly() {
        const QString counter = m_keys.value(QStringLiteral("counter"));
        constexpr int kTotal = 1000;
        constexpr int kThreadsPerNode = 3;
        const QStringList nodes{QStringLiteral("a"), QStringLiteral("b"), QStringLiteral("d")};
        QMutex mutex;
        QList<int> counts;
        QStringList errors;
        std::vector<std::unique_ptr<test::Background>> threads;
        int assigned = 0;
        for (int n = 0; n < nodes.size(); ++n) {
            for (int t = 0; t < kThreadsPerNode; ++t) {
                const int slot = n * kThreadsPerNode + t;
                const int share = kTotal / 9 + (slot < kTotal % 9 ? 1 : 0);
                assigned += share;
                const QString socket = socketOf(nodes[n]);
                threads.push_back(spawn([&, socket, share] {
                    portal::PortalClient client;
                    if (!client.connectToNode(socket)) {
                        QMutexLocker lock(&mutex);
                        errors << QStringLiteral("cannot connect");
                        return;
                    }
                    for (int i = 0; i < share; ++i) {
                        auto r = sendWait(client, counter, QStringLiteral("tick"));
                        QMutexLocker lock(&mutex);
                        if (r) {
                            counts << asCount(r->value(QStringLiteral("reply"))
                                                  .toObject()
                                                  .value(QStringLiteral("body")));
                        } else {
                            errors << r.error();
                        }
                    }
                }));
            }
        }
        QCOMPARE(assigned, kTotal);
        for (auto &t : threads) {
            QVERIFY(t->wait(120000));
        }
        QVERIFY2(errors.isEmpty(), qPrintable(errors.join(u'\n')));
        // Every increment answered with a distinct count: 1..1000, none lost or repeated.
        std::sort(counts.begin(), counts.end());
        QCOMPARE(counts.size(), kTotal);
        for (int i = 0; i < kTotal; ++i) {
            QCOMPARE(counts[i], i + 1);
        }
        portal::PortalClient c;
        QVERIFY(c.connectToNode(socketOf(QStringLiteral("c"))).ok());
        auto data = c.request(QStringLiteral("container.data"),
                              {{QStringLiteral("name"), QStringLiteral("counter")}});
        QVERIFY(data.ok());
        QCOMPARE(data->value(QStringLiteral("data"))
                     .toObject()
                     .value(QStringLiteral("count"))
                     .toVariant()
                     .toInt(),
                 kTotal);
    }

    void hotUpdateDropsNoMessage() {
        const QString key = m_keys.value(QStringLiteral("versioned"));
        QMutex mutex;
        std::atomic<bool> stop{false};
        QList<QStringList> seen(2);
        QStringList errors;
        std::vector<std::unique_ptr<test::Background>> threads;
        const QStringList nodes{QStringLiteral("a"), QStringLiteral("d")};
        for (int n = 0; n < 2; ++n) {
            const QString socket = socketOf(nodes[n]);
            threads.push_back(spawn([&, socket, n] {
                portal::PortalClient client;
                if (!client.connectToNode(socket)) {
                    QMutexLocker lock(&mutex);
                    errors << QStringLiteral("cannot connect");
                    return;
                }
                for (int i = 0; !stop; ++i) {
                    auto r = sendWait(client, key, QStringLiteral("m%1").arg(i));
                    QMutexLocker lock(&mutex);
                    if (r) {
                        seen[n] << r->value(QStringLiteral("reply"))
                                       .toObject()
                                       .value(QStringLiteral("body"))
                                       .toString();
                    } else {
                        errors << r.error();
                    }
                }
            }));
        }
        const auto total = [&](const QString &prefix) {
            QMutexLocker lock(&mutex);
            int count = 0;
            for (const auto &list : std::as_const(seen)) {
                for (const auto &s : list) {
                    count += s.startsWith(prefix) ? 1 : 0;
                }
            }
            return count;
        };
        QTRY_VERIFY_WITH_TIMEOUT(total(QStringLiteral("v1:")) >= 40, 60000);
        portal::PortalClient c;
        QVERIFY(c.connectToNode(socketOf(QStringLiteral("c"))).ok());
        auto updated = c.request(
            QStringLiteral("container.update"),
            {{QStringLiteral("name"), QStringLiteral("versioned")},
             {QStringLiteral("source"),
              QStringLiteral("(defun main () (reply (concat \"v2:\" (upcase MESSAGE))))")}});
        QVERIFY2(updated.ok(), updated ? "" : qPrintable(updated.error()));
        QCOMPARE(updated->value(QStringLiteral("version")).toInt(), 2);
        QTRY_VERIFY_WITH_TIMEOUT(total(QStringLiteral("v2:")) >= 40, 60000);
        stop = true;
        for (auto &t : threads) {
            QVERIFY(t->wait(120000));
        }
        QVERIFY2(errors.isEmpty(), qPrintable(errors.join(u'\n')));
        // Each sender saw the old behaviour, then the new one, and a reply to every message.
        for (int n = 0; n < 2; ++n) {
            const QStringList &list = seen[n];
            QVERIFY(!list.isEmpty());
            int firstNew = int(list.size());
            for (int i = 0; i < list.size(); ++i) {
                if (list[i].startsWith(QStringLiteral("v2:"))) {
                    firstNew = std::min(firstNew, i);
                }
                const QString expected = i >= firstNew ? QStringLiteral("v2:M%1").arg(i)
                                                       : QStringLiteral("v1:m%1").arg(i);
                QCOMPARE(list[i], expected);
            }
        }
        QVERIFY(total(QStringLiteral("v1:")) >= 40);
    }

    void disallowedSenderIsRefused() {
        const QString guarded = m_keys.value(QStringLiteral("guarded"));
        portal::PortalClient a, b;
        QVERIFY(a.connectToNode(socketOf(QStringLiteral("a"))).ok());
        QVERIFY(b.connectToNode(socketOf(QStringLiteral("b"))).ok());
        const int before = containerInfo(QStringLiteral("guarded"))
                               .value(QStringLiteral("counters"))
                               .toObject()
                               .value(QStringLiteral("refused"))
                               .toInt();
        auto refused = sendWait(a, guarded, QStringLiteral("let me in"));
        QVERIFY(!refused.ok());
        QCOMPARE(a.lastErrorCode(), portal::PortalProtocol::kRefused);
        QVERIFY2(refused.error().contains(QStringLiteral("not allowed")),
                 qPrintable(refused.error()));
        // The allowed sender is answered.
        auto allowed = sendWait(b, guarded, QStringLiteral("knock"));
        QVERIFY2(allowed.ok(), allowed ? "" : qPrintable(allowed.error()));
        QCOMPARE(allowed->value(QStringLiteral("reply"))
                     .toObject()
                     .value(QStringLiteral("body"))
                     .toString(),
                 QStringLiteral("knock"));
        const QJsonObject info = containerInfo(QStringLiteral("guarded"));
        QCOMPARE(info.value(QStringLiteral("counters"))
                     .toObject()
                     .value(QStringLiteral("refused"))
                     .toInt(),
                 before + 1);
    }

    void runawayScriptsAreStoppedWhileOthersAnswer() {
        QMutex mutex;
        QHash<QString, QString> outcomes;
        std::vector<std::unique_ptr<test::Background>> threads;
        for (const QString &name :
             {QStringLiteral("loop"), QStringLiteral("recurse"), QStringLiteral("hog")}) {
            const QString key = m_keys.value(name);
            threads.push_back(spawn([&, name, key] {
                portal::PortalClient client;
                if (!client.connectToNode(socketOf(QStringLiteral("a")))) {
                    return;
                }
                auto r = sendWait(client, key, QStringLiteral("go"), 90000);
                QMutexLocker lock(&mutex);
                outcomes.insert(name, r ? QStringLiteral("replied") : r.error());
            }));
        }
        // Meanwhile the echo container on the same node keeps answering, from another node.
        portal::PortalClient d;
        QVERIFY(d.connectToNode(socketOf(QStringLiteral("d"))).ok());
        for (int i = 0; i < 20; ++i) {
            auto r =
                sendWait(d, m_keys.value(QStringLiteral("echo")), QStringLiteral("ping %1").arg(i));
            QVERIFY2(r.ok(), r ? "" : qPrintable(r.error()));
            QCOMPARE(r->value(QStringLiteral("reply"))
                         .toObject()
                         .value(QStringLiteral("body"))
                         .toString(),
                     QStringLiteral("ping %1").arg(i));
        }
        for (auto &t : threads) {
            QVERIFY(t->wait(120000));
        }
        const QHash<QString, QString> expected{
            {QStringLiteral("loop"), QStringLiteral("instruction budget exhausted")},
            {QStringLiteral("recurse"), QStringLiteral("call depth limit")},
            {QStringLiteral("hog"), QStringLiteral("memory budget exceeded")},
        };
        for (auto it = expected.begin(); it != expected.end(); ++it) {
            const QString outcome = outcomes.value(it.key());
            QVERIFY2(outcome.contains(it.value()),
                     qPrintable(it.key() + QStringLiteral(": ") + outcome));
            QVERIFY2(outcome.contains(QStringLiteral("main.ns:")), qPrintable(outcome));
            const QJsonObject info = containerInfo(it.key());
            QCOMPARE(info.value(QStringLiteral("state")).toString(), QStringLiteral("running"));
            QCOMPARE(info.value(QStringLiteral("counters"))
                         .toObject()
                         .value(QStringLiteral("errors"))
                         .toInt(),
                     1);
        }
    }

    void containerCreatedAloneIsPublishedOnceTheNodeJoins() {
        // A node with no peers yet: its container's provider record reaches nobody.
        auto e = startNode(QStringLiteral("e"), identity::NodeIdentity::generate(), true, nullptr);
        QVERIFY(e);
        portal::PortalClient client;
        QVERIFY(client.connectToNode(socketOf(QStringLiteral("e"))).ok());
        const QString key =
            create(client, QStringLiteral("lonely"), example(QStringLiteral("echo.ns")));
        QVERIFY(!key.isEmpty());
        // Joining the network publishes it at the nodes closest to its key.
        identity::MemberRecord record;
        m_b->call([&] { record = m_b->node()->memberRecord(); });
        auto imported = client.request(QStringLiteral("member.import"),
                                       {{QStringLiteral("member"), record.toJsonObject()}});
        QVERIFY2(imported.ok(), imported ? "" : qPrintable(imported.error()));
        const auto containerKey = *identity::Key160::fromHex(key);
        const auto stored = [&] {
            bool found = false;
            m_b->call([&] { found = m_b->node()->storedProvider(containerKey).has_value(); });
            return found;
        };
        QTRY_VERIFY_WITH_TIMEOUT(stored(), 30000);
        portal::PortalClient a;
        QVERIFY(a.connectToNode(socketOf(QStringLiteral("a"))).ok());
        auto reply = sendWait(a, key, QStringLiteral("found you"));
        QVERIFY2(reply.ok(), reply ? "" : qPrintable(reply.error()));
        QCOMPARE(reply->value(QStringLiteral("reply"))
                     .toObject()
                     .value(QStringLiteral("body"))
                     .toString(),
                 QStringLiteral("found you"));
        e->stop();
    }

    void containerIsPublishedWhenAPeerDialsIn() {
        // A node alone with its container, as after a restart before any peer is up: the
        // publish reaches nobody, and this node has nobody to dial.
        auto h = startNode(QStringLiteral("h"), identity::NodeIdentity::generate(), true, nullptr);
        QVERIFY(h);
        portal::PortalClient client;
        QVERIFY(client.connectToNode(socketOf(QStringLiteral("h"))).ok());
        const QString key =
            create(client, QStringLiteral("waiting"), example(QStringLiteral("echo.ns")));
        QVERIFY(!key.isEmpty());
        // A peer dials it; the node itself has no seed to bootstrap from, so only the
        // peer's arrival can get the record out.
        auto p = startNode(QStringLiteral("p"), identity::NodeIdentity::generate(), true, h.get());
        QVERIFY(p);
        QTRY_VERIFY_WITH_TIMEOUT(connected(*p, *h), 30000);
        const auto containerKey = *identity::Key160::fromHex(key);
        const auto stored = [&] {
            bool found = false;
            p->call([&] { found = p->node()->storedProvider(containerKey).has_value(); });
            return found;
        };
        QTRY_VERIFY_WITH_TIMEOUT(stored(), 30000);
        p->stop();
        h->stop();
    }

    void cleanupTestCase() {
        for (auto *n : {&m_a, &m_d, &m_c, &m_b}) {
            if (*n) {
                (*n)->stop();
            }
        }
    }
};

QTEST_GUILESS_MAIN(TestContainerNetwork)
#include "tst_containernetwork.moc"
