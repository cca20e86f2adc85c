// SPDX-License-Identifier: GPL-3.0-or-later
// ContainerManager in one process: the example containers with their exact effects, the
// allow-list, per-container serialization under concurrent delivery, limits, hot update.
#include "TestKeyWrap.h"
#include "container/ContainerJson.h"
#include "container/ContainerManager.h"
#include "crypto/Random.h"
#include "util/Json.h"
#include "util/ThreadHandOver.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSet>
#include <QTemporaryDir>
#include <QtTest>

#include <thread>

using namespace orion;
using namespace orion::container;
using identity::Key160;

namespace {

QString example(const QString &name) {
    QFile f(QStringLiteral(ORION_SOURCE_DIR "/examples/containers/") + name);
    return f.open(QIODevice::ReadOnly) ? QString::fromUtf8(f.readAll()) : QString();
}

ContainerMessage message(const QString &containerKey, const QJsonValue &body,
                         const Key160 &source = Key160::random(), const QString &service = {}) {
    ContainerMessage m;
    m.messageId = crypto::Random::bytes(16);
    m.container = *Key160::fromHex(containerKey);
    m.source = source;
    m.origin = Key160::random();
    m.service = service;
    m.body = body;
    return m;
}

struct Route {
    Key160 container;
    Key160 target;
    QString service;
    QJsonValue body;
    QByteArray inReplyTo;
};

// Everything the manager emits, in order.
struct Recorder {
    QList<ContainerOutcome> outcomes;
    QHash<QByteArray, QStringList> replies; // message id -> reply bodies
    QHash<QByteArray, Key160> replyFrom;
    QList<Route> routes;
    QHash<QByteArray, QPair<orion::ErrorCode, QString>> errors; // id -> (code, message)

    explicit Recorder(ContainerManager &m) {
        QObject::connect(&m, &ContainerManager::outcome,
                         [this](const ContainerOutcome &o) { outcomes.append(o); });
        QObject::connect(
            &m, &ContainerManager::replyRequested,
            [this](const Key160 &c, const ContainerMessage &orig, const QJsonValue &b) {
                // As text: strings as they are, other values (numbers, maps) as JSON.
                replies[orig.messageId].append(util::Json::text(b));
                replyFrom[orig.messageId] = c;
            });
        QObject::connect(&m, &ContainerManager::routeRequested,
                         [this](const Key160 &c, const Key160 &t, const QString &s,
                                const QJsonValue &b, const QByteArray &r) {
                             routes.append({c, t, s, b, r});
                         });
        QObject::connect(
            &m, &ContainerManager::errorReply,
            [this](const ContainerMessage &orig, orion::ErrorCode code, const QString &text) {
                errors[orig.messageId] = {code, text};
            });
    }
    std::optional<ContainerOutcome> outcomeFor(const QByteArray &id) const {
        for (const auto &o : outcomes) {
            if (o.message.messageId == id) {
                return o;
            }
        }
        return std::nullopt;
    }
};

} // namespace

class TestContainerManager : public QObject {
    Q_OBJECT

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<ContainerManager> m_manager;

    ContainerManager::Options options(int threads = 2) const {
        ContainerManager::Options o;
        o.containersDirectory = m_dir->filePath(QStringLiteral("containers"));
        o.databasePath = m_dir->filePath(QStringLiteral("orion.sqlite"));
        o.keyWrap = test::TestKeyWrap::make();
        o.maxThreads = threads;
        return o;
    }
    void reopen() {
        m_manager.reset();
        m_manager = std::make_unique<ContainerManager>(options());
        const Status s = m_manager->open();
        QVERIFY2(s.ok(), qPrintable(s.ok() ? QString() : s.error()));
    }
    QString create(const QString &name, const QString &source, const AllowList &allow = {},
                   const QJsonObject &limits = {}) {
        auto key = m_manager->create(name, source, allow, limits);
        if (!key) {
            qWarning() << key.error();
            return {};
        }
        return *key;
    }

private Q_SLOTS:
    void init() {
        m_dir = std::make_unique<QTemporaryDir>();
        QVERIFY(m_dir->isValid());
        reopen();
    }
    void cleanup() {
        m_manager.reset();
        m_dir.reset();
    }

