// SPDX-License-Identifier: GPL-3.0-or-later
// Runs the built orion-node binary as a user would, on temporary profiles.
#include "TestData.h"
#include "identity/NetworkKey.h"
#include "node/Profile.h"
#include "node/ProfileLock.h"

#include <QtTest>

#include <QDirIterator>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>

using orion::test::TestData;

namespace {

struct Run {
    int exitCode = -1;
    QString out;
    QString err;
};

QMap<QString, QByteArray> snapshot(const QString &dir) {
    QMap<QString, QByteArray> files;
    QDirIterator it(dir, QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString path = it.next();
        QFile f(path);
        f.open(QIODevice::ReadOnly);
        files.insert(path, f.readAll());
    }
    return files;
}

} // namespace

class TestOrionNodeCli : public QObject {
    Q_OBJECT

    QTemporaryDir m_tmp;

    static Run run(const QStringList &args, const QString &passphrase = {},
                   const QString &newPassphrase = {}) {
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.remove(QStringLiteral("ORION_PASSPHRASE"));
        env.remove(QStringLiteral("ORION_NEW_PASSPHRASE"));
        if (!passphrase.isEmpty()) {
            env.insert(QStringLiteral("ORION_PASSPHRASE"), passphrase);
        }
        if (!newPassphrase.isEmpty()) {
            env.insert(QStringLiteral("ORION_NEW_PASSPHRASE"), newPassphrase);
        }
        QProcess p;
        p.setProcessEnvironment(env);
        p.start(TestData::binary(QStringLiteral("src/cli/orion-node")), args);
        p.closeWriteChannel(); // standard input is not a terminal
        if (!p.waitForFinished(120000)) {
            p.kill();
            p.waitForFinished();
        }
        return {p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1,
                QString::fromUtf8(p.readAllStandardOutput()),
                QString::fromUtf8(p.readAllStandardError())};
    }

    QString profile(const QString &name) const { return m_tmp.filePath(name); }

    // A fresh profile with cheap (but real) Argon2id limits.
    Run init(const QString &dir, const QStringList &extra = {},
             const QString &pass = QStringLiteral("pw of the tests")) {
        return run(QStringList{QStringLiteral("init"), QStringLiteral("--profile"), dir,
                               QStringLiteral("--kdf"), QStringLiteral("interactive")} +
                       extra,
                   pass);
    }

    QString nodeId(const QString &dir) {
        const Run r = run({QStringLiteral("id"), QStringLiteral("--profile"), dir});
        return r.out.trimmed();
    }

private Q_SLOTS:
    void everyCommandHasHelp() {
        for (const char *command :
             {"init", "id", "export-member", "verify-member", "network-key", "passwd"}) {
            const Run r = run({QLatin1String(command), QStringLiteral("--help")});
            QCOMPARE(r.exitCode, 0);
            QVERIFY2(r.out.contains(QStringLiteral("Usage: orion-node ") + QLatin1String(command)),
                     qPrintable(r.out));
        }
        QCOMPARE(run({QStringLiteral("init"), QStringLiteral("--bogus")}).exitCode, 2);
        QVERIFY(run({QStringLiteral("--help")}).out.contains(QStringLiteral("export-member")));
        QCOMPARE(run({QStringLiteral("nonsense")}).exitCode, 2);
    }

