// SPDX-License-Identifier: GPL-3.0-or-later
// Listener: accepted connections arrive as PeerSockets, and a listener that ran out of
// descriptors (a flood of connections, say) accepts again once descriptors are free.
#include "DescriptorHoard.h"
#include "net/Listener.h"
#include "net/PeerSocket.h"

#include <QTcpSocket>
#include <QtTest>

using orion::net::Listener;
using orion::net::PeerSocket;
using orion::test::DescriptorHoard;

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
        // UndefinedBehaviorSanitizer checks a QDebug's text stream the first time one is
        // written to, and reads memory for that through a pipe; with no descriptor left it
        // cannot, and reports the stream as an invalid object. One write before the hoard
        // lets that check happen while a pipe can still be made.
        QString warmUp;
        QDebug(&warmUp) << "before the descriptors run out";
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