    void echoAndUppercaseReply() {
        Recorder rec(*m_manager);
        const QString echo = create(QStringLiteral("echo"), example(QStringLiteral("echo.ns")));
        const QString upper =
            create(QStringLiteral("upper"), example(QStringLiteral("uppercase.ns")));
        QVERIFY(!echo.isEmpty() && !upper.isEmpty());
        const auto a = message(echo, QStringLiteral("hello there"));
        const auto b = message(upper, QStringLiteral("hello there"));
        const auto c = message(echo, QJsonObject{{QStringLiteral("n"), 1}});
        m_manager->deliver(a);
        m_manager->deliver(b);
        m_manager->deliver(c);
        QTRY_COMPARE_WITH_TIMEOUT(rec.outcomes.size(), 3, 10000);
        QCOMPARE(rec.replies.value(a.messageId), QStringList{QStringLiteral("hello there")});
        QCOMPARE(rec.replies.value(b.messageId), QStringList{QStringLiteral("HELLO THERE")});
        // A non-string body reaches the script as its JSON text.
        QCOMPARE(rec.replies.value(c.messageId), QStringList{QStringLiteral("{\"n\":1}")});
        QCOMPARE(rec.replyFrom.value(a.messageId).toHex(), echo);
        QCOMPARE(rec.replyFrom.value(b.messageId).toHex(), upper);
        for (const auto &o : rec.outcomes) {
            QCOMPARE(o.status, ContainerOutcome::Status::Ok);
        }
        QVERIFY(rec.errors.isEmpty());
        QVERIFY(rec.routes.isEmpty());
        const auto info = m_manager->info(QStringLiteral("echo"));
        QCOMPARE(info->statistics.counts.messagesIn, quint64(2));
        QCOMPARE(info->statistics.counts.replies, quint64(2));
    }

    void counterCountsConcurrentDeliveriesExactly() {
        Recorder rec(*m_manager);
        const QString key =
            create(QStringLiteral("counter"), example(QStringLiteral("counter.ns")));
        QVERIFY(!key.isEmpty());
        constexpr int kThreads = 4;
        constexpr int kPerThread = 250;
        // Other threads hand messages to the node thread the way the router would: queued.
        ContainerManager *manager = m_manager.get();
        std::vector<std::thread> threads;
        for (int t = 0; t < kThreads; ++t) {
            threads.emplace_back([manager, key] {
                for (int i = 0; i < kPerThread; ++i) {
                    const auto m = message(key, QStringLiteral("+1"));
                    util::handover::post(manager, [manager, m] { manager->deliver(m); });
                }
            });
        }
        for (auto &t : threads) {
            t.join();
        }
        QTRY_COMPARE_WITH_TIMEOUT(rec.outcomes.size(), kThreads * kPerThread, 120000);
        QSet<int> counts;
        for (const auto &bodies : std::as_const(rec.replies)) {
            QCOMPARE(bodies.size(), 1);
            counts.insert(bodies.first().toInt());
        }
        QCOMPARE(counts.size(), kThreads * kPerThread); // every count handed out once
        QCOMPARE(*std::min_element(counts.begin(), counts.end()), 1);
        QCOMPARE(*std::max_element(counts.begin(), counts.end()), kThreads * kPerThread);
        QCOMPARE(m_manager->data(QStringLiteral("counter"))->value(QStringLiteral("count")).toInt(),
                 kThreads * kPerThread);
        reopen(); // the count is in the database, not just in memory
        QCOMPARE(m_manager->data(QStringLiteral("counter"))->value(QStringLiteral("count")).toInt(),
                 kThreads * kPerThread);
    }