    void initAndId() {
        const QString dir = profile(QStringLiteral("a"));
        const Run created = init(dir, {QStringLiteral("--new-network")});
        QVERIFY2(created.exitCode == 0, qPrintable(created.err));
        const orion::node::Profile p(dir);
        QCOMPARE(QFile::permissions(p.identityPath()) & 0x0077, QFileDevice::Permissions());
        QCOMPARE(QFile::permissions(p.networkKeyPath()) & 0x0077, QFileDevice::Permissions());
        QCOMPARE(QFile::permissions(dir) & 0x0077, QFileDevice::Permissions());
        QVERIFY(QFile::exists(p.memberFilePath()));
        QVERIFY(QFile::exists(p.settingsPath()));

        const QString id = nodeId(dir);
        QVERIFY(QRegularExpression(QStringLiteral("^[0-9a-f]{40}$")).match(id).hasMatch());
        QVERIFY(created.out.contains(id));

        const Run json =
            run({QStringLiteral("id"), QStringLiteral("--profile"), dir, QStringLiteral("--json")});
        QCOMPARE(json.exitCode, 0);
        const QJsonObject o = QJsonDocument::fromJson(json.out.toUtf8()).object();
        QCOMPARE(o.value("node_id").toString(), id);
        QVERIFY(QRegularExpression(QStringLiteral("^[0-9a-f]{64}$"))
                    .match(o.value("public_key").toString())
                    .hasMatch());
        QVERIFY(QRegularExpression(QStringLiteral("^[0-9a-f]{64}$"))
                    .match(o.value("network_id").toString())
                    .hasMatch());
        QVERIFY(o.value("encrypted").toBool());

        const Run missing =
            run({QStringLiteral("id"), QStringLiteral("--profile"), profile("none")});
        QVERIFY(missing.exitCode != 0);
        QVERIFY(missing.err.contains(QStringLiteral("no identity")));
    }

    void initNeverReplacesWithoutForce() {
        const QString dir = profile(QStringLiteral("b"));
        QCOMPARE(init(dir, {QStringLiteral("--new-network")}).exitCode, 0);
        const QString id = nodeId(dir);
        const auto before = snapshot(dir);

        const Run again = init(dir, {QStringLiteral("--new-network")});
        QVERIFY(again.exitCode != 0);
        QVERIFY2(again.err.contains(QStringLiteral("already exists")), qPrintable(again.err));
        QVERIFY(again.err.contains(id));
        QCOMPARE(snapshot(dir), before);

        // --force without a terminal to confirm on needs --yes.
        const Run forced = init(dir, {QStringLiteral("--new-network"), QStringLiteral("--force")});
        QVERIFY(forced.exitCode != 0);
        QVERIFY2(forced.err.contains(QStringLiteral("--yes")), qPrintable(forced.err));
        QCOMPARE(snapshot(dir), before);
        QCOMPARE(nodeId(dir), id);

        const Run confirmed = init(dir, {QStringLiteral("--new-network"), QStringLiteral("--force"),
                                         QStringLiteral("--yes")});
        QVERIFY2(confirmed.exitCode == 0, qPrintable(confirmed.err));
        QVERIFY(nodeId(dir) != id);
    }

    void memberFileExportAndVerify() {
        const QString dir = profile(QStringLiteral("c"));
        QCOMPARE(init(dir, {QStringLiteral("--new-network")}).exitCode, 0);
        const QString file = m_tmp.filePath(QStringLiteral("c.member"));
        const QStringList exportArgs{QStringLiteral("export-member"),
                                     QStringLiteral("--profile"),
                                     dir,
                                     QStringLiteral("--out"),
                                     file,
                                     QStringLiteral("--address"),
                                     QStringLiteral("127.0.0.1"),
                                     QStringLiteral("--port"),
                                     QStringLiteral("7400")};
        const Run noPass = run(exportArgs);
        QVERIFY(noPass.exitCode != 0);
        QVERIFY2(noPass.err.contains(QStringLiteral("ORION_PASSPHRASE")), qPrintable(noPass.err));
        QVERIFY(!QFile::exists(file));

        const Run exported = run(exportArgs, QStringLiteral("pw of the tests"));
        QVERIFY2(exported.exitCode == 0, qPrintable(exported.err));
        const Run verified = run({QStringLiteral("verify-member"), file});
        QCOMPARE(verified.exitCode, 0);
        QCOMPARE(verified.out.trimmed(), nodeId(dir));
        QCOMPARE(
            run({QStringLiteral("verify-member"), QStringLiteral("--profile"), dir, file}).exitCode,
            0);
        const Run otherNet = run({QStringLiteral("verify-member"), QStringLiteral("--network-id"),
                                  QString(64, u'0'), file});
        QVERIFY(otherNet.exitCode != 0);
        QVERIFY(otherNet.err.contains(QStringLiteral("another network")));

        QFile f(file);
        QVERIFY(f.open(QIODevice::ReadOnly));
        QByteArray bytes = f.readAll();
        f.close();
        bytes.replace("127.0.0.1", "127.0.0.2");
        QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
        f.write(bytes);
        f.close();
        const Run tampered = run({QStringLiteral("verify-member"), file});
        QVERIFY(tampered.exitCode != 0);
        QVERIFY2(tampered.err.contains(QStringLiteral("signature")), qPrintable(tampered.err));
        QVERIFY(tampered.out.isEmpty());
    }

