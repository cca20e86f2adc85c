// SPDX-License-Identifier: GPL-3.0-or-later
// The portal server against a scripted backend, with real QLocalSocket clients.
#include "DescriptorHoard.h"
#include "portal/PortalClient.h"
#include "portal/PortalProtocol.h"
#include "portal/PortalServer.h"

#include <QElapsedTimer>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLocalServer>
#include <QLocalSocket>
#include <QTemporaryDir>
#include <QtConcurrent>
#include <QtTest>

#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/un.h>
#include <unistd.h>

#include <cstring>

using namespace orion::portal;

namespace {

class FakeBackend : public PortalBackend {
public:
    QList<PortalSendRequest> sent;

    QJsonObject portalStatus() override {
        return {{QStringLiteral("node_id"), QString(40, u'a')},
                {QStringLiteral("agent"), QStringLiteral("orion/test")}};
    }
    QJsonArray portalPeers() override {
        return {QJsonObject{{QStringLiteral("node_id"), QString(40, u'b')}}};
    }
    void portalSend(const PortalSendRequest &request, PortalReplyFn reply) override {
        sent.append(request);
        if (request.service == u"refuse") {
            reply(PortalReply::failure(PortalProtocol::kRefused, QStringLiteral("no route")));
            return;
        }
        reply(PortalReply::success({{QStringLiteral("message_id"), QString(32, u'c')}}));
    }
    PortalReply portalExportMember(const QJsonObject &) override {
        return PortalReply::success(
            {{QStringLiteral("member"), QJsonObject{{QStringLiteral("v"), 1}}}});
    }
    PortalReply portalImportMember(const QJsonObject &member) override {
        if (!member.contains(QStringLiteral("v"))) {
            return PortalReply::failure(PortalProtocol::kBadRequest, QStringLiteral("bad member"));
        }
        return PortalReply::success();
    }
};

// Runs blocking client code on a worker while this thread keeps serving the portal.
template <typename F>
auto offThread(F &&f) {
    auto future = QtConcurrent::run(std::forward<F>(f));
    while (!future.isFinished()) {
        QCoreApplication::processEvents(QEventLoop::AllEvents, 5);
    }
    return future.result();
}

// Writes raw bytes and reads one reply line, without the client library.
QJsonObject rawExchange(const QString &path, const QByteArray &bytes, bool *closed = nullptr) {
    QLocalSocket socket;
    socket.connectToServer(path);
    if (!socket.waitForConnected(3000)) {
        return {};
    }
    socket.write(bytes);
    socket.flush();
    QByteArray line;
    while (!line.contains('\n') && (socket.waitForReadyRead(3000) || socket.bytesAvailable())) {
        line += socket.readAll();
    }
    if (closed) {
        socket.waitForDisconnected(3000);
        *closed = socket.state() == QLocalSocket::UnconnectedState;
    }
    return QJsonDocument::fromJson(line.left(line.indexOf('\n'))).object();
}

} // namespace

class TestPortalServer : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    FakeBackend m_backend;
    std::unique_ptr<PortalServer> m_server;
    QString m_path;