    void chatroomRelaysToMembers() {
        Recorder rec(*m_manager);
        const QString room = create(QStringLiteral("room"), example(QStringLiteral("chatroom.ns")));
        QVERIFY(!room.isEmpty());
        const Key160 ann = *Key160::fromHex(QString(40, u'a'));
        const Key160 bob = *Key160::fromHex(QString(40, u'b'));
        const Key160 cat = *Key160::fromHex(QString(40, u'c'));
        const Key160 dan = *Key160::fromHex(QString(40, u'd'));
        QList<QByteArray> joins;
        for (const Key160 &k : {ann, bob, cat}) {
            const auto m = message(room, QStringLiteral("join"), k);
            joins.append(m.messageId);
            m_manager->deliver(m);
        }
        const auto stranger = message(room, QStringLiteral("hi"), dan);
        const auto hello = message(room, QStringLiteral("hello all"), bob);
        m_manager->deliver(stranger);
        m_manager->deliver(hello);
        QTRY_COMPARE_WITH_TIMEOUT(rec.outcomes.size(), 5, 10000);
        QCOMPARE(rec.replies.value(joins[0]), QStringList{QStringLiteral("joined; 1 in the room")});
        QCOMPARE(rec.replies.value(joins[2]), QStringList{QStringLiteral("joined; 3 in the room")});
        QCOMPARE(rec.replies.value(stranger.messageId),
                 QStringList{QStringLiteral("send \"join\" first")});
        QCOMPARE(rec.replies.value(hello.messageId), QStringList{QStringLiteral("relayed to 2")});
        QCOMPARE(rec.routes.size(), 2);
        QCOMPARE(rec.routes[0].target, ann);
        QCOMPARE(rec.routes[1].target, cat);
        for (const auto &r : rec.routes) {
            QCOMPARE(r.container.toHex(), room);
            QCOMPARE(r.service, QStringLiteral("chat"));
            QCOMPARE(r.body.toString(), QStringLiteral("bbbbbbbb: hello all"));
            QCOMPARE(r.inReplyTo, hello.messageId);
        }
        const QJsonArray members =
            QJsonDocument::fromJson(
                m_manager->data(QStringLiteral("room"))->value(QStringLiteral("members")))
                .array();
        QCOMPARE(members, (QJsonArray{ann.toHex(), bob.toHex(), cat.toHex()}));
        const auto logs = m_manager->logs(QStringLiteral("room"), 0);
        QVERIFY(logs->entries.size() >= 4);
        QCOMPARE(logs->statistics.counts.routes, quint64(2));
    }

    void allowListRefusesOthers() {
        Recorder rec(*m_manager);
        const Key160 friendKey = Key160::random();
        auto allow = AllowList::fromEntries({friendKey.toHex(), QStringLiteral("greet")});
        QVERIFY(allow.ok());
        const QString key =
            create(QStringLiteral("private"), example(QStringLiteral("echo.ns")), *allow);
        const auto fromFriend =
            message(key, QStringLiteral("ok"), friendKey, QStringLiteral("greet"));
        const auto fromStranger =
            message(key, QStringLiteral("no"), Key160::random(), QStringLiteral("greet"));
        const auto wrongService =
            message(key, QStringLiteral("no"), friendKey, QStringLiteral("other"));
        m_manager->deliver(fromFriend);
        m_manager->deliver(fromStranger);
        m_manager->deliver(wrongService);
        QTRY_COMPARE_WITH_TIMEOUT(rec.outcomes.size(), 3, 10000);
        QCOMPARE(rec.outcomeFor(fromFriend.messageId)->status, ContainerOutcome::Status::Ok);
        QCOMPARE(rec.outcomeFor(fromStranger.messageId)->status, ContainerOutcome::Status::Refused);
        QCOMPARE(rec.outcomeFor(wrongService.messageId)->status, ContainerOutcome::Status::Refused);
        QCOMPARE(rec.errors.value(fromStranger.messageId).first, orion::ErrorCode::Refused);
        QVERIFY(!rec.replies.contains(fromStranger.messageId));
        const auto counters = m_manager->info(QStringLiteral("private"))->statistics.counts;
        QCOMPARE(counters.refused, quint64(2));
        QCOMPARE(counters.messagesIn, quint64(1));
        int refusals = 0;
        const auto logs = m_manager->logs(QStringLiteral("private"), 0);
        QVERIFY(logs.ok());
        for (const auto &e : logs->entries) {
            refusals += e.text.contains(QStringLiteral("is not allowed"));
        }
        QCOMPARE(refusals, 2);
    }

