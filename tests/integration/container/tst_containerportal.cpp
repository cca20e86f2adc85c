// SPDX-License-Identifier: GPL-3.0-or-later
// The container.* portal requests through a real PortalServer (a backend that forwards its
// extension requests to ContainerPortalHandler), with PortalClient and with orionctl.
#include "TestData.h"
#include "TestKeyWrap.h"
#include "container/ContainerManager.h"
#include "container/ContainerPortalHandler.h"
#include "crypto/Random.h"
#include "portal/PortalClient.h"
#include "portal/PortalServer.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QProcess>
#include <QTemporaryDir>
#include <QtConcurrent>
#include <QtTest>

using namespace orion;
using namespace orion::container;
using namespace orion::portal;

namespace {

class ForwardingBackend : public PortalBackend {
public:
    explicit ForwardingBackend(ContainerPortalHandler *handler)
        : m_handler(handler) {}
    QJsonObject portalStatus() override { return {{QStringLiteral("node_id"), QString(40, u'a')}}; }
    QJsonArray portalPeers() override { return {}; }
    void portalSend(const PortalSendRequest &, PortalReplyFn reply) override {
        reply(PortalReply::failure(QStringLiteral("unavailable"), QStringLiteral("no network")));
    }
    PortalReply portalExportMember(const QJsonObject &) override { return PortalReply::success(); }
    PortalReply portalImportMember(const QJsonObject &) override { return PortalReply::success(); }
    bool portalExtension(const QString &type, const QJsonObject &request,
                         PortalReplyFn reply) override {
        return m_handler->handle(type, request, reply);
    }

private:
    ContainerPortalHandler *m_handler;
};

// Runs blocking client code on a worker while this thread serves the portal.
template <typename F>
auto offThread(F &&f) {
    auto future = QtConcurrent::run(std::forward<F>(f));
    while (!future.isFinished()) {
        QCoreApplication::processEvents(QEventLoop::AllEvents, 5);
    }
    return future.result();
}

struct Answer {
    bool ok = false;
    QJsonObject result;
    QString code;
    QString error;
};

QString example(const QString &name) {
    return QStringLiteral(ORION_SOURCE_DIR "/examples/containers/") + name;
}

QString readText(const QString &path) {
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? QString::fromUtf8(f.readAll()) : QString();
}

struct Run {
    int exitCode = -1;
    QByteArray out;
    QByteArray err;
};

} // namespace

class TestContainerPortal : public QObject {
    Q_OBJECT

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<ContainerManager> m_manager;
    std::unique_ptr<ContainerPortalHandler> m_handler;
    std::unique_ptr<ForwardingBackend> m_backend;
    std::unique_ptr<PortalServer> m_server;
    QString m_socket;

    // Sends requests in order on one connection; one Answer per request.
    QList<Answer> requests(const QList<QPair<QString, QJsonObject>> &list) {
        const QString socket = m_socket;
        return offThread([socket, list] {
            QList<Answer> out;
            PortalClient client;
            if (!client.connectToNode(socket)) {
                return out;
            }
            for (const auto &[type, fields] : list) {
                auto r = client.request(type, fields);
                Answer a;
                a.ok = r.ok();
                if (r) {
                    a.result = *r;
                } else {
                    a.code = client.lastErrorCode();
                    a.error = r.error();
                }
                out.append(a);
            }
            return out;
        });
    }
    Answer request(const QString &type, const QJsonObject &fields = {}) {
        const auto all = requests({{type, fields}});
        return all.isEmpty() ? Answer{} : all.first();
    }
    Run orionctl(const QStringList &args) {
        QProcess p;
        p.start(test::TestData::binary(QStringLiteral("src/cli/orionctl")),
                QStringList{QStringLiteral("container")} + args +
                    QStringList{QStringLiteral("--socket"), m_socket});
        // The portal is served by this thread's event loop, so keep it turning.
        while (p.state() != QProcess::NotRunning) {
            QCoreApplication::processEvents(QEventLoop::AllEvents, 5);
            p.waitForFinished(5);
        }
        return {p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1,
                p.readAllStandardOutput(), p.readAllStandardError()};
    }
    void deliverAndWait(const QString &key, const QString &body, int count) {
        int done = 0;
        auto c = connect(m_manager.get(), &ContainerManager::outcome, this,
                         [&](const ContainerOutcome &) { ++done; });
        for (int i = 0; i < count; ++i) {
            ContainerMessage m;
            m.messageId = crypto::Random::bytes(16);
            m.container = *identity::Key160::fromHex(key);
            m.source = identity::Key160::random();
            m.origin = m.source;
            m.body = body;
            m_manager->deliver(m);
        }
        QTRY_COMPARE_WITH_TIMEOUT(done, count, 20000);
        disconnect(c);
    }

private Q_SLOTS:
    void init() {
        m_dir = std::make_unique<QTemporaryDir>();
        QVERIFY(m_dir->isValid());
        ContainerManager::Options o;
        o.containersDirectory = m_dir->filePath(QStringLiteral("containers"));
        o.databasePath = m_dir->filePath(QStringLiteral("orion.sqlite"));
        o.keyWrap = test::TestKeyWrap::make();
        m_manager = std::make_unique<ContainerManager>(o);
        QVERIFY(m_manager->open().ok());
        m_handler = std::make_unique<ContainerPortalHandler>(m_manager.get());
        m_backend = std::make_unique<ForwardingBackend>(m_handler.get());
        m_server = std::make_unique<PortalServer>(m_backend.get());
        m_socket = m_dir->filePath(QStringLiteral("portal.sock"));
        QVERIFY(m_server->listen(m_socket).ok());
    }
    void cleanup() {
        m_server.reset();
        m_backend.reset();
        m_handler.reset();
        m_manager.reset();
        m_dir.reset();
    }

