// SPDX-License-Identifier: GPL-3.0-or-later
// PeerSocket against plain Qt sockets on loopback: connect, refusal, exchange, backpressure,
// end of stream, a graceful finish that still delivers the queue, and accepted descriptors.
#include "net/AcceptServer.h"
#include "net/PeerSocket.h"

#include <QPointer>
#include <QTcpServer>
#include <QTcpSocket>
#include <QtTest>

using orion::net::AcceptServer;
using orion::net::PeerSocket;

namespace {

class Events : public PeerSocket::Handler {
public:
    void socketConnected() override { ++connected; }
    void socketReadable() override { ++readable; }
    void socketWritten() override { ++written; }
    void socketFailed() override { ++failed; }

    int connected = 0;
    int readable = 0;
    int written = 0;
    int failed = 0;
};

// Everything the socket has to give right now; -1 once the stream ended.
qint64 drain(PeerSocket *socket, QByteArray &into) {
    char buffer[8192];
    for (;;) {
        const qint64 n = socket->read(buffer, sizeof buffer);
        if (n <= 0) {
            return n;
        }
        into.append(buffer, n);
    }
}

QByteArray pattern(qsizetype size) {
    QByteArray bytes(size, Qt::Uninitialized);
    for (qsizetype i = 0; i < size; ++i) {
        bytes[i] = char((i * 131) >> 3);
    }
    return bytes;
}

// A PeerSocket dialled to a QTcpServer on loopback, connected, with the accepted end.
struct DialledPair {
    QTcpServer server;
    Events events;
    QPointer<PeerSocket> socket;
    QTcpSocket *remote = nullptr;

    // False (with the failure recorded) if it could not connect.
    bool open(QObject *parent) {
        if (!server.listen(QHostAddress::LocalHost)) {
            return false;
        }
        socket = PeerSocket::dial(QHostAddress::LocalHost, server.serverPort(), parent);
        socket->setHandler(&events);
        if (!QTest::qWaitFor(
                [&] { return events.connected == 1 && server.hasPendingConnections(); }, 10000)) {
            return false;
        }
        remote = server.nextPendingConnection();
        return remote != nullptr;
    }
};

} // namespace

class TestPeerSocket : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void dialConnectsAndExchanges() {
        QTcpServer server;
        QVERIFY(server.listen(QHostAddress::LocalHost));
        Events events;
        PeerSocket *socket = PeerSocket::dial(QHostAddress::LocalHost, server.serverPort(), this);
        socket->setHandler(&events);
        QVERIFY(!socket->isConnected()); // reported on a later turn, never from dial()
        QTRY_COMPARE(events.connected, 1);
        QVERIFY(socket->isConnected());
        QCOMPARE(socket->peerPort(), server.serverPort());
        QTRY_VERIFY(server.hasPendingConnections());
        QTcpSocket *remote = server.nextPendingConnection();

        socket->write("hello", 5);
        QCOMPARE(socket->bytesToWrite(), 0);
        QTRY_COMPARE(remote->bytesAvailable(), 5);
        QCOMPARE(remote->readAll(), QByteArray("hello"));

        remote->write("world");
        QTRY_VERIFY(events.readable > 0);
        QByteArray got;
        QCOMPARE(drain(socket, got), 0);
        QCOMPARE(got, QByteArray("world"));