    void runawayInstancesAreStoppedWhileOthersAnswer() {
        Recorder rec(*m_manager);
        const QString echo = create(QStringLiteral("echo"), example(QStringLiteral("echo.ns")));
        // A loop that only the wall clock stops, so it holds a pool thread for a while.
        const QString loop =
            create(QStringLiteral("loop"),
                   QStringLiteral("(defun main ()\n  (while t (set x 1)))\n"
                                  "(let x 0)\n"),
                   {},
                   // The instruction budget must end it, never the clock: a wall-clock
                   // limit far beyond what 50 million instructions take anywhere.
                   QJsonObject{{QStringLiteral("max_instructions"), 50'000'000LL},
                               {QStringLiteral("max_wall_clock_ms"), 60000}});
        const QString recurse =
            create(QStringLiteral("recurse"), QStringLiteral("(defun f (n) (f (+ n 1)))\n"
                                                             "(defun main () (f 0))\n"));
        const QString hog = create(QStringLiteral("hog"),
                                   QStringLiteral("(defun main ()\n"
                                                  "  (let s \"xxxxxxxxxxxxxxxx\")\n"
                                                  "  (while t (set s (concat s s))))\n"),
                                   {}, QJsonObject{{QStringLiteral("max_memory_bytes"), 1 << 20}});
        QVERIFY(!echo.isEmpty() && !loop.isEmpty() && !recurse.isEmpty() && !hog.isEmpty());
        const auto loopMsg = message(loop, QStringLiteral("go"));
        m_manager->deliver(loopMsg);
        const auto recurseMsg = message(recurse, QStringLiteral("go"));
        const auto hogMsg = message(hog, QStringLiteral("go"));
        m_manager->deliver(recurseMsg);
        m_manager->deliver(hogMsg);
        QList<QByteArray> echoes;
        for (int i = 0; i < 20; ++i) {
            const auto m = message(echo, QStringLiteral("ping %1").arg(i));
            echoes.append(m.messageId);
            m_manager->deliver(m);
        }
        QTRY_VERIFY_WITH_TIMEOUT(
            std::all_of(echoes.begin(), echoes.end(),
                        [&](const QByteArray &id) { return rec.replies.contains(id); }),
            20000);
        for (int i = 0; i < echoes.size(); ++i) {
            QCOMPARE(rec.replies.value(echoes[i]), QStringList{QStringLiteral("ping %1").arg(i)});
        }
        QTRY_VERIFY_WITH_TIMEOUT(rec.outcomeFor(loopMsg.messageId).has_value(), 30000);
        QTRY_VERIFY_WITH_TIMEOUT(rec.outcomeFor(recurseMsg.messageId).has_value(), 30000);
        QTRY_VERIFY_WITH_TIMEOUT(rec.outcomeFor(hogMsg.messageId).has_value(), 30000);
        const auto expect = [&](const ContainerMessage &m, const QString &prefix,
                                const QString &what) {
            const auto o = rec.outcomeFor(m.messageId);
            QCOMPARE(o->status, ContainerOutcome::Status::ScriptError);
            QVERIFY2(o->error.startsWith(prefix), qPrintable(o->error));
            QVERIFY2(o->error.contains(what), qPrintable(o->error));
            QCOMPARE(rec.errors.value(m.messageId).first, orion::ErrorCode::ScriptError);
            QCOMPARE(rec.errors.value(m.messageId).second, o->error);
            QVERIFY(!rec.replies.contains(m.messageId));
        };
        expect(loopMsg, QStringLiteral("main.ns:2:"),
               QStringLiteral("instruction budget exhausted"));
        expect(recurseMsg, QStringLiteral("main.ns:1:"), QStringLiteral("call depth limit"));
        expect(hogMsg, QStringLiteral("main.ns:3:"), QStringLiteral("memory budget exceeded"));
        // The failing containers stay up and are still answered.
        for (const auto &name :
             {QStringLiteral("loop"), QStringLiteral("recurse"), QStringLiteral("hog")}) {
            const auto info = m_manager->info(name);
            QVERIFY(info->enabled && info->loaded);
            QCOMPARE(info->statistics.counts.errors, quint64(1));
            const auto entries = m_manager->logs(name, 0)->entries;
            QCOMPARE(entries.back().level, ContainerLogRing::Level::Error);
            QVERIFY(entries.back().text.startsWith(QStringLiteral("main.ns:")));
        }
    }

