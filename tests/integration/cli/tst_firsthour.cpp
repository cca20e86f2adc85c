// SPDX-License-Identifier: GPL-3.0-or-later
// The first hour with orion-node and orionctl, as a new user meets it, on fresh profiles:
// member files that can always be dialled (or are refused with a reason), the check after an
// import, one state line with the same words everywhere, global options on either side of
// the command, per-command help, one verb set, `run` listening where `init` said, and the
// passphrase rule of the setup wizard, on a terminal too.
#include "NodeProcess.h"
#include "TestData.h"
#include "identity/MemberFile.h"
#include "identity/MemberRecord.h"
#include "identity/NetworkKey.h"
#include "identity/NodeIdentity.h"
#include "node/Profile.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QtTest>

#include <fcntl.h>
#include <poll.h>
#include <pty.h>
#include <sys/ioctl.h>
#include <termios.h>
#include <unistd.h>

#include <csignal>
#include <memory>

using orion::test::NodeProcess;

namespace {

constexpr const char *kPass = "first hour passphrase";

struct Run {
    int exitCode = -1;
    QString out;
    QString err;
};

Run runTool(const QString &binary, const QStringList &args, const QString &passphrase = {}) {
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.remove(QStringLiteral("ORION_PASSPHRASE"));
    env.remove(QStringLiteral("ORION_NEW_PASSPHRASE"));
    if (!passphrase.isEmpty()) {
        env.insert(QStringLiteral("ORION_PASSPHRASE"), passphrase);
    }
    QProcess p;
    p.setProcessEnvironment(env);
    p.start(binary, args);
    p.closeWriteChannel();
    if (!p.waitForFinished(120000)) {
        p.kill();
        p.waitForFinished();
    }
    return {p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1,
            QString::fromUtf8(p.readAllStandardOutput()),
            QString::fromUtf8(p.readAllStandardError())};
}

Run node(const QStringList &args, const QString &passphrase = QLatin1String(kPass)) {
    return runTool(NodeProcess::nodeBinary(), args, passphrase);
}

Run ctl(const QStringList &args) {
    return runTool(NodeProcess::ctlBinary(), args);
}

QJsonObject readJson(const QString &path) {
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly)) {
        return {};
    }
    return QJsonDocument::fromJson(f.readAll()).object();
}

// A program on a pseudo-terminal, answering each prompt (a line of output ending in
// `marker`) with the next answer once the program has switched echo off for it.
struct TerminalRun {
    int exitCode = -1;
    QString output;
    int prompts = 0;
};

TerminalRun runOnTerminal(const QString &binary, const QStringList &args,
                          const QStringList &answers, const QByteArray &marker) {
    TerminalRun result;
    int master = -1;
    int slave = -1;
    if (::openpty(&master, &slave, nullptr, nullptr, nullptr) != 0) {
        return result;
    }
    QProcess p;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.remove(QStringLiteral("ORION_PASSPHRASE"));
    env.remove(QStringLiteral("ORION_NEW_PASSPHRASE"));
    p.setProcessEnvironment(env);
    p.setChildProcessModifier([slave] {
        // The pseudo-terminal becomes the controlling terminal and every standard stream.
        ::setsid();
        ::ioctl(slave, TIOCSCTTY, 0);
        ::dup2(slave, STDIN_FILENO);
        ::dup2(slave, STDOUT_FILENO);
        ::dup2(slave, STDERR_FILENO);
    });
    p.start(binary, args);
    ::close(slave);
    QByteArray seen;
    int answered = 0;
    QDeadlineTimer deadline(120000);
    bool closed = false;
    while (!closed && !deadline.hasExpired()) {
        pollfd pfd{master, POLLIN, 0};
        if (::poll(&pfd, 1, 100) > 0) {
            char buffer[512];
            const ssize_t n = ::read(master, buffer, sizeof buffer);
            if (n > 0) {
                seen.append(buffer, qsizetype(n));
            } else {
                closed = true; // EIO: the program closed the terminal (it exited)
            }
        }
        if (answered < answers.size() && seen.count(marker) > answered) {
            termios mode{};
            // On Linux the master reports the terminal's mode: echo goes off (with the input
            // flushed) only when the program is ready to read the answer.
            if (::tcgetattr(master, &mode) == 0 && !(mode.c_lflag & ECHO)) {
                const QByteArray line = answers[answered].toUtf8() + '\n';
                (void)!::write(master, line.constData(), size_t(line.size()));
                ++answered;
            }
        }
        if (p.waitForFinished(0)) {
            break;
        }
    }
    p.waitForFinished(10000);
    ::close(master);
    result.exitCode = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
    result.output = QString::fromUtf8(seen);
    result.prompts = int(seen.count(marker));
    return result;
}

} // namespace

