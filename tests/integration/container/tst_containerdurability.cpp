// SPDX-License-Identifier: GPL-3.0-or-later
// Acknowledged container writes survive kill -9: a child process (this binary, re-invoked
// with --child) feeds a counter and prints an ack after each commit; the parent kills it
// mid-stream and checks the database against the acks.
#include "TestKeyWrap.h"
#include "container/ContainerManager.h"
#include "crypto/Random.h"
#include "util/Json.h"

#include <QProcess>
#include <QTemporaryDir>
#include <QtTest>

#include <cstdio>

using namespace orion;
using namespace orion::container;

namespace {

// Writes "count" and "shadow" in one instance: both or neither may be committed.
const QString kDurableCounter = QStringLiteral("(defun main ()\n"
                                               "  (let n (+ 1 (or (store-get \"count\") 0)))\n"
                                               "  (store-put \"count\" n)\n"
                                               "  (store-put \"shadow\" n)\n"
                                               "  (reply n))\n");

ContainerManager::Options optionsFor(const QString &dir) {
    ContainerManager::Options o;
    o.containersDirectory = dir + QStringLiteral("/containers");
    o.databasePath = dir + QStringLiteral("/orion.sqlite");
    o.keyWrap = test::TestKeyWrap::make();
    return o;
}

// The child: keeps 64 messages in flight to the container "durable" until it is killed, and
// prints "ack N" for every reply — which the manager emits only after the instance's writes
// are committed.
int runChild(const QString &dir) {
    ContainerManager manager(optionsFor(dir));
    if (!manager.open()) {
        return 3;
    }
    const auto info = manager.info(QStringLiteral("durable"));
    if (!info) {
        return 4;
    }
    const auto key = *identity::Key160::fromHex(info->key);
    const auto send = [&manager, key] {
        ContainerMessage m;
        m.messageId = crypto::Random::bytes(16);
        m.container = key;
        m.source = identity::Key160::random();
        m.origin = m.source;
        m.body = QStringLiteral("+1");
        manager.deliver(m);
    };
    QObject::connect(
        &manager, &ContainerManager::replyRequested,
        [](const identity::Key160 &, const ContainerMessage &, const QJsonValue &body) {
            const QByteArray line = "ack " + util::Json::text(body).toUtf8() + "\n";
            std::fwrite(line.constData(), 1, size_t(line.size()), stdout);
            std::fflush(stdout);
        });
    QObject::connect(&manager, &ContainerManager::outcome,
                     [&](const ContainerOutcome &) { send(); });
    for (int i = 0; i < 64; ++i) {
        send();
    }
    return QCoreApplication::exec();
}

} // namespace

class TestContainerDurability : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void acknowledgedIncrementsSurviveKill9() {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        {
            ContainerManager m(optionsFor(dir.path()));
            QVERIFY(m.open().ok());
            QVERIFY(m.create(QStringLiteral("durable"), kDurableCounter).ok());
        }
        constexpr int kKillAfter = 300;
        QProcess child;
        child.setProcessChannelMode(QProcess::SeparateChannels);
        child.start(QCoreApplication::applicationFilePath(),
                    {QStringLiteral("--child"), dir.path()});
        QVERIFY(child.waitForStarted(10000));
        QByteArray out;
        while (out.count('\n') < kKillAfter) {
            QVERIFY2(child.state() == QProcess::Running || child.bytesAvailable(),
                     child.readAllStandardError().constData());
            child.waitForReadyRead(1000);
            out += child.readAllStandardOutput();
        }
        child.kill(); // SIGKILL: no destructor, no flush, no orderly close of the database
        QVERIFY(child.waitForFinished(10000));
        QCOMPARE(child.exitStatus(), QProcess::CrashExit);
        out += child.readAllStandardOutput();

        // Acks are the counts in order: 1, 2, 3, ...
        int acks = 0;
        for (const QByteArray &line : out.split('\n')) {
            if (line.isEmpty()) {
                continue;
            }
            QCOMPARE(line, QByteArray("ack ") + QByteArray::number(acks + 1));
            ++acks;
        }
        QVERIFY(acks >= kKillAfter);

        ContainerManager reopened(optionsFor(dir.path()));
        QVERIFY(reopened.open().ok());
        const ContainerManager::Data data = *reopened.data(QStringLiteral("durable"));
        const int count = data.value(QStringLiteral("count")).toInt();
        const int shadow = data.value(QStringLiteral("shadow")).toInt();
        // Each instance's two writes were committed together or not at all.
        QCOMPARE(shadow, count);
        // Nothing acknowledged was lost; at most the one increment being acknowledged when
        // the process died is committed without its ack (instances of a container run
        // one after another and the ack follows its commit).
        QVERIFY2(count >= acks,
                 qPrintable(QStringLiteral("count %1 < acks %2").arg(count).arg(acks)));
        QVERIFY2(count <= acks + 1,
                 qPrintable(QStringLiteral("count %1, acks %2").arg(count).arg(acks)));

        // The container goes on counting from there.
        int replies = 0;
        QString last;
        connect(&reopened, &ContainerManager::replyRequested, this,
                [&](const identity::Key160 &, const ContainerMessage &, const QJsonValue &b) {
                    ++replies;
                    last = util::Json::text(b);
                });
        ContainerMessage m;
        m.messageId = crypto::Random::bytes(16);
        m.container = *identity::Key160::fromHex(reopened.info(QStringLiteral("durable"))->key);
        m.source = identity::Key160::random();
        m.body = QStringLiteral("+1");
        reopened.deliver(m);
        QTRY_COMPARE_WITH_TIMEOUT(replies, 1, 10000);
        QCOMPARE(last, QString::number(count + 1));
    }
};

int main(int argc, char **argv) {
    QCoreApplication app(argc, argv);
    if (argc == 3 && qstrcmp(argv[1], "--child") == 0) {
        return runChild(QString::fromLocal8Bit(argv[2]));
    }
    TestContainerDurability test;
    return QTest::qExec(&test, argc, argv);
}

#include "tst_containerdurability.moc"
