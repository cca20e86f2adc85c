// SPDX-License-Identifier: GPL-3.0-or-later
#include "NodeProcess.h"

#include "TestData.h"
#include "portal/PortalClient.h"
#include "portal/PortalServer.h"
#include "routing/Endpoint.h"

#include <QDeadlineTimer>
#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSettings>
#include <QThread>

#include <csignal>
#include <sys/prctl.h>

namespace orion::test {

namespace {
QProcessEnvironment toolEnvironment() {
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("ORION_PASSPHRASE"), QString::fromLatin1(NodeProcess::kPassphrase));
    return env;
}
} // namespace

NodeProcess::NodeProcess(QString profileDir)
    : m_profile(std::move(profileDir)) {}

NodeProcess::~NodeProcess() {
    if (isRunning()) {
        kill();
    }
}

QString NodeProcess::nodeBinary() {
    return TestData::binary(QStringLiteral("src/cli/orion-node"));
}
QString NodeProcess::ctlBinary() {
    return TestData::binary(QStringLiteral("src/cli/orionctl"));
}

QString NodeProcess::socketPath() const {
    return portal::PortalServer::socketPathFor(m_profile);
}
QString NodeProcess::networkKeyFile() const {
    return m_profile + QStringLiteral(".network-key");
}
QString NodeProcess::memberFile() const {
    return m_profile + QStringLiteral(".member.json");
}

QString NodeProcess::log() const {
    if (m_process) {
        m_stderr += m_process->readAllStandardError();
    }
    return QString::fromUtf8(m_stderr);
}

Result<QString> NodeProcess::runTool(const QString &binary, const QStringList &args,
                                     int timeoutMs) {
    QProcess process;
    process.setProcessEnvironment(toolEnvironment());
    process.start(binary, args);
    if (!process.waitForStarted(10000)) {
        return Result<QString>::failure(
            QStringLiteral("cannot start %1: %2").arg(binary, process.errorString()));
    }
    process.closeWriteChannel();
    if (!process.waitForFinished(timeoutMs)) {
        process.kill();
        process.waitForFinished();
        return Result<QString>::failure(
            QStringLiteral("%1 %2 timed out").arg(binary, args.join(u' ')));
    }
    const QString out = QString::fromUtf8(process.readAllStandardOutput());
    if (process.exitStatus() != QProcess::NormalExit || process.exitCode() != 0) {
        return Result<QString>::failure(
            QStringLiteral("exit %1: %2%3")
                .arg(process.exitCode())
                .arg(QString::fromUtf8(process.readAllStandardError()), out));
    }
    return out;
}

Result<QString> NodeProcess::node(const QStringList &args, int timeoutMs) const {
    return runTool(nodeBinary(), args + QStringList{QStringLiteral("--profile"), m_profile},
                   timeoutMs);
}

Result<QString> NodeProcess::ctl(const QStringList &args, int timeoutMs) const {
    return runTool(ctlBinary(), args + QStringList{QStringLiteral("--profile"), m_profile},
                   timeoutMs);
}

std::unique_ptr<QProcess> NodeProcess::startCtl(const QStringList &args) const {
    auto process = std::make_unique<QProcess>();
    process->setProcessEnvironment(toolEnvironment());
    process->start(ctlBinary(), args + QStringList{QStringLiteral("--profile"), m_profile});
    process->waitForStarted(10000);
    return process;
}