    void networkKeyAndJoining() {
        const QString dir = profile(QStringLiteral("d"));
        QCOMPARE(init(dir, {QStringLiteral("--new-network")}).exitCode, 0);
        const Run text = run({QStringLiteral("network-key"), QStringLiteral("--profile"), dir},
                             QStringLiteral("pw of the tests"));
        QCOMPARE(text.exitCode, 0);
        QVERIFY(text.out.startsWith(QStringLiteral("orion-net:")));
        const Run hex = run({QStringLiteral("network-key"), QStringLiteral("--profile"), dir,
                             QStringLiteral("--hex")},
                            QStringLiteral("pw of the tests"));
        QCOMPARE(hex.exitCode, 0);
        QCOMPARE(orion::identity::NetworkKey::parse(text.out)->toHex(), hex.out.trimmed());

        const auto before = snapshot(dir);
        const Run wrong = run({QStringLiteral("network-key"), QStringLiteral("--profile"), dir},
                              QStringLiteral("nope"));
        QVERIFY(wrong.exitCode != 0);
        QVERIFY2(wrong.err.contains(QStringLiteral("wrong passphrase")), qPrintable(wrong.err));
        QVERIFY(wrong.out.isEmpty());
        QCOMPARE(snapshot(dir), before);

        // Another node joins with the key in a file.
        const QString keyFile = m_tmp.filePath(QStringLiteral("d.netkey"));
        QFile k(keyFile);
        QVERIFY(k.open(QIODevice::WriteOnly));
        k.write(text.out.toUtf8());
        k.close();
        const QString joiner = profile(QStringLiteral("e"));
        QCOMPARE(init(joiner, {QStringLiteral("--network-key-file"), keyFile}).exitCode, 0);
        const auto idOf = [&](const QString &d) {
            return QJsonDocument::fromJson(run({QStringLiteral("id"), QStringLiteral("--profile"),
                                                d, QStringLiteral("--json")})
                                               .out.toUtf8())
                .object()
                .value("network_id")
                .toString();
        };
        QCOMPARE(idOf(joiner), idOf(dir));

        // A mistyped key is caught by its checksum and nothing is created.
        QString typo = text.out.trimmed();
        typo[20] = typo[20] == u'A' ? u'B' : u'A';
        QVERIFY(k.open(QIODevice::WriteOnly | QIODevice::Truncate));
        k.write(typo.toUtf8());
        k.close();
        const QString mistyped = profile(QStringLiteral("f"));
        const Run bad = init(mistyped, {QStringLiteral("--network-key-file"), keyFile});
        QVERIFY(bad.exitCode != 0);
        QVERIFY2(bad.err.contains(QStringLiteral("checksum")), qPrintable(bad.err));
        QVERIFY(!QFile::exists(orion::node::Profile(mistyped).identityPath()));
    }