        // The remote end closes: the stream ends with -1 and a reason.
        remote->close();
        QTRY_VERIFY(events.readable > 1);
        got.clear();
        QCOMPARE(drain(socket, got), -1);
        QVERIFY(socket->errorString().contains(QStringLiteral("closed")));
        QCOMPARE(events.failed, 0);
        delete socket;
    }

    void dialsIpv6() {
        QTcpServer server;
        if (!server.listen(QHostAddress::LocalHostIPv6)) {
            QSKIP("no IPv6 loopback on this machine");
        }
        Events events;
        PeerSocket *socket =
            PeerSocket::dial(QHostAddress::LocalHostIPv6, server.serverPort(), this);
        socket->setHandler(&events);
        QTRY_COMPARE(events.connected, 1);
        QTRY_VERIFY(server.hasPendingConnections());
        QTcpSocket *remote = server.nextPendingConnection();
        QCOMPARE(remote->peerAddress(), QHostAddress(QHostAddress::LocalHostIPv6));
        socket->write("six", 3);
        QTRY_COMPARE(remote->bytesAvailable(), 3);
        QCOMPARE(remote->readAll(), QByteArray("six"));
        delete socket;
    }

    void refusedConnectFails() {
        quint16 port = 0;
        {
            QTcpServer probe;
            QVERIFY(probe.listen(QHostAddress::LocalHost));
            port = probe.serverPort();
        }
        Events events;
        PeerSocket *socket = PeerSocket::dial(QHostAddress::LocalHost, port, this);
        socket->setHandler(&events);
        QCOMPARE(events.failed, 0);
        QTRY_COMPARE(events.failed, 1);
        QCOMPARE(events.connected, 0);
        QVERIFY2(socket->errorString().contains(QStringLiteral("refused")),
                 qPrintable(socket->errorString()));
        char byte = 0;
        QCOMPARE(socket->read(&byte, 1), -1);
        delete socket;
    }

    void anAddressIsRequired() {
        Events events;
        PeerSocket *socket = PeerSocket::dial(QHostAddress(), 7400, this);
        socket->setHandler(&events);
        QTRY_COMPARE(events.failed, 1);
        QVERIFY(socket->errorString().contains(QStringLiteral("not an IP address")));
        delete socket;
    }

    void queueHoldsWhatTheKernelRefusesAndDrains() {
        DialledPair pair;
        QVERIFY(pair.open(this));
        PeerSocket *socket = pair.socket;
        QTcpSocket *remote = pair.remote;
        Events &events = pair.events;

        // Far more than loopback's socket buffers hold while nobody reads.
        const QByteArray bytes = pattern(32 * 1024 * 1024);
        for (qsizetype at = 0; at < bytes.size(); at += 1024 * 1024) {
            socket->write(bytes.constData() + at, 1024 * 1024);
        }
        QVERIFY(socket->bytesToWrite() > 0);
        QCOMPARE(events.written, 0);

        QByteArray received;
        QTRY_VERIFY_WITH_TIMEOUT(
            (received.append(remote->readAll()), received.size() == bytes.size()), 30000);
        QCOMPARE(received, bytes);
        QCOMPARE(socket->bytesToWrite(), 0);
        QVERIFY(events.written > 0);
        QCOMPARE(events.failed, 0);
        delete socket;
    }

    void finishDeliversTheQueueThenCloses() {
        DialledPair pair;
        QVERIFY(pair.open(this));
        QPointer<PeerSocket> socket = pair.socket;
        QTcpSocket *remote = pair.remote;
        Events &events = pair.events;

        const QByteArray bytes = pattern(16 * 1024 * 1024);
        socket->write(bytes.constData(), bytes.size());
        QVERIFY(socket->bytesToWrite() > 0);
        socket->finish(std::chrono::milliseconds(30000));

        QByteArray received;
        QTRY_VERIFY_WITH_TIMEOUT(
            (received.append(remote->readAll()), received.size() == bytes.size()), 30000);
        QCOMPARE(received, bytes);
        // After the last byte the write side is shut down: the remote end sees the end.
        QTRY_COMPARE_WITH_TIMEOUT(remote->state(), QAbstractSocket::UnconnectedState, 10000);
        // Once the remote end closed as well, the socket is gone; its handler heard nothing.
        QTRY_VERIFY_WITH_TIMEOUT(socket.isNull(), 10000);
        QCOMPARE(events.readable, 0);
        QCOMPARE(events.failed, 0);
    }

    void lingerBoundsAFinish() {
        DialledPair pair;
        QVERIFY(pair.open(this));
        QPointer<PeerSocket> socket = pair.socket;
        QTcpSocket *remote = pair.remote;
        // The remote end never reads nor closes: the queue cannot drain.
        const QByteArray bytes = pattern(32 * 1024 * 1024);
        socket->write(bytes.constData(), bytes.size());
        QVERIFY(socket->bytesToWrite() > 0);
        socket->finish(std::chrono::milliseconds(200));
        QTRY_VERIFY_WITH_TIMEOUT(socket.isNull(), 10000);
        QVERIFY(remote->state() != QAbstractSocket::UnconnectedState ||
                remote->bytesAvailable() > 0);
    }

    void adoptedDescriptorKnowsItsPeer() {
        QList<qintptr> accepted;
        AcceptServer server([&](qintptr descriptor) { accepted.append(descriptor); });
        QVERIFY(server.listen(QHostAddress::LocalHost));
        QTcpSocket client;
        client.connectToHost(QHostAddress::LocalHost, server.serverPort());
        QVERIFY(client.waitForConnected(10000));
        QTRY_COMPARE(accepted.size(), 1);

        Events events;
        PeerSocket *socket = PeerSocket::adopt(accepted.first(), this);
        QVERIFY(socket);
        socket->setHandler(&events);
        QVERIFY(socket->isConnected());
        QCOMPARE(socket->peerAddress(), QHostAddress(QHostAddress::LocalHost));
        QCOMPARE(socket->peerPort(), client.localPort());

        client.write("ping");
        QTRY_VERIFY(events.readable > 0);
        QByteArray got;
        QCOMPARE(drain(socket, got), 0);
        QCOMPARE(got, QByteArray("ping"));
        socket->write("pong", 4);
        QTRY_COMPARE(client.bytesAvailable(), 4);
        QCOMPARE(client.readAll(), QByteArray("pong"));
        delete socket;
    }
};

QTEST_GUILESS_MAIN(TestPeerSocket)
#include "tst_peersocket.moc"