    // Large messages sent faster than a container runs: its queue, and the queues of all
    // containers together, are bounded in bytes; the refused ones are answered Busy.
    // Positive control: without the byte bounds the same messages are all held.
    void queuesAreBoundedInBytes() {
        const QString big(256 * 1024, QLatin1Char('x')); // holds 512 KiB
        const auto flood = [&](ContainerManager &manager, const QString &key, int count) {
            QList<QByteArray> ids;
            for (int i = 0; i < count; ++i) {
                // Delivered in one turn of the event loop: the first runs, the rest wait.
                const auto m = message(key, big);
                ids.append(m.messageId);
                manager.deliver(m);
            }
            return ids;
        };
        const qint64 messageBytes = message(QString(40, QLatin1Char('0')), big).retainedBytes();
        QVERIFY(messageBytes > 2 * big.size());

        {
            ContainerManager::Options o = options();
            o.maxQueuedBytes = qint64{1} << 40;
            m_manager.reset();
            m_manager = std::make_unique<ContainerManager>(o);
            QVERIFY(m_manager->open().ok());
            const QString a = create(QStringLiteral("a"), example(QStringLiteral("echo.ns")), {},
                                     {{QStringLiteral("max_queue_bytes"), 1024.0 * 1024 * 1024}});
            Recorder rec(*m_manager);
            flood(*m_manager, a, 40);
            QCOMPARE(m_manager->queuedBytes(), 39 * messageBytes); // ~20 MiB held
            QCOMPARE(m_manager->queueBytesRefused(), quint64(0));
            QTRY_COMPARE_WITH_TIMEOUT(rec.outcomes.size(), 40, 30000);
        }

        ContainerManager::Options o = options();
        o.maxQueuedBytes = 3 * 1024 * 1024;
        m_manager.reset();
        m_manager = std::make_unique<ContainerManager>(o);
        QVERIFY(m_manager->open().ok());
        const QJsonObject twoMiB{{QStringLiteral("max_queue_bytes"), 2.0 * 1024 * 1024}};
        const QString a =
            create(QStringLiteral("b1"), example(QStringLiteral("echo.ns")), {}, twoMiB);
        const QString b =
            create(QStringLiteral("b2"), example(QStringLiteral("echo.ns")), {}, twoMiB);
        Recorder rec(*m_manager);
        const auto first = flood(*m_manager, a, 40);
        // One runs; the queue takes what fits in 2 MiB.
        const int queuedA = int(2 * 1024 * 1024 / messageBytes);
        QCOMPARE(m_manager->info(QStringLiteral("b1"))->queued, queuedA);
        QCOMPARE(m_manager->queuedBytes(), queuedA * messageBytes);
        const auto second = flood(*m_manager, b, 40);
        // The second container gets only what is left of the node's 3 MiB.
        const int queuedB = int(3 * 1024 * 1024 / messageBytes) - queuedA;
        QCOMPARE(m_manager->info(QStringLiteral("b2"))->queued, queuedB);
        QVERIFY(m_manager->queuedBytes() <= o.maxQueuedBytes);
        QCOMPARE(m_manager->queueBytesRefused(), quint64(80 - 2 - queuedA - queuedB));
        for (const auto &ids : {first, second}) {
            int busy = 0;
            for (const QByteArray &id : ids) {
                busy += rec.errors.value(id).first == orion::ErrorCode::Busy;
            }
            QVERIFY(busy > 0);
        }
        QCOMPARE(qsizetype(m_manager->queueBytesRefused()), rec.errors.size());
        // Everything taken runs; the counts return to zero.
        QTRY_COMPARE_WITH_TIMEOUT(rec.outcomes.size(), 80, 30000);
        QCOMPARE(m_manager->queuedBytes(), qint64(0));
        QCOMPARE(m_manager->info(QStringLiteral("b1"))->queuedBytes, qint64(0));
    }

    void failedInstanceWritesNothing() {
        Recorder rec(*m_manager);
        const QString key =
            create(QStringLiteral("half"), QStringLiteral("(defun main ()\n"
                                                          "  (store-put \"a\" 1)\n"
                                                          "  (when (= MESSAGE \"fail\") (/ 1 0))\n"
                                                          "  (store-put \"b\" MESSAGE)\n"
                                                          "  (reply \"done\"))\n"));
        const auto good = message(key, QStringLiteral("one"));
        const auto bad = message(key, QStringLiteral("fail"));
        m_manager->deliver(good);
        QTRY_COMPARE_WITH_TIMEOUT(rec.outcomes.size(), 1, 10000);
        QCOMPARE(m_manager->data(QStringLiteral("half"))->size(), 2);
        m_manager->deliver(bad);
        QTRY_COMPARE_WITH_TIMEOUT(rec.outcomes.size(), 2, 10000);
        QCOMPARE(rec.outcomeFor(bad.messageId)->status, ContainerOutcome::Status::ScriptError);
        QVERIFY(rec.outcomeFor(bad.messageId)->error.startsWith(QStringLiteral("main.ns:3:")));
        // The values as the script stored them: JSON text.
        const ContainerManager::Data data = *m_manager->data(QStringLiteral("half"));
        QCOMPARE(data, (ContainerManager::Data{{QStringLiteral("a"), "1"},
                                               {QStringLiteral("b"), "\"one\""}}));
    }

