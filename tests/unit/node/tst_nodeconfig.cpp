// SPDX-License-Identifier: GPL-3.0-or-later
#include "node/NodeConfig.h"

#include <QFile>
#include <QSettings>
#include <QTemporaryDir>
#include <QtTest>

using orion::node::NodeConfig;

class TestNodeConfig : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    int m_files = 0;

    // A settings file with exactly these lines.
    QString write(const QByteArray &ini) {
        const QString path = m_dir.filePath(QStringLiteral("s%1.ini").arg(++m_files));
        QFile f(path);
        if (!f.open(QIODevice::WriteOnly) || f.write(ini) != ini.size()) {
            qFatal("cannot write %s", qPrintable(path));
        }
        return path;
    }

    orion::Result<NodeConfig> read(const QByteArray &ini) {
        QSettings settings(write(ini), QSettings::IniFormat);
        return NodeConfig::fromSettings(settings);
    }

private Q_SLOTS:
    void emptyFileGivesTheDefaults() {
        const auto c = read("");
        QVERIFY2(c, qPrintable(c ? QString() : c.error()));
        const NodeConfig d;
        QCOMPARE(c->listenPort, d.listenPort);
        QCOMPARE(c->listen, d.listen);
        QCOMPARE(c->maxConnections, d.maxConnections);
        QCOMPARE(c->transport.maxPerAddress, d.transport.maxPerAddress);
        QCOMPARE(c->transport.idleTimeout, d.transport.idleTimeout);
        QCOMPARE(c->providerTtlSecs, d.providerTtlSecs);
        QCOMPARE(c->routedPerSecondPerPeer, d.routedPerSecondPerPeer);
    }

    void everySectionIsRead() {
        const auto c = read("[network]\nport=7411\nlisten=false\nlistenAddress=127.0.0.1\n"
                            "addresses=192.0.2.1:7411, 192.0.2.2:7411\n"
                            "[overlay]\nk=16\nalpha=2\naddressLimits=off\nrequestTimeoutMs=1500\n"
                            "[routing]\nmaxConnections=12\nconnectionIdleMs=250\n"
                            "routedPerSecondPerPeer=500.5\nroutedBurstPerPeer=1000\n"
                            "maxQueuedPerPeer=9\nseenCacheSize=1024\n"
                            "[transport]\nhandshakeTimeoutMs=4000\nidleTimeoutMs=60000\n"
                            "keepAliveIntervalMs=20000\nmaxInbound=40\nmaxPerAddress=3\n"
                            "[providers]\nttlSecs=600\ncacheMs=5000\n");
        QVERIFY2(c, qPrintable(c ? QString() : c.error()));
        QCOMPARE(c->listenPort, quint16(7411));
        QCOMPARE(c->listen, false);
        QCOMPARE(c->listenAddress, QHostAddress(QStringLiteral("127.0.0.1")));
        QCOMPARE(c->advertisedAddresses,
                 QStringList({QStringLiteral("192.0.2.1:7411"), QStringLiteral("192.0.2.2:7411")}));
        QCOMPARE(c->overlay.routing.k, 16);
        QCOMPARE(c->overlay.alpha, 2);
        QCOMPARE(c->overlay.routing.addressLimits, false);
        QCOMPARE(c->overlay.requestTimeoutMs, 1500);
        QCOMPARE(c->maxConnections, 12);
        QCOMPARE(c->connectionIdleMs, 250);
        QCOMPARE(c->routedPerSecondPerPeer, 500.5);
        QCOMPARE(c->routedBurstPerPeer, 1000.0);
        QCOMPARE(c->maxQueuedPerPeer, 9);
        QCOMPARE(c->router.seenCacheSize, 1024);
        QCOMPARE(c->transport.handshakeTimeout, std::chrono::milliseconds(4000));
        QCOMPARE(c->transport.idleTimeout, std::chrono::milliseconds(60000));
        QCOMPARE(c->transport.keepAliveInterval, std::chrono::milliseconds(20000));
        QCOMPARE(c->transport.maxInbound, 40);
        QCOMPARE(c->transport.maxPerAddress, 3);
        QCOMPARE(c->providerTtlSecs, 600);
        QCOMPARE(c->providerCacheMs, 5000);
    }

    void badValuesAreNamed_data() {
        QTest::addColumn<QByteArray>("ini");
        QTest::addColumn<QString>("mentions");
        QTest::newRow("port not a number")
            << QByteArray("[network]\nport=seventy\n") << QStringLiteral("network/port");
        QTest::newRow("port out of range")
            << QByteArray("[network]\nport=70000\n") << QStringLiteral("from 0 to 65535");
        QTest::newRow("empty value") << QByteArray("[routing]\nmaxConnections=\n")
                                     << QStringLiteral("routing/maxConnections");
        QTest::newRow("negative") << QByteArray("[transport]\nmaxPerAddress=-1\n")
                                  << QStringLiteral("at least 0");
        QTest::newRow("boolean") << QByteArray("[network]\nlisten=maybe\n")
                                 << QStringLiteral("true or false");
        QTest::newRow("address") << QByteArray("[network]\nlistenAddress=not.an.ip\n")
                                 << QStringLiteral("IPv4 or IPv6");
        QTest::newRow("rate") << QByteArray("[routing]\nroutedPerSecondPerPeer=0\n")
                              << QStringLiteral("above 0");
        QTest::newRow("k") << QByteArray("[overlay]\nk=0\n") << QStringLiteral("overlay/k");
        QTest::newRow("alpha above k") << QByteArray("[overlay]\nk=4\nalpha=5\n")
                                       << QStringLiteral("must not exceed overlay/k");
        QTest::newRow("keep-alive not below idle")
            << QByteArray("[transport]\nidleTimeoutMs=1000\nkeepAliveIntervalMs=1000\n")
            << QStringLiteral("must be below transport/idleTimeoutMs");
        QTest::newRow("provider ttl")
            << QByteArray("[providers]\nttlSecs=5\n") << QStringLiteral("providers/ttlSecs");
    }

    void badValuesAreNamed() {
        QFETCH(QByteArray, ini);
        QFETCH(QString, mentions);
        const auto c = read(ini);
        QVERIFY(!c);
        QVERIFY2(c.error().contains(mentions), qPrintable(c.error()));
    }
};

QTEST_GUILESS_MAIN(TestNodeConfig)
#include "tst_nodeconfig.moc"
