// SPDX-License-Identifier: GPL-3.0-or-later
// examples/portal_client.py against two real `orion-node run` processes, in every usage its
// help shows: the round trip on one node, a message to another node's service (delivered,
// then done), a reply from a service, and the failures — an unknown target, a reply that
// never comes — each ending in a clear message and a non-zero exit, never a traceback.
#include "NodeProcess.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QtTest>

using orion::test::NodeProcess;

namespace {

struct Run {
    int exitCode = -1; // -1: it did not finish in time (or crashed)
    QString out;
    QString err;
};

} // namespace

class TestPortalClientExample : public QObject {
    Q_OBJECT

    QTemporaryDir m_dir;
    std::unique_ptr<NodeProcess> m_a, m_b;
    QString m_python;

    Run client(const QStringList &args, int timeoutMs = 60000) const {
        QProcess p;
        p.start(m_python, QStringList{QStringLiteral(ORION_SOURCE_DIR "/examples/portal_client.py"),
                                      QStringLiteral("--profile"), m_a->profile()} +
                              args);
        Run r;
        if (!p.waitForFinished(timeoutMs)) {
            p.kill();
            p.waitForFinished(10000);
        } else if (p.exitStatus() == QProcess::NormalExit) {
            r.exitCode = p.exitCode();
        }
        r.out = QString::fromUtf8(p.readAllStandardOutput());
        r.err = QString::fromUtf8(p.readAllStandardError());
        return r;
    }

    // `orionctl listen chat --count 1` on B, once it is registered.
    std::unique_ptr<QProcess> listenOnB() const {
        auto listener = m_b->startCtl({QStringLiteral("listen"), QStringLiteral("chat"),
                                       QStringLiteral("--count"), QStringLiteral("1")});
        QByteArray err;
        for (int i = 0; i < 200 && !err.contains("listening for"); ++i) {
            listener->waitForReadyRead(100);
            err += listener->readAllStandardError();
        }
        return err.contains("listening for") ? std::move(listener) : nullptr;
    }

private Q_SLOTS:
    void initTestCase() {
        m_python = QStandardPaths::findExecutable(QStringLiteral("python3"));
        if (m_python.isEmpty()) {
            QSKIP("python3 is not installed");
        }
        QVERIFY(m_dir.isValid());
        m_a = std::make_unique<NodeProcess>(m_dir.filePath(QStringLiteral("a")));
        m_b = std::make_unique<NodeProcess>(m_dir.filePath(QStringLiteral("b")));
        auto ok = m_a->init();
        QVERIFY2(ok.ok(), ok ? "" : qPrintable(ok.error()));
        ok = m_b->init(m_a->networkKeyFile());
        QVERIFY2(ok.ok(), ok ? "" : qPrintable(ok.error()));
        for (NodeProcess *n : {m_a.get(), m_b.get()}) {
            auto started = n->start();
            QVERIFY2(started.ok(), started ? "" : qPrintable(started.error()));
        }
        auto imported =
            m_b->ctl({QStringLiteral("member"), QStringLiteral("import"), m_a->memberFile()});
        QVERIFY2(imported.ok(), imported ? "" : qPrintable(imported.error()));
        const auto peers = [this] {
            auto out = m_a->ctl({QStringLiteral("peers"), QStringLiteral("--json")});
            return out ? QJsonDocument::fromJson(out->toUtf8())
                             .object()
                             .value(QStringLiteral("peers"))
                             .toArray()
                             .size()
                       : -1;
        };
        QTRY_VERIFY_WITH_TIMEOUT(peers() >= 1, 30000);
    }

    void roundTripOnOneNode() {
        const Run r = client({});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QVERIFY2(r.out.contains(QStringLiteral("registered service py-demo")), qPrintable(r.out));
        QVERIFY2(r.out.contains(QStringLiteral("received: ")), qPrintable(r.out));
        QVERIFY2(r.out.contains(QStringLiteral("hello from python")), qPrintable(r.out));
    }

