// SPDX-License-Identifier: GPL-3.0-or-later
// DirectTcpServer: accepted sockets are unbuffered (writes reach the kernel at once, reads
// come straight from it) and report the end of the stream on read.
#include "net/DirectTcpServer.h"

#include <QTcpSocket>
#include <QtTest>

using namespace orion;

class TestDirectTcpServer : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void acceptedSocketsAreUnbuffered() {
        net::DirectTcpServer server;
        QVERIFY(server.listen(QHostAddress::LocalHost, 0));
        QTcpSocket client;
        client.connectToHost(QHostAddress::LocalHost, server.serverPort());
        QVERIFY(client.waitForConnected(10000));
        QTRY_VERIFY_WITH_TIMEOUT(server.hasPendingConnections(), 10000);
        QTcpSocket *accepted = server.nextPendingConnection();
        QVERIFY(accepted);
        QCOMPARE(accepted->state(), QAbstractSocket::ConnectedState);
        QVERIFY(accepted->openMode().testFlag(QIODevice::Unbuffered));
        QCOMPARE(accepted->peerPort(), client.localPort());

        // Written straight to the kernel: nothing stays queued in the socket.
        const QByteArray hello(100, 'h');
        QCOMPARE(accepted->write(hello), qint64(hello.size()));
        QCOMPARE(accepted->bytesToWrite(), qint64(0));
        QTRY_COMPARE_WITH_TIMEOUT(client.bytesAvailable(), qint64(hello.size()), 10000);
        QCOMPARE(client.readAll(), hello);

        // Read straight from the kernel, then the end of the stream as -1.
        QCOMPARE(client.write("ping"), qint64(4));
        QVERIFY(client.waitForBytesWritten(10000));
        QTRY_COMPARE_WITH_TIMEOUT(accepted->bytesAvailable(), qint64(4), 10000);
        char buffer[16] = {};
        QCOMPARE(accepted->read(buffer, sizeof buffer), qint64(4));
        QCOMPARE(QByteArray(buffer, 4), QByteArray("ping"));
        client.disconnectFromHost();
        qint64 n = 0;
        QTRY_VERIFY_WITH_TIMEOUT((n = accepted->read(buffer, sizeof buffer)) < 0, 10000);
        QCOMPARE(accepted->error(), QAbstractSocket::RemoteHostClosedError);
    }
};

QTEST_GUILESS_MAIN(TestDirectTcpServer)
#include "tst_directtcpserver.moc"