class TestFirstHour : public QObject {
    Q_OBJECT

    QTemporaryDir m_dir;
    std::unique_ptr<NodeProcess> m_founder;
    std::unique_ptr<NodeProcess> m_joiner;

    QString path(const QString &name) const { return m_dir.filePath(name); }

    Run init(const QString &profile, const QStringList &extra) {
        return node(QStringList{QStringLiteral("init"), QStringLiteral("--profile"), profile,
                                QStringLiteral("--kdf"), QStringLiteral("interactive")} +
                    extra);
    }

    QJsonObject status(NodeProcess &n) {
        auto json = n.ctl({QStringLiteral("status"), QStringLiteral("--json")});
        return json ? QJsonDocument::fromJson(json->toUtf8()).object() : QJsonObject();
    }

    // The founder's check of a member, once it has a result (bounded in time).
    QJsonObject checkOf(NodeProcess &n, const QString &nodeId) {
        QDeadlineTimer deadline(60000);
        while (!deadline.hasExpired()) {
            for (const auto &v : status(n).value(QStringLiteral("member_checks")).toArray()) {
                const QJsonObject c = v.toObject();
                if (c.value(QStringLiteral("node_id")).toString() == nodeId &&
                    c.value(QStringLiteral("result")).toString() != u"checking") {
                    return c;
                }
            }
            QThread::msleep(100);
        }
        return {};
    }

    // A member file that is signed and valid but names no address.
    QString cardWithoutAddress(const QString &profileOfTheNetwork) {
        const auto networkId = orion::identity::NetworkKey::readNetworkId(
            orion::node::Profile(profileOfTheNetwork).networkKeyPath());
        if (!networkId) {
            return {};
        }
        const auto identity = orion::identity::NodeIdentity::generate();
        auto record = orion::identity::MemberRecord::create(identity, *networkId, {}, 7400);
        record.sign(identity);
        const QString file = path(QStringLiteral("no-address.member.json"));
        return orion::identity::MemberFile::write(file, record).ok() ? file : QString();
    }

private Q_SLOTS:
    void initTestCase() { QVERIFY(m_dir.isValid()); }

    // --- A member file is always dialable, or refused loudly -------------------------------

    void initWritesADialableMemberFile() {
        const QString profile = path(QStringLiteral("plain"));
        const Run r = init(profile, {QStringLiteral("--new-network")});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        const QJsonObject card = readJson(orion::node::Profile(profile).memberFilePath());
        const QJsonArray addresses = card.value(QStringLiteral("addresses")).toArray();
        QVERIFY2(!addresses.isEmpty(), qPrintable(QJsonDocument(card).toJson()));
        for (const auto &a : addresses) {
            QHostAddress parsed;
            QVERIFY(parsed.setAddress(a.toString()));
            QVERIFY(!parsed.isEqual(QHostAddress(QHostAddress::AnyIPv4)));
        }
        QVERIFY(card.value(QStringLiteral("port")).toInt() > 0);
        QVERIFY2(r.out.contains(addresses.first().toString()), qPrintable(r.out));
        QFile settings(orion::node::Profile(profile).settingsPath());
        QVERIFY(settings.open(QIODevice::ReadOnly));
        QVERIFY(!settings.readAll().contains("@Invalid"));

        // Offline export names an address too (the same rule).
        const QString exported = path(QStringLiteral("plain.member.json"));
        const Run e = node({QStringLiteral("member"), QStringLiteral("export"), exported,
                            QStringLiteral("--profile"), profile});
        QVERIFY2(e.exitCode == 0, qPrintable(e.err));
        QVERIFY(!readJson(exported).value(QStringLiteral("addresses")).toArray().isEmpty());
    }