    void createListAndErrors() {
        const QString counter = readText(example(QStringLiteral("counter.ns")));
        const auto answers = requests({
            {QStringLiteral("container.create"),
             {{QStringLiteral("name"), QStringLiteral("counter")},
              {QStringLiteral("source"), counter},
              {QStringLiteral("allow"), QJsonArray{QStringLiteral("chat")}}}},
            {QStringLiteral("container.create"),
             {{QStringLiteral("name"), QStringLiteral("counter")},
              {QStringLiteral("source"), counter}}},
            {QStringLiteral("container.create"),
             {{QStringLiteral("name"), QStringLiteral("Bad Name")},
              {QStringLiteral("source"), counter}}},
            {QStringLiteral("container.create"),
             {{QStringLiteral("name"), QStringLiteral("typo")},
              {QStringLiteral("source"),
               QStringLiteral("(defun main ()\n  (reply (upcasee MESSAGE)))")}}},
            {QStringLiteral("container.create"),
             {{QStringLiteral("name"), QStringLiteral("nosource")}}},
            {QStringLiteral("container.list"), {}},
            {QStringLiteral("container.start"),
             {{QStringLiteral("name"), QStringLiteral("ghost")}}},
        });
        QCOMPARE(answers.size(), 7);
        QVERIFY2(answers[0].ok, qPrintable(answers[0].error));
        const QString key = answers[0].result.value(QStringLiteral("key")).toString();
        QCOMPARE(key.size(), 40);
        QCOMPARE(answers[0].result.value(QStringLiteral("version")).toInt(), 1);
        QCOMPARE(answers[0].result.value(QStringLiteral("public_key")).toString().size(), 64);
        QCOMPARE(answers[1].code, QStringLiteral("conflict"));
        QCOMPARE(answers[2].code, QStringLiteral("bad_request"));
        QCOMPARE(answers[3].code, QStringLiteral("compile_error"));
        QVERIFY2(answers[3].error.contains(
                     QStringLiteral("main.ns:2:11: error: unknown function 'upcasee'")),
                 qPrintable(answers[3].error));
        QCOMPARE(answers[4].code, QStringLiteral("bad_request"));
        const QJsonArray list = answers[5].result.value(QStringLiteral("containers")).toArray();
        QCOMPARE(list.size(), 1);
        const QJsonObject c = list[0].toObject();
        QCOMPARE(c.value(QStringLiteral("name")).toString(), QStringLiteral("counter"));
        QCOMPARE(c.value(QStringLiteral("key")).toString(), key);
        QCOMPARE(c.value(QStringLiteral("state")).toString(), QStringLiteral("running"));
        QCOMPARE(
            c.value(QStringLiteral("allow")).toObject().value(QStringLiteral("services")).toArray(),
            QJsonArray{QStringLiteral("chat")});
        QCOMPARE(answers[6].code, QStringLiteral("not_found"));
    }

