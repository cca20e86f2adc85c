// SPDX-License-Identifier: GPL-3.0-or-later
// Portal squatting: another local user who creates the socket directory or the socket first.
// "Another user" is uid 65534 (nobody), which the test becomes in a child process; the
// cases that need to switch users are skipped when the test does not run as root.
#include "portal/PortalClient.h"
#include "portal/PortalDirectory.h"
#include "portal/PortalServer.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonObject>
#include <QLocalSocket>
#include <QTemporaryDir>
#include <QtTest>

#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/un.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstring>

using namespace orion;
using portal::PortalDirectory;

namespace {

constexpr uid_t kOtherUser = 65534;

// A child process that becomes kOtherUser, listens at `path`, answers `count` clients with
// one line each and exits. Returns its pid once the socket is listening, or -1.
pid_t impostorAt(const QString &path, int count) {
    int ready[2];
    if (::pipe(ready) != 0) {
        return -1;
    }
    const QByteArray encoded = QFile::encodeName(path);
    const pid_t pid = ::fork();
    if (pid == 0) {
        ::close(ready[0]);
        ::alarm(20); // gone by itself, whatever the test does
        if (::setgid(kOtherUser) != 0 || ::setuid(kOtherUser) != 0) {
            ::_exit(2);
        }
        const int fd = ::socket(AF_UNIX, SOCK_STREAM, 0);
        sockaddr_un address{};
        address.sun_family = AF_UNIX;
        std::memcpy(address.sun_path, encoded.constData(), size_t(encoded.size()));
        if (::bind(fd, reinterpret_cast<const sockaddr *>(&address), sizeof address) != 0 ||
            ::chmod(encoded.constData(), 0777) != 0 || ::listen(fd, 4) != 0) {
            ::_exit(3);
        }
        (void)::write(ready[1], "r", 1);
        for (int i = 0; i < count; ++i) {
            const int client = ::accept(fd, nullptr, nullptr);
            const char line[] = "{\"id\":1,\"ok\":true,\"version\":1}\n";
            (void)::send(client, line, sizeof line - 1, MSG_NOSIGNAL);
            ::close(client);
        }
        ::_exit(0);
    }
    ::close(ready[1]);
    char c = 0;
    const bool ok = pid > 0 && ::read(ready[0], &c, 1) == 1;
    ::close(ready[0]);
    if (!ok && pid > 0) {
        ::waitpid(pid, nullptr, 0);
        return -1;
    }
    return pid;
}

int exitStatusOf(pid_t pid) {
    int status = 0;
    ::waitpid(pid, &status, 0);
    return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

} // namespace

class TestPortalDirectory : public QObject {
    Q_OBJECT

    QTemporaryDir m_tmp;

private Q_SLOTS:
    void initTestCase() {
        QVERIFY(m_tmp.isValid());
        // No runtime directory: the fallback in the temporary directory is what a shared
        // /tmp exposes to other users.
        qunsetenv("XDG_RUNTIME_DIR");
        qputenv("TMPDIR", QFile::encodeName(m_tmp.path()));
    }

    void socketsLiveInADirectoryOfTheUsersOwn() {
        const QString dir = PortalDirectory::path();
        QCOMPARE(dir, m_tmp.path() + QStringLiteral("/orion-%1").arg(::geteuid()));
        QVERIFY(portal::PortalServer::socketPathFor(QStringLiteral("/p")).startsWith(dir + u'/'));
        QVERIFY(PortalDirectory::prepare(dir).ok());
        struct stat st {};
        QCOMPARE(::lstat(QFile::encodeName(dir).constData(), &st), 0);
        QVERIFY(S_ISDIR(st.st_mode));
        QCOMPARE(int(st.st_mode & 0777), 0700);
        QCOMPARE(st.st_uid, ::geteuid());
        QVERIFY(PortalDirectory::prepare(dir).ok()); // again: it exists and is fine
        // With a runtime directory the sockets go into orion/ inside it.
        qputenv("XDG_RUNTIME_DIR", QFile::encodeName(m_tmp.path()));
        QCOMPARE(PortalDirectory::path(), m_tmp.path() + QStringLiteral("/orion"));
        qunsetenv("XDG_RUNTIME_DIR");
        QVERIFY(QDir(dir).removeRecursively());
    }