    void initRefusesAnAddressNobodyCanDial() {
        const QString profile = path(QStringLiteral("wildcard"));
        const Run r = init(profile, {QStringLiteral("--new-network"), QStringLiteral("--address"),
                                     QStringLiteral("0.0.0.0")});
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains(QStringLiteral("0.0.0.0 is not an IP address others can dial")),
                 qPrintable(r.err));
        QVERIFY(!QFile::exists(orion::node::Profile(profile).identityPath()));
    }

    void importOfACardWithoutAddressIsRefused() {
        const QString profile = path(QStringLiteral("importer"));
        QCOMPARE(init(profile, {QStringLiteral("--new-network"), QStringLiteral("--address"),
                                QStringLiteral("127.0.0.1")})
                     .exitCode,
                 0);
        const QString card = cardWithoutAddress(profile);
        QVERIFY(!card.isEmpty());
        for (const QStringList &command :
             {QStringList{QStringLiteral("member"), QStringLiteral("import")},
              QStringList{QStringLiteral("add-peer")}}) {
            const Run r = node(command + QStringList{card, QStringLiteral("--profile"), profile});
            QCOMPARE(r.exitCode, 1);
            QVERIFY2(r.err.contains(QStringLiteral("names no address to dial")), qPrintable(r.err));
        }
        QVERIFY(QDir(path(QStringLiteral("importer/peers"))).entryList(QDir::Files).isEmpty());
    }

    // --- A running network: state, bootstrapped, the check after an import ---------------

    void aLoneFounderWaitsForPeers() {
        m_founder = std::make_unique<NodeProcess>(path(QStringLiteral("founder")));
        auto ok = m_founder->init();
        QVERIFY2(ok.ok(), ok ? "" : qPrintable(ok.error()));
        ok = m_founder->start();
        QVERIFY2(ok.ok(), ok ? "" : qPrintable(ok.error()));
        const Run human =
            ctl({QStringLiteral("status"), QStringLiteral("--profile"), m_founder->profile()});
        QCOMPARE(human.exitCode, 0);
        QVERIFY2(human.out.startsWith(QStringLiteral("state")), qPrintable(human.out));
        QVERIFY2(human.out.section(u'\n', 0, 0).endsWith(QStringLiteral("waiting for peers")),
                 qPrintable(human.out));
        const QJsonObject s = status(*m_founder);
        QCOMPARE(s.value(QStringLiteral("state")).toString(), QStringLiteral("waiting for peers"));
        QCOMPARE(s.value(QStringLiteral("state_code")).toString(), QStringLiteral("waiting"));
        QCOMPARE(s.value(QStringLiteral("bootstrapped")).toBool(), false);
        // Alone, nothing is stored for others (its own records are its own).
        QVERIFY2(human.out.contains(QStringLiteral("0 provider record(s) for others")),
                 qPrintable(human.out));
    }

    void statusValuesAreAligned() {
        const Run human =
            ctl({QStringLiteral("status"), QStringLiteral("--profile"), m_founder->profile()});
        QCOMPARE(human.exitCode, 0);
        int column = -1;
        for (const QString &line : human.out.split(u'\n', Qt::SkipEmptyParts)) {
            const auto match = QRegularExpression(QStringLiteral("^\\S+\\s+")).match(line);
            QVERIFY(match.hasMatch());
            if (column < 0) {
                column = int(match.capturedLength());
            }
            QCOMPARE(int(match.capturedLength()), column);
        }
    }

    void importedMemberIsCheckedAndFounderIsOnline() {
        QVERIFY(m_founder);
        m_joiner = std::make_unique<NodeProcess>(path(QStringLiteral("joiner")));
        auto ok = m_joiner->init(m_founder->networkKeyFile());
        QVERIFY2(ok.ok(), ok ? "" : qPrintable(ok.error()));
        ok = m_joiner->start();
        QVERIFY2(ok.ok(), ok ? "" : qPrintable(ok.error()));

        // Global options before the command, as everywhere else.
        const Run imported =
            ctl({QStringLiteral("--profile"), m_joiner->profile(), QStringLiteral("member"),
                 QStringLiteral("import"), m_founder->memberFile()});
        QVERIFY2(imported.exitCode == 0, qPrintable(imported.err));
        QVERIFY(imported.out.contains(m_founder->nodeId()));
        const QJsonObject reached = checkOf(*m_joiner, m_founder->nodeId());
        QCOMPARE(reached.value(QStringLiteral("result")).toString(), QStringLiteral("reached"));
        QCOMPARE(reached.value(QStringLiteral("address")).toString(), m_founder->listenEndpoint());
        const Run human =
            ctl({QStringLiteral("status"), QStringLiteral("--profile"), m_joiner->profile()});
        QVERIFY2(human.out.contains(m_founder->nodeId().left(8) + QStringLiteral(" at ") +
                                    m_founder->listenEndpoint() + QStringLiteral(": reached")),
                 qPrintable(human.out));
        // The log says it too (stderr arrives as events are processed).
        const QString reachedLine =
            QStringLiteral("member %1 reached at %2")
                .arg(m_founder->nodeId().left(8), m_founder->listenEndpoint());
        QTRY_VERIFY2_WITH_TIMEOUT(m_joiner->log().contains(reachedLine),
                                  qPrintable(m_joiner->log()), 20000);

        // The founder never bootstrapped from a seed, but with a peer and a table it is
        // online and bootstrapped.
        QJsonObject s;
        QDeadlineTimer deadline(60000);
        while (!deadline.hasExpired()) {
            s = status(*m_founder);
            // One snapshot: its state words and its counts agree by construction.
            if (s.value(QStringLiteral("connections")).toInt() == 1 &&
                s.value(QStringLiteral("contacts")).toInt() > 0) {
                break;
            }
            QThread::msleep(100);
        }
        QCOMPARE(s.value(QStringLiteral("state")).toString(), QStringLiteral("online (1 peer)"));
        QCOMPARE(s.value(QStringLiteral("state_code")).toString(), QStringLiteral("online"));
        QCOMPARE(s.value(QStringLiteral("bootstrapped")).toBool(), true);
    }

    void unreachableMemberSaysWhy() {
        QVERIFY(m_founder);
        // A member of the network whose node does not run.
        const QString absent = path(QStringLiteral("absent"));
        const Run created =
            init(absent, {QStringLiteral("--network-key-file"), m_founder->networkKeyFile(),
                          QStringLiteral("--address"), QStringLiteral("127.0.0.1"),
                          QStringLiteral("--port"), QStringLiteral("0")});
        QVERIFY2(created.exitCode == 0, qPrintable(created.err));
        const QString absentId =
            node({QStringLiteral("id"), QStringLiteral("--profile"), absent}).out.trimmed();
        const Run imported = ctl({QStringLiteral("member"), QStringLiteral("import"),
                                  orion::node::Profile(absent).memberFilePath(),
                                  QStringLiteral("--profile"), m_founder->profile()});
        QVERIFY2(imported.exitCode == 0, qPrintable(imported.err));
        const QJsonObject failed = checkOf(*m_founder, absentId);
        QCOMPARE(failed.value(QStringLiteral("result")).toString(), QStringLiteral("failed"));
        QVERIFY(!failed.value(QStringLiteral("reason")).toString().isEmpty());
        const Run human =
            ctl({QStringLiteral("status"), QStringLiteral("--profile"), m_founder->profile()});
        QVERIFY2(human.out.contains(absentId.left(8) + QStringLiteral(" at 127.0.0.1:")) &&
                     human.out.contains(QStringLiteral("not reached: ")),
                 qPrintable(human.out));
        // The log says it too (stderr arrives as events are processed).
        const QString notReached =
            QStringLiteral("member %1 not reached at 127.0.0.1:").arg(absentId.left(8));
        QTRY_VERIFY2_WITH_TIMEOUT(m_founder->log().contains(notReached),
                                  qPrintable(m_founder->log()), 20000);

        // A card nobody can dial is refused by the running node too, with the reason.
        const QString card = cardWithoutAddress(m_founder->profile());
        const Run refused = ctl({QStringLiteral("member"), QStringLiteral("import"), card,
                                 QStringLiteral("--profile"), m_founder->profile()});
        QCOMPARE(refused.exitCode, 1);
        QVERIFY2(refused.err.contains(QStringLiteral("names no address to dial")),
                 qPrintable(refused.err));
    }

    // --- Errors in the user's words --------------------------------------------------------

    void errorsInTheUsersWords() {
        QVERIFY(m_founder && m_joiner);
        const QStringList toUnknown{QStringLiteral("send"),  QString(40, u'7'),
                                    QStringLiteral("hello"), QStringLiteral("--timeout"),
                                    QStringLiteral("20"),    QStringLiteral("--profile"),
                                    m_founder->profile()};
        const Run unknown = ctl(toUnknown);
        QCOMPARE(unknown.exitCode, 1);
        QVERIFY2(unknown.err.contains(QStringLiteral("could be found")), qPrintable(unknown.err));
        QVERIFY2(!unknown.err.contains(QStringLiteral("no_route")) &&
                     !unknown.err.contains(m_founder->nodeId()),
                 qPrintable(unknown.err));
        const Run detailed = ctl(toUnknown + QStringList{QStringLiteral("--verbose")});
        QVERIFY2(detailed.err.contains(QStringLiteral("detail: ")), qPrintable(detailed.err));

        const Run noService =
            ctl({QStringLiteral("send"), m_joiner->nodeId(), QStringLiteral("hello"),
                 QStringLiteral("--timeout"), QStringLiteral("20"), QStringLiteral("--profile"),
                 m_founder->profile()});
        QCOMPARE(noService.exitCode, 1);
        QVERIFY2(noService.err.contains(QStringLiteral("--service NAME")),
                 qPrintable(noService.err));
        QVERIFY2(!noService.err.contains(QStringLiteral("no_endpoint")), qPrintable(noService.err));
    }

    // --- An invite: joining in one paste ---------------------------------------------------

    void inviteJoinsInOnePaste() {
        QVERIFY(m_founder && m_joiner);
        const Run invite =
            node({QStringLiteral("invite"), QStringLiteral("--profile"), m_founder->profile(),
                  QStringLiteral("--address"), QStringLiteral("127.0.0.1"),
                  QStringLiteral("--port"), QString::number(m_founder->listenPort())},
                 QLatin1String(NodeProcess::kPassphrase));
        QVERIFY2(invite.exitCode == 0, qPrintable(invite.err));
        const QString uri = invite.out.trimmed();
        QVERIFY2(uri.startsWith(QStringLiteral("orion:join?")) && !uri.contains(u'\n'),
                 qPrintable(uri));
        QVERIFY(invite.err.contains(QStringLiteral("network key")));

        const QString invited = path(QStringLiteral("invited"));
        const Run joined = init(invited, {QStringLiteral("--invite"), uri,
                                          QStringLiteral("--address"), QStringLiteral("127.0.0.1"),
                                          QStringLiteral("--port"), QStringLiteral("0")});
        QVERIFY2(joined.exitCode == 0, qPrintable(joined.err));
        QVERIFY(QFile::exists(invited + QStringLiteral("/peers/") + m_founder->nodeId() +
                              QStringLiteral(".json")));
        const auto networkOf = [](const QString &profile) {
            return QJsonDocument::fromJson(node({QStringLiteral("id"), QStringLiteral("--json"),
                                                 QStringLiteral("--profile"), profile})
                                               .out.toUtf8())
                .object()
                .value(QStringLiteral("network_id"))
                .toString();
        };
        QCOMPARE(networkOf(invited), networkOf(m_founder->profile()));

        // A running member of that network takes the invite's member file.
        const Run imported = ctl({QStringLiteral("member"), QStringLiteral("import"), uri,
                                  QStringLiteral("--profile"), m_joiner->profile()});
        QVERIFY2(imported.exitCode == 0, qPrintable(imported.err));
        QVERIFY(imported.out.contains(m_founder->nodeId()));

        // Cut short when copied: refused with a reason, nothing created.
        const QString cut = path(QStringLiteral("cut"));
        const Run refused = init(cut, {QStringLiteral("--invite"), uri.left(uri.size() - 10)});
        QCOMPARE(refused.exitCode, 1);
        QVERIFY2(refused.err.contains(QStringLiteral("--invite: ")), qPrintable(refused.err));
        QVERIFY(!QFile::exists(orion::node::Profile(cut).identityPath()));
    }

    // --- One command line -----------------------------------------------------------------

    void globalOptionsOnEitherSide() {
        QVERIFY(m_founder);
        for (const QStringList &args :
             {QStringList{QStringLiteral("--profile"), m_founder->profile(),
                          QStringLiteral("status")},
              QStringList{QStringLiteral("--json"), QStringLiteral("--profile"),
                          m_founder->profile(), QStringLiteral("peers")},
              QStringList{QStringLiteral("peers"), QStringLiteral("--profile"),
                          m_founder->profile()}}) {
            const Run r = ctl(args);
            QVERIFY2(r.exitCode == 0, qPrintable(args.join(u' ') + u'\n' + r.err));
        }
        const Run id =
            node({QStringLiteral("--profile"), m_founder->profile(), QStringLiteral("id")});
        QCOMPARE(id.exitCode, 0);
        QCOMPARE(id.out.trimmed(), m_founder->nodeId());
        // The peers column is explained.
        const Run peers =
            ctl({QStringLiteral("peers"), QStringLiteral("--profile"), m_founder->profile()});
        QVERIFY2(peers.out.contains(QStringLiteral("PREFIX: ")), qPrintable(peers.out));
    }

    void helpNamesTheCommand() {
        const QList<std::pair<QString, QStringList>> commands{
            {QStringLiteral("orionctl status"), {QStringLiteral("status")}},
            {QStringLiteral("orionctl member"), {QStringLiteral("member")}},
            {QStringLiteral("orionctl send"), {QStringLiteral("send")}},
            {QStringLiteral("orion-node init"), {QStringLiteral("init")}},
            {QStringLiteral("orion-node member export"),
             {QStringLiteral("member"), QStringLiteral("export")}},
            {QStringLiteral("orion-node script"), {QStringLiteral("script")}},
        };
        for (const auto &[usage, args] : commands) {
            const bool isCtl = usage.startsWith(QStringLiteral("orionctl"));
            const Run r = isCtl ? ctl(args + QStringList{QStringLiteral("--help")})
                                : node(args + QStringList{QStringLiteral("--help")});
            QCOMPARE(r.exitCode, 0);
            QVERIFY2(r.out.startsWith(QStringLiteral("Usage: ") + usage + u' '), qPrintable(r.out));
            QVERIFY2(!r.out.contains(QStringLiteral("--help-all")), qPrintable(r.out));
            QVERIFY2(!r.out.contains(isCtl ? NodeProcess::ctlBinary() : NodeProcess::nodeBinary()),
                     qPrintable(r.out));
        }
    }

    void oneVerbSetAndTheOldNames() {
        const QString profile = path(QStringLiteral("verbs"));
        QCOMPARE(init(profile, {QStringLiteral("--new-network"), QStringLiteral("--address"),
                                QStringLiteral("127.0.0.1")})
                     .exitCode,
                 0);
        const QString viaMember = path(QStringLiteral("verbs-a.json"));
        const QString viaOld = path(QStringLiteral("verbs-b.json"));
        QCOMPARE(node({QStringLiteral("member"), QStringLiteral("export"), viaMember,
                       QStringLiteral("--profile"), profile})
                     .exitCode,
                 0);
        QCOMPARE(node({QStringLiteral("export-member"), QStringLiteral("--out"), viaOld,
                       QStringLiteral("--profile"), profile})
                     .exitCode,
                 0);
        QCOMPARE(readJson(viaMember).value(QStringLiteral("node_id")),
                 readJson(viaOld).value(QStringLiteral("node_id")));
        const Run usage = node({QStringLiteral("--help")});
        QVERIFY2(usage.out.contains(QStringLiteral("  member ")), qPrintable(usage.out));
        QVERIFY2(usage.out.contains(QStringLiteral("same as 'member import'")),
                 qPrintable(usage.out));
    }

    void runListensWhereInitSaid() {
        const QString profile = path(QStringLiteral("listen"));
        const Run created = init(profile, {QStringLiteral("--new-network"),
                                           QStringLiteral("--address"), QStringLiteral("127.0.0.1"),
                                           QStringLiteral("--port"), QStringLiteral("0")});
        QVERIFY2(created.exitCode == 0, qPrintable(created.err));
        const auto said =
            QRegularExpression(QStringLiteral("Listens on 127\\.0\\.0\\.1, port (\\d+)"))
                .match(created.out);
        QVERIFY2(said.hasMatch(), qPrintable(created.out));
        const QString port = said.captured(1);
        QVERIFY(port.toInt() > 0);

        QProcess run;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("ORION_PASSPHRASE"), QLatin1String(kPass));
        run.setProcessEnvironment(env);
        run.start(NodeProcess::nodeBinary(),
                  {QStringLiteral("run"), QStringLiteral("--profile"), profile});
        QVERIFY(run.waitForStarted(10000));
        QByteArray out;
        QDeadlineTimer deadline(60000);
        while (!out.contains('\n') && !deadline.hasExpired() && run.state() == QProcess::Running) {
            run.waitForReadyRead(100);
            out += run.readAllStandardOutput();
        }
        ::kill(pid_t(run.processId()), SIGTERM);
        run.waitForFinished(20000);
        const QByteArray err = run.readAllStandardError();
        QCOMPARE(QString::fromUtf8(out.left(out.indexOf('\n'))),
                 QStringLiteral("listening on 127.0.0.1:") + port);
        // Said once, and in plain words: not again on stderr, with Qt's quotes or without.
        QVERIFY2(!err.contains("listening on \"") && !err.contains("listening on 127.0.0.1"),
                 err.constData());
    }

    // --- The passphrase rule of the wizard ------------------------------------------------

    void shortPassphraseIsRefusedWeakOneWarned() {
        const QString shortOne = path(QStringLiteral("short"));
        const Run refused = node({QStringLiteral("init"), QStringLiteral("--profile"), shortOne,
                                  QStringLiteral("--kdf"), QStringLiteral("interactive"),
                                  QStringLiteral("--new-network")},
                                 QStringLiteral("12345"));
        QCOMPARE(refused.exitCode, 1);
        QVERIFY2(refused.err.contains(QStringLiteral("at least 8 characters")),
                 qPrintable(refused.err));
        QVERIFY(!QFile::exists(orion::node::Profile(shortOne).identityPath()));

        const QString weak = path(QStringLiteral("weak"));
        const Run warned = node({QStringLiteral("init"), QStringLiteral("--profile"), weak,
                                 QStringLiteral("--kdf"), QStringLiteral("interactive"),
                                 QStringLiteral("--new-network")},
                                QStringLiteral("aaaaaaaaaaaa"));
        QVERIFY2(warned.exitCode == 0, qPrintable(warned.err));
        QVERIFY2(warned.err.contains(QStringLiteral("weak")), qPrintable(warned.err));
    }

    void terminalAsksAgainAfterAMistake() {
        const QString profile = path(QStringLiteral("terminal"));
        const QString good = QStringLiteral("correct horse battery staple");
        const TerminalRun r = runOnTerminal(
            NodeProcess::nodeBinary(),
            {QStringLiteral("init"), QStringLiteral("--profile"), profile, QStringLiteral("--kdf"),
             QStringLiteral("interactive"), QStringLiteral("--new-network")},
            {QStringLiteral("short"), good, good + u'!', good, good}, "passphrase: ");
        QVERIFY2(r.exitCode == 0, qPrintable(r.output));
        QCOMPARE(r.prompts, 5);
        QVERIFY2(r.output.contains(QStringLiteral("at least 8 characters; try again")),
                 qPrintable(r.output));
        QVERIFY2(r.output.contains(QStringLiteral("do not match; try again")),
                 qPrintable(r.output));
        QVERIFY(QFile::exists(orion::node::Profile(profile).identityPath()));
        QCOMPARE(node({QStringLiteral("network-key"), QStringLiteral("--profile"), profile}, good)
                     .exitCode,
                 0);

        // Three mistakes, then it stops, and nothing was written.
        const QString given = path(QStringLiteral("terminal-gives-up"));
        const TerminalRun up = runOnTerminal(
            NodeProcess::nodeBinary(),
            {QStringLiteral("init"), QStringLiteral("--profile"), given, QStringLiteral("--kdf"),
             QStringLiteral("interactive"), QStringLiteral("--new-network")},
            {QStringLiteral("a"), QStringLiteral("b"), QStringLiteral("c"), QStringLiteral("d")},
            "passphrase: ");
        QCOMPARE(up.exitCode, 1);
        QCOMPARE(up.prompts, 3);
        QVERIFY(!QFile::exists(orion::node::Profile(given).identityPath()));
    }

    void cleanupTestCase() {
        if (m_joiner) {
            m_joiner->stop();
        }
        if (m_founder) {
            m_founder->stop();
        }
    }
};

QTEST_GUILESS_MAIN(TestFirstHour)
#include "tst_firsthour.moc"