    void lifecycleLogsAndData() {
        const auto created =
            request(QStringLiteral("container.create"),
                    {{QStringLiteral("name"), QStringLiteral("counter")},
                     {QStringLiteral("source"), readText(example(QStringLiteral("counter.ns")))}});
        QVERIFY(created.ok);
        const QString key = created.result.value(QStringLiteral("key")).toString();
        deliverAndWait(key, QStringLiteral("tick"), 5);
        auto answers = requests({
            {QStringLiteral("container.data"),
             {{QStringLiteral("name"), QStringLiteral("counter")}}},
            {QStringLiteral("container.logs"),
             {{QStringLiteral("name"), QStringLiteral("counter")}}},
            {QStringLiteral("container.update"),
             {{QStringLiteral("name"), QStringLiteral("counter")},
              {QStringLiteral("source"), readText(example(QStringLiteral("echo.ns")))}}},
            {QStringLiteral("container.update"),
             {{QStringLiteral("name"), QStringLiteral("counter")},
              {QStringLiteral("source"), QStringLiteral("(")}}},
            {QStringLiteral("container.stop"),
             {{QStringLiteral("name"), QStringLiteral("counter")}}},
            {QStringLiteral("container.start"),
             {{QStringLiteral("name"), QStringLiteral("counter")}}},
            {QStringLiteral("container.logs"),
             {{QStringLiteral("name"), QStringLiteral("counter")}, {QStringLiteral("since"), 1}}},
            {QStringLiteral("container.logs"),
             {{QStringLiteral("name"), QStringLiteral("counter")},
              {QStringLiteral("since"), QStringLiteral("x")}}},
        });
        QCOMPARE(answers.size(), 8);
        QCOMPARE(answers[0].result.value(QStringLiteral("data")).toObject(),
                 (QJsonObject{{QStringLiteral("count"), 5}}));
        const QJsonObject logs = answers[1].result;
        QCOMPARE(logs.value(QStringLiteral("counters"))
                     .toObject()
                     .value(QStringLiteral("messages_in"))
                     .toInt(),
                 5);
        QCOMPARE(logs.value(QStringLiteral("counters"))
                     .toObject()
                     .value(QStringLiteral("replies"))
                     .toInt(),
                 5);
        QCOMPARE(logs.value(QStringLiteral("entries"))
                     .toArray()
                     .first()
                     .toObject()
                     .value(QStringLiteral("text"))
                     .toString(),
                 QStringLiteral("created, version 1"));
        QCOMPARE(answers[2].result.value(QStringLiteral("version")).toInt(), 2);
        QCOMPARE(answers[3].code, QStringLiteral("compile_error"));
        QCOMPARE(answers[4].result.value(QStringLiteral("state")).toString(),
                 QStringLiteral("stopped"));
        QCOMPARE(answers[5].result.value(QStringLiteral("state")).toString(),
                 QStringLiteral("running"));
        QStringList texts;
        for (const auto &e : answers[6].result.value(QStringLiteral("entries")).toArray()) {
            QVERIFY(e.toObject().value(QStringLiteral("id")).toInt() > 1);
            texts << e.toObject().value(QStringLiteral("text")).toString();
        }
        QCOMPARE(texts, (QStringList{QStringLiteral("updated to version 2"),
                                     QStringLiteral("stopped"), QStringLiteral("started")}));
        QCOMPARE(answers[7].code, QStringLiteral("bad_request"));
        answers = requests({
            {QStringLiteral("container.remove"),
             {{QStringLiteral("name"), QStringLiteral("counter")}}},
            {QStringLiteral("container.data"),
             {{QStringLiteral("name"), QStringLiteral("counter")}}},
            {QStringLiteral("container.remove"),
             {{QStringLiteral("name"), QStringLiteral("counter")}}},
            {QStringLiteral("container.list"), {}},
        });
        QVERIFY(answers[0].ok);
        QCOMPARE(answers[1].code, QStringLiteral("not_found"));
        QCOMPARE(answers[2].code, QStringLiteral("not_found"));
        QVERIFY(answers[3].result.value(QStringLiteral("containers")).toArray().isEmpty());
    }

