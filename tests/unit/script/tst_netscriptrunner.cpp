// SPDX-License-Identifier: GPL-3.0-or-later
// The `orion-node script` runner, driven as a process.
#include "TestData.h"

#include <QProcess>
#include <QtTest>

using orion::test::TestData;

namespace {

struct Output {
    int exitCode;
    QString out;
    QString err;
};

Output runNode(const QStringList &args) {
    QProcess p;
    p.start(TestData::binary(QStringLiteral("src/cli/orion-node")), args);
    if (!p.waitForFinished(30000)) {
        return {-1, {}, QStringLiteral("timeout")};
    }
    return {p.exitCode(), QString::fromUtf8(p.readAllStandardOutput()),
            QString::fromUtf8(p.readAllStandardError())};
}

} // namespace

class TestNetScriptRunner : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void originalExample() {
        const auto r = runNode(
            {QStringLiteral("script"), TestData::path(QStringLiteral("netscript/example.ns")),
             QStringLiteral("--message"), QStringLiteral("hello"), QStringLiteral("--receiver"),
             QStringLiteral("00112233445566778899AABBCCDDEEFF00112233")});
        QCOMPARE(r.err, QString());
        QCOMPARE(r.exitCode, 0);
        QCOMPARE(r.out, QStringLiteral("{\"effect\":\"route\",\"target\":"
                                       "\"00112233445566778899aabbccddeeff00112233\","
                                       "\"service\":\"\",\"body\":\"hello!\"}\n"));
    }

    void everyEffectIsOneLine() {
        const QString sender(40, u'a');
        const auto r = runNode(
            {QStringLiteral("script"), TestData::path(QStringLiteral("netscript/effects.ns")),
             QStringLiteral("--message"), QStringLiteral("hi \"you\""), QStringLiteral("--sender"),
             sender, QStringLiteral("--service"), QStringLiteral("chat")});
        QCOMPARE(r.exitCode, 0);
        const QStringList lines = r.out.split(u'\n', Qt::SkipEmptyParts);
        QCOMPARE(lines.size(), 4);
        QCOMPARE(lines[0],
                 QStringLiteral("{\"effect\":\"log\",\"text\":\"from %1 via chat\"}").arg(sender));
        // A map body is written as the JSON value it travels as, not as text.
        QCOMPARE(lines[1], QStringLiteral("{\"effect\":\"reply\",\"body\":{\"echo\":\"hi "
                                          "\\\"you\\\"\"}}"));
        QCOMPARE(lines[2], QStringLiteral("{\"effect\":\"route\",\"target\":\"%1\",\"service\":"
                                          "\"copy\",\"body\":\"hi \\\"you\\\"\"}")
                               .arg(sender));
        QCOMPARE(lines[3], QStringLiteral("{\"effect\":\"store-put\",\"key\":\"last\","
                                          "\"value\":\"hi \\\"you\\\"\"}"));
    }

    void compileErrorGoesToStderr() {
        const QString file = TestData::path(QStringLiteral("netscript/broken.ns"));
        const auto r = runNode({QStringLiteral("script"), file});
        QCOMPARE(r.exitCode, 1);
        QCOMPARE(r.out, QString());
        QCOMPARE(r.err, file + QStringLiteral(":3:9: error: unknown function 'unknown-call'\n"));
    }

    void runtimeErrorKeepsEarlierEffects() {
        const QString file = TestData::path(QStringLiteral("netscript/fails.ns"));
        const auto r = runNode({QStringLiteral("script"), file});
        QCOMPARE(r.exitCode, 1);
        QCOMPARE(r.out, QStringLiteral("{\"effect\":\"log\",\"text\":\"before\"}\n"));
        QCOMPARE(r.err, file + QStringLiteral(":3:3: error: division by zero in '/'\n"));
    }

    void missingFile() {
        const auto r = runNode({QStringLiteral("script"), QStringLiteral("/nonexistent/x.ns")});
        QCOMPARE(r.exitCode, 1);
        QVERIFY(r.err.startsWith(QLatin1String("/nonexistent/x.ns:1:1: error: cannot open")));
    }

    void help() {
        const auto r = runNode({QStringLiteral("script"), QStringLiteral("--help")});
        QCOMPARE(r.exitCode, 0);
        QVERIFY(r.out.contains(QLatin1String("--message")));
        QVERIFY(r.out.contains(QLatin1String("--receiver")));
        const auto top = runNode({QStringLiteral("--help")});
        QVERIFY(top.out.contains(QLatin1String("script")));
    }
};

QTEST_GUILESS_MAIN(TestNetScriptRunner)
#include "tst_netscriptrunner.moc"