    void toAnotherNodesServiceIsDeliveredAndEnds() {
        auto listener = listenOnB();
        QVERIFY(listener);
        const Run r = client({QStringLiteral("--target"), m_b->nodeId(),
                              QStringLiteral("--to-service"), QStringLiteral("chat")});
        QVERIFY2(r.exitCode == 0, qPrintable(r.out + r.err));
        QVERIFY2(r.out.contains(QStringLiteral("delivered message")), qPrintable(r.out));
        QVERIFY(listener->waitForFinished(30000));
        const QJsonObject line =
            QJsonDocument::fromJson(listener->readAllStandardOutput()).object();
        QCOMPARE(line.value(QStringLiteral("body")).toObject().value(QStringLiteral("text")),
                 QJsonValue(QStringLiteral("hello from python")));
        QCOMPARE(line.value(QStringLiteral("service")).toString(), QStringLiteral("chat"));
    }

    void aReplyIsWaitedForAndPrinted() {
        // The node's built-in echo service answers with the body.
        const Run r =
            client({QStringLiteral("--target"), m_b->nodeId(), QStringLiteral("--to-service"),
                    QStringLiteral("echo"), QStringLiteral("--body"), QStringLiteral("\"ping?\""),
                    QStringLiteral("--wait-reply")});
        QVERIFY2(r.exitCode == 0, qPrintable(r.out + r.err));
        QVERIFY2(r.out.contains(QStringLiteral("reply: ")), qPrintable(r.out));
        QVERIFY2(r.out.contains(QStringLiteral("\"ping?\"")), qPrintable(r.out));
    }

    void aReplyThatNeverComesEndsAfterTheTimeout() {
        auto listener = listenOnB(); // takes the message, never answers
        QVERIFY(listener);
        const Run r =
            client({QStringLiteral("--target"), m_b->nodeId(), QStringLiteral("--to-service"),
                    QStringLiteral("chat"), QStringLiteral("--wait-reply"),
                    QStringLiteral("--timeout"), QStringLiteral("2")});
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.out.contains(QStringLiteral("delivered message")), qPrintable(r.out));
        QVERIFY2(r.err.contains(QStringLiteral("no reply within 2 s")), qPrintable(r.err));
        QVERIFY(!r.err.contains(QStringLiteral("Traceback")));
        QVERIFY(listener->waitForFinished(30000));
    }

    void anUnknownTargetIsAClearError() {
        const Run r =
            client({QStringLiteral("--target"), QString(40, u'e'), QStringLiteral("--to-service"),
                    QStringLiteral("chat"), QStringLiteral("--timeout"), QStringLiteral("5")});
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.startsWith(QStringLiteral("error: ")), qPrintable(r.err));
        QVERIFY2(!r.err.contains(QStringLiteral("Traceback")), qPrintable(r.err));
        QVERIFY(!r.out.contains(QStringLiteral("delivered")));
    }

    void noServiceAtTheTargetIsAClearError() {
        const Run r = client({QStringLiteral("--target"), m_b->nodeId(),
                              QStringLiteral("--to-service"), QStringLiteral("nobody-here")});
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.startsWith(QStringLiteral("error: ")), qPrintable(r.err));
        QVERIFY2(!r.err.contains(QStringLiteral("Traceback")), qPrintable(r.err));
    }

    void noNodeIsExitCodeTwo() {
        QProcess p;
        p.start(m_python,
                {QStringLiteral(ORION_SOURCE_DIR "/examples/portal_client.py"),
                 QStringLiteral("--socket"), m_dir.filePath(QStringLiteral("none.sock"))});
        QVERIFY(p.waitForFinished(30000));
        QCOMPARE(p.exitCode(), 2);
        const QString err = QString::fromUtf8(p.readAllStandardError());
        QVERIFY2(err.contains(QStringLiteral("cannot reach the node's portal")), qPrintable(err));
    }

    void cleanupTestCase() {
        for (auto *n : {m_b.get(), m_a.get()}) {
            if (n) {
                QVERIFY2(n->stop(), qPrintable(n->log()));
            }
        }
    }
};

QTEST_GUILESS_MAIN(TestPortalClientExample)
#include "tst_portalclientexample.moc"