    void storeQuotaIsEnforced() {
        Recorder rec(*m_manager);
        const QString key = create(
            QStringLiteral("big"),
            QStringLiteral("(defun main ()\n"
                           "  (store-put MESSAGE \"0123456789012345678901234567890123456789\")\n"
                           "  (reply \"stored\"))\n"),
            {}, QJsonObject{{QStringLiteral("max_store_bytes"), 100}});
        const auto first = message(key, QStringLiteral("k1"));
        const auto second = message(key, QStringLiteral("k2"));
        const auto third = message(key, QStringLiteral("k3"));
        m_manager->deliver(first);
        m_manager->deliver(second);
        m_manager->deliver(third);
        QTRY_COMPARE_WITH_TIMEOUT(rec.outcomes.size(), 3, 10000);
        QCOMPARE(rec.outcomeFor(first.messageId)->status, ContainerOutcome::Status::Ok);
        QCOMPARE(rec.outcomeFor(second.messageId)->status, ContainerOutcome::Status::Ok);
        QCOMPARE(rec.outcomeFor(third.messageId)->status, ContainerOutcome::Status::StoreError);
        QVERIFY(!rec.replies.contains(third.messageId));
        QCOMPARE(m_manager->data(QStringLiteral("big"))->size(), 2);
    }

    void hotUpdateKeepsMessagesInFlight() {
        Recorder rec(*m_manager);
        const QString key =
            create(QStringLiteral("versioned"),
                   QStringLiteral("(defun main () (reply (concat \"v1:\" MESSAGE)))"));
        // All on this thread before the event loop runs: m1 is dispatched on version 1, m2
        // waits in the queue and is dispatched after the update.
        const auto m1 = message(key, QStringLiteral("a"));
        const auto m2 = message(key, QStringLiteral("b"));
        m_manager->deliver(m1);
        m_manager->deliver(m2);
        auto version =
            m_manager->update(QStringLiteral("versioned"),
                              QStringLiteral("(defun main () (reply (concat \"v2:\" MESSAGE)))"));
        QVERIFY(version.ok());
        QCOMPARE(*version, qint64(2));
        const auto m3 = message(key, QStringLiteral("c"));
        m_manager->deliver(m3);
        QTRY_COMPARE_WITH_TIMEOUT(rec.outcomes.size(), 3, 10000);
        QCOMPARE(rec.replies.value(m1.messageId), QStringList{QStringLiteral("v1:a")});
        QCOMPARE(rec.replies.value(m2.messageId), QStringList{QStringLiteral("v2:b")});
        QCOMPARE(rec.replies.value(m3.messageId), QStringList{QStringLiteral("v2:c")});
        QVERIFY(rec.errors.isEmpty());
        // A broken update is refused and the running version stays.
        auto broken =
            m_manager->update(QStringLiteral("versioned"), QStringLiteral("(defun main ("));
        QVERIFY(!broken.ok());
        QVERIFY2(broken.error().startsWith(QStringLiteral("main.ns:1:")),
                 qPrintable(broken.error()));
        QCOMPARE(m_manager->info(QStringLiteral("versioned"))->version, qint64(2));
        reopen();
        QCOMPARE(m_manager->info(QStringLiteral("versioned"))->version, qint64(2));
    }