    void orionctlContainerCommands() {
        Run r = orionctl({QStringLiteral("create"), QStringLiteral("counter"),
                          example(QStringLiteral("counter.ns")), QStringLiteral("--allow"),
                          QString(40, u'b'), QStringLiteral("--allow"), QStringLiteral("chat")});
        QVERIFY2(r.exitCode == 0, r.err.constData());
        const QString key = QString::fromUtf8(r.out).trimmed();
        QCOMPARE(key, m_manager->info(QStringLiteral("counter"))->key);
        QCOMPARE(m_manager->info(QStringLiteral("counter"))->allow.senders,
                 QStringList{QString(40, u'b')});
        r = orionctl({QStringLiteral("create"), QStringLiteral("counter"),
                      example(QStringLiteral("echo.ns"))});
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains("already exists"), r.err.constData());

        QVERIFY(m_manager->setAllowList(QStringLiteral("counter"), {}).ok());
        deliverAndWait(key, QStringLiteral("tick"), 3);
        r = orionctl({QStringLiteral("data"), QStringLiteral("counter"), QStringLiteral("--json")});
        QCOMPARE(r.exitCode, 0);
        QCOMPARE(QJsonDocument::fromJson(r.out).object(),
                 (QJsonObject{{QStringLiteral("count"), 3}}));
        r = orionctl({QStringLiteral("data"), QStringLiteral("counter")});
        QCOMPARE(QString::fromUtf8(r.out), QStringLiteral("count = 3\n"));

        r = orionctl({QStringLiteral("list"), QStringLiteral("--json")});
        QCOMPARE(r.exitCode, 0);
        const QJsonArray list =
            QJsonDocument::fromJson(r.out).object().value(QStringLiteral("containers")).toArray();
        QCOMPARE(list.size(), 1);
        QCOMPARE(list[0].toObject().value(QStringLiteral("key")).toString(), key);
        r = orionctl({QStringLiteral("list")});
        QVERIFY2(r.out.contains("counter") && r.out.contains(key.toLatin1()), r.out.constData());

        r = orionctl({QStringLiteral("update"), QStringLiteral("counter"),
                      example(QStringLiteral("echo.ns"))});
        QCOMPARE(QString::fromUtf8(r.out), QStringLiteral("counter: version 2\n"));
        r = orionctl({QStringLiteral("stop"), QStringLiteral("counter")});
        QCOMPARE(QString::fromUtf8(r.out), QStringLiteral("counter: stopped\n"));
        QVERIFY(!m_manager->info(QStringLiteral("counter"))->enabled);
        r = orionctl({QStringLiteral("start"), QStringLiteral("counter")});
        QCOMPARE(QString::fromUtf8(r.out), QStringLiteral("counter: running\n"));

        r = orionctl({QStringLiteral("logs"), QStringLiteral("counter"), QStringLiteral("--json")});
        QCOMPARE(r.exitCode, 0);
        QStringList texts;
        for (const QByteArray &line : r.out.split('\n')) {
            if (!line.isEmpty()) {
                texts << QJsonDocument::fromJson(line)
                             .object()
                             .value(QStringLiteral("text"))
                             .toString();
            }
        }
        QCOMPARE(texts, (QStringList{QStringLiteral("created, version 1"),
                                     QStringLiteral("updated to version 2"),
                                     QStringLiteral("stopped"), QStringLiteral("started")}));
        r = orionctl({QStringLiteral("logs"), QStringLiteral("counter"), QStringLiteral("--since"),
                      QStringLiteral("3")});
        QCOMPARE(r.out.count('\n'), 1);
        QVERIFY(r.out.contains("started"));

        r = orionctl({QStringLiteral("remove"), QStringLiteral("counter")});
        QCOMPARE(QString::fromUtf8(r.out), QStringLiteral("removed counter\n"));
        QVERIFY(!m_manager->info(QStringLiteral("counter")).ok());
        r = orionctl({QStringLiteral("logs"), QStringLiteral("counter")});
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains("not_found"), r.err.constData());
        r = orionctl({QStringLiteral("frobnicate")});
        QCOMPARE(r.exitCode, 2);
    }
};

QTEST_GUILESS_MAIN(TestContainerPortal)
#include "tst_containerportal.moc"