    void aDirectoryOpenToOthersOrALinkIsRefused() {
        const QString dir = PortalDirectory::path();
        QVERIFY(QDir().mkpath(dir));
        QVERIFY(::chmod(QFile::encodeName(dir).constData(), 0777) == 0);
        auto open = PortalDirectory::prepare(dir);
        QVERIFY(!open.ok());
        QVERIFY2(open.error().contains(QStringLiteral("open to other users (mode 0777)")),
                 qPrintable(open.error()));
        QVERIFY(QDir(dir).removeRecursively());

        QVERIFY(QFile::link(m_tmp.path(), dir));
        auto link = PortalDirectory::prepare(dir);
        QVERIFY(!link.ok());
        QVERIFY2(link.error().contains(QStringLiteral("is not a directory")),
                 qPrintable(link.error()));
        QVERIFY(QFile::remove(dir));
    }

    // Another user creates the directory first and puts a socket in it: the node refuses
    // to use it (before, it removed the "stale" socket or talked to it).
    void aDirectoryOfAnotherUserIsRefused() {
        if (::geteuid() != 0) {
            QSKIP("needs root to act as another user");
        }
        const QString dir = PortalDirectory::path();
        QVERIFY(QDir().mkpath(dir));
        QVERIFY(::chown(QFile::encodeName(dir).constData(), kOtherUser, kOtherUser) == 0);
        QVERIFY(::chmod(QFile::encodeName(dir).constData(), 0700) == 0);
        auto squatted = PortalDirectory::prepare(dir);
        QVERIFY(!squatted.ok());
        QVERIFY2(squatted.error().contains(QStringLiteral("belongs to user 65534")),
                 qPrintable(squatted.error()));
        QVERIFY(QDir(dir).removeRecursively());
    }

    // An impostor of another user serves a socket where a client looks for the node: the
    // client connects (positive control: the impostor answers a plain socket) but the
    // portal client refuses to talk to it.
    void theClientRefusesAnImpostor() {
        if (::geteuid() != 0) {
            QSKIP("needs root to act as another user");
        }
        // A directory both users can write, like /tmp (the one around it may be passed).
        QVERIFY(::chmod(QFile::encodeName(m_tmp.path()).constData(), 0711) == 0);
        QTemporaryDir shared;
        QVERIFY(::chmod(QFile::encodeName(shared.path()).constData(), 01777) == 0);
        const QString path = shared.filePath(QStringLiteral("portal.sock"));
        const pid_t impostor = impostorAt(path, 2);
        QVERIFY(impostor > 0);

        QLocalSocket plain;
        plain.connectToServer(path);
        QVERIFY(plain.waitForConnected(3000));
        QVERIFY(plain.waitForReadyRead(3000));
        QVERIFY(plain.readAll().contains("\"ok\":true"));
        plain.disconnectFromServer();

        portal::PortalClient client;
        auto connected = client.connectToNode(path);
        QVERIFY(!connected.ok());
        QVERIFY2(connected.error().contains(QStringLiteral("not this user's node")) &&
                     connected.error().contains(QStringLiteral("user 65534")),
                 qPrintable(connected.error()));
        QCOMPARE(connected.errorCode(), ErrorCode::Refused);
        QCOMPARE(exitStatusOf(impostor), 0);
    }

    void aClientOfThisUserIsServed() {
        QTemporaryDir dir;
        struct Backend : portal::PortalBackend {
            QJsonObject portalStatus() override {
                return {{QStringLiteral("node_id"), QStringLiteral("x")}};
            }
            QJsonArray portalPeers() override { return {}; }
            void portalSend(const portal::PortalSendRequest &, portal::PortalReplyFn) override {}
            portal::PortalReply portalExportMember(const QJsonObject &) override {
                return portal::PortalReply::success();
            }
            portal::PortalReply portalImportMember(const QJsonObject &) override {
                return portal::PortalReply::success();
            }
        } backend;
        portal::PortalServer server(&backend);
        const QString path = dir.filePath(QStringLiteral("p.sock"));
        QVERIFY(server.listen(path).ok());
        QLocalSocket socket;
        socket.connectToServer(path);
        QVERIFY(socket.waitForConnected(3000));
        socket.write("{\"id\":1,\"type\":\"hello\",\"version\":1}\n");
        QTRY_VERIFY(socket.bytesAvailable() > 0);
        QVERIFY(socket.readAll().contains("\"ok\":true"));
        QVERIFY(PortalDirectory::checkPeer(int(socket.socketDescriptor()), false).ok());
    }
};

QTEST_GUILESS_MAIN(TestPortalDirectory)
#include "tst_portaldirectory.moc"