Status NodeProcess::init(const QString &networkKeyFile) {
    QStringList args{QStringLiteral("init"), QStringLiteral("--kdf"),
                     QStringLiteral("interactive")};
    if (networkKeyFile.isEmpty()) {
        args << QStringLiteral("--new-network");
    } else {
        args << QStringLiteral("--network-key-file") << networkKeyFile;
    }
    if (auto r = node(args); !r) {
        return Status::failure(QStringLiteral("init: ") + r.error());
    }
    if (networkKeyFile.isEmpty()) {
        auto key = node({QStringLiteral("network-key"), QStringLiteral("--hex")});
        if (!key) {
            return Status::failure(QStringLiteral("network-key: ") + key.error());
        }
        QFile file(this->networkKeyFile());
        if (!file.open(QIODevice::WriteOnly) || file.write(key->toUtf8()) < 0) {
            return Status::failure(QStringLiteral("cannot write the network key file"));
        }
    }
    auto id = node({QStringLiteral("id")});
    if (!id) {
        return Status::failure(QStringLiteral("id: ") + id.error());
    }
    m_nodeId = id->trimmed();
    QSettings settings(m_profile + QStringLiteral("/settings.ini"), QSettings::IniFormat);
    settings.setValue(QStringLiteral("overlay/addressLimits"), false);
    settings.setValue(QStringLiteral("overlay/requestTimeoutMs"), 2000);
    settings.sync();
    return Status::success();
}

Status NodeProcess::start(bool listen) {
    return run(listen ? QStringLiteral("127.0.0.1:0") : QString());
}

Status NodeProcess::start(const QString &hostPort) {
    return run(hostPort);
}

quint16 NodeProcess::listenPort() const {
    const auto endpoint = routing::Endpoint::parse(m_listen);
    return endpoint ? endpoint->port() : 0;
}

Status NodeProcess::run(const QString &hostPort) {
    const bool listen = !hostPort.isEmpty();
    m_process = std::make_unique<QProcess>();
    m_process->setProcessEnvironment(toolEnvironment());
    m_process->setChildProcessModifier([] { ::prctl(PR_SET_PDEATHSIG, SIGKILL); });
    QStringList args{QStringLiteral("run"), QStringLiteral("--profile"), m_profile};
    if (listen) {
        args << QStringLiteral("--listen") << hostPort;
    } else {
        args << QStringLiteral("--no-listen");
    }
    m_process->start(nodeBinary(), args);
    if (!m_process->waitForStarted(10000)) {
        return Status::failure(QStringLiteral("cannot start orion-node run"));
    }
    QDeadlineTimer deadline(60000);
    QByteArray out;
    if (listen) {
        while (!out.contains('\n') && !deadline.hasExpired()) {
            if (m_process->state() != QProcess::Running) {
                return Status::failure(QStringLiteral("orion-node run exited: ") + log());
            }
            m_process->waitForReadyRead(100);
            out += m_process->readAllStandardOutput();
        }
        const QString line = QString::fromUtf8(out.left(out.indexOf('\n'))).trimmed();
        if (!line.startsWith(QStringLiteral("listening on "))) {
            return Status::failure(
                QStringLiteral("unexpected first line '%1': %2").arg(line, log()));
        }
        m_listen = line.mid(int(qstrlen("listening on ")));
    }
    // The portal answers once the node runs.
    for (;;) {
        portal::PortalClient probe;
        if (probe.connectToNode(socketPath(), 500).ok() &&
            probe.request(QStringLiteral("status")).ok()) {
            break;
        }
        if (deadline.hasExpired() || m_process->state() != QProcess::Running) {
            return Status::failure(QStringLiteral("the node's portal never answered: ") + log());
        }
        QThread::msleep(50);
    }
    // A node that does not listen has no member file anyone could dial; export refuses it.
    if (auto exported =
            listen ? ctl({QStringLiteral("member"), QStringLiteral("export"), memberFile()})
                   : Result<QString>(QString());
        !exported) {
        return Status::failure(QStringLiteral("member export: ") + exported.error());
    }
    return Status::success();
}

bool NodeProcess::stop() {
    if (!isRunning()) {
        return false;
    }
    ::kill(pid_t(m_process->processId()), SIGTERM);
    const bool finished = m_process->waitForFinished(20000);
    log();
    return finished && m_process->exitStatus() == QProcess::NormalExit &&
           m_process->exitCode() == 0;
}

void NodeProcess::kill() {
    if (isRunning()) {
        m_process->kill();
        m_process->waitForFinished(10000);
    }
}

bool NodeProcess::isRunning() const {
    return m_process && m_process->state() != QProcess::NotRunning;
}

qint64 NodeProcess::pid() const {
    return m_process ? m_process->processId() : 0;
}

} // namespace orion::test