    void passwdChangesBothKeys() {
        const QString dir = profile(QStringLiteral("g"));
        QCOMPARE(
            init(dir, {QStringLiteral("--new-network")}, QStringLiteral("old passphrase")).exitCode,
            0);
        const QString id = nodeId(dir);
        const QStringList passwd{QStringLiteral("passwd"), QStringLiteral("--profile"), dir,
                                 QStringLiteral("--kdf"), QStringLiteral("interactive")};
        const auto before = snapshot(dir);
        const Run wrong = run(passwd, QStringLiteral("bad"), QStringLiteral("new passphrase"));
        QVERIFY(wrong.exitCode != 0);
        QVERIFY(wrong.err.contains(QStringLiteral("wrong passphrase")));
        QCOMPARE(snapshot(dir), before);

        const Run changed =
            run(passwd, QStringLiteral("old passphrase"), QStringLiteral("new passphrase"));
        QVERIFY2(changed.exitCode == 0, qPrintable(changed.err));
        const QStringList key{QStringLiteral("network-key"), QStringLiteral("--profile"), dir};
        QVERIFY(run(key, QStringLiteral("old passphrase")).exitCode != 0);
        QCOMPARE(run(key, QStringLiteral("new passphrase")).exitCode, 0);
        QCOMPARE(nodeId(dir), id);

        // The passphrase can also come from files.
        const QString oldFile = m_tmp.filePath(QStringLiteral("old.pass"));
        const QString newFile = m_tmp.filePath(QStringLiteral("new.pass"));
        for (const auto &[path, text] : {std::pair{oldFile, QByteArray("new passphrase\n")},
                                         std::pair{newFile, QByteArray("newer passphrase\n")}}) {
            QFile f(path);
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write(text);
        }
        const Run viaFiles =
            run(passwd + QStringList{QStringLiteral("--passphrase-file"), oldFile,
                                     QStringLiteral("--new-passphrase-file"), newFile});
        QVERIFY2(viaFiles.exitCode == 0, qPrintable(viaFiles.err));
        QCOMPARE(run(key + QStringList{QStringLiteral("--passphrase-file"), newFile}).exitCode, 0);
        QCOMPARE(run(key, QStringLiteral("newer passphrase")).exitCode, 0);
    }

    void profileInUseIsRefused() {
        const QString dir = profile(QStringLiteral("h"));
        auto lock = orion::node::ProfileLock::acquire(orion::node::Profile(dir));
        QVERIFY(lock.ok());
        const Run r = init(dir, {QStringLiteral("--new-network")});
        QVERIFY(r.exitCode != 0);
        QVERIFY2(r.err.contains(QStringLiteral("in use")), qPrintable(r.err));
        QVERIFY(r.err.contains(QString::number(QCoreApplication::applicationPid())));
        QVERIFY(!QFile::exists(orion::node::Profile(dir).identityPath()));
    }

    void unencryptedNeedsTheFlagAndWarns() {
        const QString dir = profile(QStringLiteral("i"));
        const Run r =
            init(dir, {QStringLiteral("--new-network"), QStringLiteral("--unencrypted")}, {});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QVERIFY(r.err.contains(QStringLiteral("UNENCRYPTED")));
        const Run json =
            run({QStringLiteral("id"), QStringLiteral("--profile"), dir, QStringLiteral("--json")});
        QCOMPARE(
            QJsonDocument::fromJson(json.out.toUtf8()).object().value("encrypted").toBool(true),
            false);
        QCOMPARE(run({QStringLiteral("network-key"), QStringLiteral("--profile"), dir}).exitCode,
                 0);
        // Without the flag and without any passphrase source, init refuses.
        const Run refused =
            init(profile(QStringLiteral("j")), {QStringLiteral("--new-network")}, {});
        QVERIFY(refused.exitCode != 0);
        QVERIFY(refused.err.contains(QStringLiteral("passphrase")));
    }
};

QTEST_GUILESS_MAIN(TestOrionNodeCli)
#include "tst_orionnodecli.moc"
