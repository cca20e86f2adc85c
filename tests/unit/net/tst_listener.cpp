// SPDX-License-Identifier: GPL-3.0-or-later
// Listener: accepted connections arrive as PeerSockets, and a listener that ran out of
// descriptors (a flood of connections, say) accepts again once descriptors are free.
#include "net/Listener.h"
#include "net/PeerSocket.h"

#include <QTcpSocket>
#include <QtTest>

#include <cerrno>
#include <fcntl.h>
#include <sys/resource.h>
#include <unistd.h>
#include <vector>

using orion::net::Listener;
using orion::net::PeerSocket;

namespace {

// Takes every free descriptor of the process (under a lowered limit) until released.
class DescriptorHoard {
public:
    DescriptorHoard() {
        getrlimit(RLIMIT_NOFILE, &m_saved);
        // A low soft limit keeps the hoard small; the highest open descriptor sets how low.
        rlimit low = m_saved;
        low.rlim_cur = std::min<rlim_t>(m_saved.rlim_cur, rlim_t(highestOpen() + 64));
        setrlimit(RLIMIT_NOFILE, &low);
        for (;;) {
            const int fd = ::open("/dev/null", O_RDONLY | O_CLOEXEC);
            if (fd < 0) {
                m_exhausted = errno == EMFILE;
                break;
            }
            m_fds.push_back(fd);
        }
    }
    ~DescriptorHoard() { release(); }
    DescriptorHoard(const DescriptorHoard &) = delete;
    DescriptorHoard &operator=(const DescriptorHoard &) = delete;

    bool exhausted() const { return m_exhausted; }
    // Frees one descriptor for the caller's own use.
    void spare() {
        if (!m_fds.empty()) {
            ::close(m_fds.back());
            m_fds.pop_back();
        }
    }
    void release() {
        for (const int fd : m_fds) {
            ::close(fd);
        }
        m_fds.clear();
        setrlimit(RLIMIT_NOFILE, &m_saved);
    }

private:
    static int highestOpen() {
        int highest = 0;
        const QDir fds(QStringLiteral("/proc/self/fd"));
        for (const QString &name :
             fds.entryList(QDir::Files | QDir::System | QDir::NoDotAndDotDot)) {
            highest = std::max(highest, name.toInt());
        }
        return highest;
    }

    rlimit m_saved{};
    std::vector<int> m_fds;
    bool m_exhausted = false;
};

} // namespace

class TestListener : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void acceptedConnectionsArriveAsSockets() {
        Listener listener;
        QVERIFY(listener.listen(QHostAddress::LocalHost, 0).ok());
        QVERIFY(listener.port() != 0);
        QList<PeerSocket *> arrived;
        connect(&listener, &Listener::incoming, this,
                [&](PeerSocket *socket) { arrived << socket; });
        QTcpSocket client;
        client.connectToHost(QHostAddress::LocalHost, listener.port());
        QTRY_COMPARE(arrived.size(), 1);
        QVERIFY(arrived.first()->isConnected());
        QCOMPARE(arrived.first()->peerPort(), client.localPort());
    }

    void acceptsAgainAfterRunningOutOfDescriptors() {
        Listener listener;
        QVERIFY(listener.listen(QHostAddress::LocalHost, 0).ok());
        QList<PeerSocket *> arrived;
        connect(&listener, &Listener::incoming, this,
                [&](PeerSocket *socket) { arrived << socket; });

        QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QStringLiteral("accept failed")));
        DescriptorHoard hoard;
        QVERIFY(hoard.exhausted());
        // One descriptor for the client: the kernel completes the connection in the
        // listen queue, and the listener has none left to accept it with.
        hoard.spare();
        QTcpSocket client;
        client.connectToHost(QHostAddress::LocalHost, listener.port());
        QTRY_VERIFY(client.state() == QAbstractSocket::ConnectedState);
        // The listener tries, fails and says so.
        QTest::qWait(100);
        QVERIFY(arrived.isEmpty());

        hoard.release();
        QTRY_COMPARE_WITH_TIMEOUT(arrived.size(), 1, 10000);
        QCOMPARE(arrived.first()->peerPort(), client.localPort());
        // And it goes on accepting.
        QTcpSocket second;
        second.connectToHost(QHostAddress::LocalHost, listener.port());
        QTRY_COMPARE(arrived.size(), 2);
    }
};

QTEST_GUILESS_MAIN(TestListener)
#include "tst_listener.moc"