    void stopStartRemove() {
        Recorder rec(*m_manager);
        QStringList events;
        connect(
            m_manager.get(), &ContainerManager::containerStarted, this,
            [&](const QString &n, const Key160 &) { events << QStringLiteral("started ") + n; });
        connect(
            m_manager.get(), &ContainerManager::containerStopped, this,
            [&](const QString &n, const Key160 &) { events << QStringLiteral("stopped ") + n; });
        connect(m_manager.get(), &ContainerManager::containerAdded, this,
                [&](const QString &n, const Key160 &) { events << QStringLiteral("added ") + n; });
        connect(
            m_manager.get(), &ContainerManager::containerRemoved, this,
            [&](const QString &n, const Key160 &) { events << QStringLiteral("removed ") + n; });
        const QString key = create(QStringLiteral("c"), example(QStringLiteral("counter.ns")));
        m_manager->deliver(message(key, QStringLiteral("x")));
        QTRY_COMPARE_WITH_TIMEOUT(rec.outcomes.size(), 1, 10000);
        QVERIFY(m_manager->stop(QStringLiteral("c")).ok());
        const auto whileStopped = message(key, QStringLiteral("x"));
        m_manager->deliver(whileStopped);
        QCOMPARE(rec.outcomeFor(whileStopped.messageId)->status, ContainerOutcome::Status::Stopped);
        QCOMPARE(rec.errors.value(whileStopped.messageId).first, orion::ErrorCode::Unavailable);
        reopen(); // the enabled flag is persistent
        QVERIFY(!m_manager->info(QStringLiteral("c"))->enabled);
        QVERIFY(m_manager->start(QStringLiteral("c")).ok());
        QVERIFY(m_manager->info(QStringLiteral("c"))->enabled);
        QVERIFY(m_manager->remove(QStringLiteral("c")).ok());
        QVERIFY(!QFileInfo::exists(m_dir->filePath(QStringLiteral("containers/c"))));
        QVERIFY(!m_manager->remove(QStringLiteral("c")).ok());
        QVERIFY(!m_manager->start(QStringLiteral("nope")).ok());
        Recorder after(*m_manager);
        const auto gone = message(key, QStringLiteral("x"));
        m_manager->deliver(gone);
        QCOMPARE(after.outcomeFor(gone.messageId)->status, ContainerOutcome::Status::NotFound);
        QCOMPARE(after.errors.value(gone.messageId).first, orion::ErrorCode::NotFound);
        // A new container of the same name gets a new key and none of the old data.
        const QString again = create(QStringLiteral("c"), example(QStringLiteral("counter.ns")));
        QVERIFY(again != key);
        QVERIFY(m_manager->data(QStringLiteral("c"))->isEmpty());
        QCOMPARE(events, (QStringList{QStringLiteral("added c"), QStringLiteral("started c"),
                                      QStringLiteral("stopped c")}));
    }

    void logsSinceAndRing() {
        const QString key = create(QStringLiteral("logger"),
                                   QStringLiteral("(defun main () (log \"got\" MESSAGE))"));
        Recorder rec(*m_manager);
        for (int i = 0; i < 1100; ++i) {
            m_manager->deliver(message(key, QString::number(i)));
        }
        QTRY_COMPARE_WITH_TIMEOUT(rec.outcomes.size(), 1100, 60000);
        const auto all = m_manager->logs(QStringLiteral("logger"), 0);
        const auto &entries = all->entries;
        QCOMPARE(entries.size(), size_t(1000)); // bounded ring
        QCOMPARE(entries.back().text, QStringLiteral("got 1099"));
        const quint64 last = all->lastId;
        QCOMPARE(entries.back().id, last);
        const auto tail = m_manager->logs(QStringLiteral("logger"), last - 3);
        const auto &three = tail->entries;
        QCOMPARE(three.size(), size_t(3));
        QCOMPARE(three.front().text, QStringLiteral("got 1097"));
        QVERIFY(m_manager->logs(QStringLiteral("logger"), last)->entries.empty());
        QVERIFY(!m_manager->logs(QStringLiteral("nope"), 0).ok());
        QCOMPARE(all->statistics.counts.completed, quint64(1100));
        // On the portal the run times are numbers.
        const QJsonObject counters = ContainerJson::logs(QStringLiteral("logger"), *all)
                                         .value(QStringLiteral("counters"))
                                         .toObject();
        QVERIFY(counters.value(QStringLiteral("p99_run_us")).isDouble());
        QVERIFY(counters.value(QStringLiteral("mean_run_us")).isDouble());
    }
};

QTEST_GUILESS_MAIN(TestContainerManager)
#include "tst_containermanager.moc"