private Q_SLOTS:
    void init() {
        m_backend.sent.clear();
        m_server = std::make_unique<PortalServer>(&m_backend);
        m_path = m_dir.filePath(QStringLiteral("portal.sock"));
        const auto status = m_server->listen(m_path);
        QVERIFY2(status.ok(), qPrintable(status.ok() ? QString() : status.error()));
    }
    void cleanup() { m_server.reset(); }

    void socketIsOwnerOnly() {
        struct stat st {};
        QCOMPARE(::stat(QFile::encodeName(m_path).constData(), &st), 0);
        QVERIFY(S_ISSOCK(st.st_mode));
        QCOMPARE(int(st.st_mode & 0777), 0600);
    }

    void socketPathDependsOnProfile() {
        const QString a = PortalServer::socketPathFor(QStringLiteral("/tmp/profile-a"));
        const QString b = PortalServer::socketPathFor(QStringLiteral("/tmp/profile-b"));
        QVERIFY(a != b);
        QCOMPARE(PortalServer::socketPathFor(QStringLiteral("/tmp/profile-a")), a);
        QVERIFY(a.size() < 100); // sockaddr_un limit
    }

    void helloStatusPeers() {
        const QString path = m_path;
        const auto results = offThread([path] {
            PortalClient client;
            QStringList out;
            if (!client.connectToNode(path)) {
                return out;
            }
            auto hello = client.request(
                QStringLiteral("hello"),
                {{QStringLiteral("version"), 1}, {QStringLiteral("client"), QStringLiteral("t")}});
            out << (hello ? QString::number(hello->value(QStringLiteral("version")).toInt())
                          : hello.error());
            auto status = client.request(QStringLiteral("status"));
            out << (status ? status->value(QStringLiteral("node_id")).toString() : status.error());
            auto peers = client.request(QStringLiteral("peers"));
            out << (peers ? QString::number(peers->value(QStringLiteral("peers")).toArray().size())
                          : peers.error());
            auto bad = client.request(QStringLiteral("hello"), {{QStringLiteral("version"), 99}});
            out << (bad ? QStringLiteral("accepted") : client.lastErrorCode());
            return out;
        });
        QCOMPARE(results, (QStringList{QStringLiteral("1"), QString(40, u'a'), QStringLiteral("1"),
                                       PortalProtocol::kUnsupportedVersion}));
    }

    void malformedJsonKeepsConnectionUsable() {
        const QString path = m_path;
        const auto out = offThread([path] {
            QLocalSocket socket;
            socket.connectToServer(path);
            socket.waitForConnected(3000);
            socket.write("{this is not json\n{\"id\":7,\"type\":\"status\"}\n");
            socket.flush();
            QByteArray data;
            while (data.count('\n') < 2 && socket.waitForReadyRead(3000)) {
                data += socket.readAll();
            }
            return data;
        });
        const QList<QByteArray> lines = out.split('\n');
        QVERIFY(lines.size() >= 2);
        const QJsonObject first = QJsonDocument::fromJson(lines[0]).object();
        QCOMPARE(first.value(QStringLiteral("ok")).toBool(true), false);
        QCOMPARE(first.value(QStringLiteral("error"))
                     .toObject()
                     .value(QStringLiteral("code"))
                     .toString(),
                 PortalProtocol::kBadJson);
        const QJsonObject second = QJsonDocument::fromJson(lines[1]).object();
        QCOMPARE(second.value(QStringLiteral("id")).toInt(), 7);
        QCOMPARE(second.value(QStringLiteral("ok")).toBool(), true);
    }

    void nonObjectAndMissingTypeAreErrors() {
        const QString path = m_path;
        const auto a = offThread([path] { return rawExchange(path, "[1,2,3]\n"); });
        QCOMPARE(
            a.value(QStringLiteral("error")).toObject().value(QStringLiteral("code")).toString(),
            PortalProtocol::kBadRequest);
        const auto b = offThread([path] { return rawExchange(path, "{\"id\":3}\n"); });
        QCOMPARE(b.value(QStringLiteral("id")).toInt(), 3);
        QCOMPARE(
            b.value(QStringLiteral("error")).toObject().value(QStringLiteral("code")).toString(),
            PortalProtocol::kBadRequest);
    }

    void unknownTypeIsAnError() {
        const QString path = m_path;
        const auto reply = offThread(
            [path] { return rawExchange(path, "{\"id\":\"x\",\"type\":\"teleport\"}\n"); });
        QCOMPARE(reply.value(QStringLiteral("id")).toString(), QStringLiteral("x"));
        QCOMPARE(reply.value(QStringLiteral("error"))
                     .toObject()
                     .value(QStringLiteral("code"))
                     .toString(),
                 PortalProtocol::kUnknownType);
        QVERIFY(reply.value(QStringLiteral("error"))
                    .toObject()
                    .value(QStringLiteral("message"))
                    .toString()
                    .contains(QStringLiteral("teleport")));
    }

    void oversizedLineClosesConnection() {
        const QString path = m_path;
        bool closed = false;
        const QByteArray big = "{\"id\":1,\"type\":\"status\",\"pad\":\"" +
                               QByteArray(PortalProtocol::kMaxLineBytes + 10, 'x') + "\"}\n";
        const auto reply =
            offThread([path, big, &closed] { return rawExchange(path, big, &closed); });
        QCOMPARE(reply.value(QStringLiteral("error"))
                     .toObject()
                     .value(QStringLiteral("code"))
                     .toString(),
                 PortalProtocol::kTooLarge);
        QVERIFY(closed);
        QTRY_COMPARE(m_server->sessionCount(), 0);
    }

    void disconnectMidLineLeaksNothing() {
        const QString path = m_path;
        offThread([path] {
            for (int i = 0; i < 20; ++i) {
                QLocalSocket socket;
                socket.connectToServer(path);
                socket.waitForConnected(3000);
                socket.write("{\"id\":1,\"type\":\"sta");
                socket.flush();
                socket.disconnectFromServer();
            }
            return 0;
        });
        QTRY_COMPARE(m_server->sessionCount(), 0);
    }

    void registerSendAndEvents() {
        const QString path = m_path;
        PortalServer *server = m_server.get();
        std::atomic<bool> registered = false;
        auto future = QtConcurrent::run([path, &registered] {
            PortalClient client;
            QStringList out;
            client.connectToNode(path);
            auto reg = client.request(QStringLiteral("register"),
                                      {{QStringLiteral("service"), QStringLiteral("chat")}});
            out << (reg ? reg->value(QStringLiteral("service")).toString() : reg.error());
            registered = true;
            auto event = client.waitForEvent(5000);
            out << (event ? event->value(QStringLiteral("body")).toString()
                          : QStringLiteral("no event"));
            return out;
        });
        QTRY_VERIFY(registered.load());
        QTRY_VERIFY(server->hasService(QStringLiteral("chat")));
        QVERIFY(!server->deliver(QStringLiteral("nobody"), {}));
        QVERIFY(server->deliver(QStringLiteral("chat"),
                                {{QStringLiteral("event"), QStringLiteral("message")},
                                 {QStringLiteral("body"), QStringLiteral("hi")}}));
        while (!future.isFinished()) {
            QCoreApplication::processEvents(QEventLoop::AllEvents, 5);
        }
        QCOMPARE(future.result(), (QStringList{QStringLiteral("chat"), QStringLiteral("hi")}));
        // the client is gone: its service goes with it
        QTRY_VERIFY(!server->hasService(QStringLiteral("chat")));
    }

    void registerConflictsAndBadNames() {
        const QString path = m_path;
        const auto out = offThread([path] {
            PortalClient a, b;
            a.connectToNode(path);
            b.connectToNode(path);
            QStringList codes;
            auto first = a.request(QStringLiteral("register"),
                                   {{QStringLiteral("service"), QStringLiteral("svc")}});
            codes << (first ? QStringLiteral("ok") : a.lastErrorCode());
            auto second = b.request(QStringLiteral("register"),
                                    {{QStringLiteral("service"), QStringLiteral("svc")}});
            codes << (second ? QStringLiteral("ok") : b.lastErrorCode());
            auto bad = b.request(QStringLiteral("register"),
                                 {{QStringLiteral("service"), QStringLiteral("no spaces")}});
            codes << (bad ? QStringLiteral("ok") : b.lastErrorCode());
            auto unreg = b.request(QStringLiteral("unregister"),
                                   {{QStringLiteral("service"), QStringLiteral("svc")}});
            codes << (unreg ? QStringLiteral("ok") : b.lastErrorCode());
            return codes;
        });
        QCOMPARE(out, (QStringList{QStringLiteral("ok"), PortalProtocol::kConflict,
                                   PortalProtocol::kBadRequest, PortalProtocol::kNotFound}));
    }

    void sendValidatesAndForwards() {
        const QString path = m_path;
        const auto out = offThread([path] {
            PortalClient client;
            client.connectToNode(path);
            QStringList r;
            auto ok =
                client.request(QStringLiteral("send"),
                               {{QStringLiteral("target"), QString(40, u'd')},
                                {QStringLiteral("service"), QStringLiteral("echo")},
                                {QStringLiteral("body"), QJsonObject{{QStringLiteral("n"), 1}}}});
            r << (ok ? ok->value(QStringLiteral("message_id")).toString() : ok.error());
            auto badTarget = client.request(
                QStringLiteral("send"),
                {{QStringLiteral("target"), QStringLiteral("xyz")}, {QStringLiteral("body"), 1}});
            r << (badTarget ? QStringLiteral("ok") : client.lastErrorCode());
            auto noBody = client.request(QStringLiteral("send"),
                                         {{QStringLiteral("target"), QString(40, u'd')}});
            r << (noBody ? QStringLiteral("ok") : client.lastErrorCode());
            auto refused = client.request(QStringLiteral("send"),
                                          {{QStringLiteral("target"), QString(40, u'd')},
                                           {QStringLiteral("service"), QStringLiteral("refuse")},
                                           {QStringLiteral("body"), 1}});
            r << (refused ? QStringLiteral("ok") : client.lastErrorCode());
            return r;
        });
        QCOMPARE(out, (QStringList{QString(32, u'c'), PortalProtocol::kBadRequest,
                                   PortalProtocol::kBadRequest, PortalProtocol::kRefused}));
        QCOMPARE(m_backend.sent.size(), 2);
        QCOMPARE(m_backend.sent[0].body.toObject().value(QStringLiteral("n")).toInt(), 1);
        QCOMPARE(m_backend.sent[0].service, QStringLiteral("echo"));
    }

    void memberExportImport() {
        const QString path = m_path;
        const auto out = offThread([path] {
            PortalClient client;
            client.connectToNode(path);
            QStringList r;
            auto ex = client.request(QStringLiteral("member.export"));
            r << (ex ? QString::number(ex->value(QStringLiteral("member"))
                                           .toObject()
                                           .value(QStringLiteral("v"))
                                           .toInt())
                     : ex.error());
            auto im =
                client.request(QStringLiteral("member.import"),
                               {{QStringLiteral("member"), QJsonObject{{QStringLiteral("v"), 1}}}});
            r << (im ? QStringLiteral("ok") : client.lastErrorCode());
            auto bad =
                client.request(QStringLiteral("member.import"), {{QStringLiteral("member"), 3}});
            r << (bad ? QStringLiteral("ok") : client.lastErrorCode());
            return r;
        });
        QCOMPARE(out, (QStringList{QStringLiteral("1"), QStringLiteral("ok"),
                                   PortalProtocol::kBadRequest}));
    }

    void staleSocketIsReplacedAndLiveOneRefused() {
        // A live server on the path: a second one is refused with a clear message.
        PortalServer second(&m_backend);
        const auto refused = second.listen(m_path);
        QVERIFY(!refused.ok());
        QVERIFY(refused.error().contains(QStringLiteral("already")));

        // A stale socket file (its server died without cleaning up) is removed.
        const QString stalePath = m_dir.filePath(QStringLiteral("stale.sock"));
        // A socket file whose server died without cleaning up: bound, then closed.
        const int fd = ::socket(AF_UNIX, SOCK_STREAM, 0);
        QVERIFY(fd >= 0);
        sockaddr_un addr{};
        addr.sun_family = AF_UNIX;
        const QByteArray encoded = QFile::encodeName(stalePath);
        std::memcpy(addr.sun_path, encoded.constData(), size_t(encoded.size()));
        QCOMPARE(::bind(fd, reinterpret_cast<sockaddr *>(&addr), sizeof addr), 0);
        ::close(fd);
        QVERIFY(QFileInfo::exists(stalePath));
        PortalServer third(&m_backend);
        const auto status = third.listen(stalePath);
        QVERIFY2(status.ok(), qPrintable(status.ok() ? QString() : status.error()));
        const QString path = stalePath;
        const bool reachable = offThread([path] {
            PortalClient c;
            return c.connectToNode(path).ok() && c.request(QStringLiteral("status")).ok();
        });
        QVERIFY(reachable);
    }

    // Out of descriptors (a flood of local clients, say), the portal cannot accept for a
    // while; once descriptors are free it serves clients again, at the same path.
    void servesAgainAfterRunningOutOfDescriptors() {
        {
            orion::test::DescriptorHoard hoard;
            QVERIFY(hoard.exhausted());
            hoard.spare();
            QLocalSocket client;
            client.connectToServer(m_path);
            QTRY_VERIFY(client.state() == QLocalSocket::ConnectedState);
            // The portal tries to accept it and fails.
            QTest::qWait(100);
            QCOMPARE(m_server->sessionCount(), 0);
        }
        QTRY_VERIFY_WITH_TIMEOUT(QFileInfo::exists(m_path), 10000);
        const QString path = m_path;
        const bool reachable = offThread([path] {
            PortalClient c;
            return c.connectToNode(path).ok() && c.request(QStringLiteral("status")).ok();
        });
        QVERIFY(reachable);
    }
};

QTEST_GUILESS_MAIN(TestPortalServer)
#include "tst_portalserver.moc"
