// SPDX-License-Identifier: GPL-3.0-or-later
// NodeProcess: one `orion-node` process on a temporary profile for end-to-end tests —
// init, run, stop, kill — plus helpers to run orion-node and orionctl commands against it.
// The process is killed when the thread that started it ends (PR_SET_PDEATHSIG), so a test
// that dies leaves no node behind. Used from the test's main thread.
#pragma once

#include "util/Result.h"

#include <QProcess>
#include <QString>
#include <QStringList>

#include <memory>

namespace orion::test {

class NodeProcess {
public:
    explicit NodeProcess(QString profileDir);
    ~NodeProcess();

    // `orion-node init`: a new network when networkKeyFile is empty, else joins it.
    // Uses the cheaper key-derivation cost and ORION_PASSPHRASE; relaxes the per-address
    // limits in the profile's settings, since every test node shares 127.0.0.1.
    Status init(const QString &networkKeyFile = {});
    // `orion-node run`, listening on 127.0.0.1 (port chosen by the system) or not at all;
    // returns once the node listens and its portal answers.
    Status start(bool listen = true);
    // The same listening on `hostPort` (e.g. "127.0.0.1:7400", "0.0.0.0:0"): a node
    // restarted on the port it had keeps the address its peers know.
    Status start(const QString &hostPort);
    // SIGTERM and wait for a clean exit; false when it did not exit cleanly.
    bool stop();
    // SIGKILL, as a crash would.
    void kill();
    bool isRunning() const;
    qint64 pid() const;

    // Runs `orion-node ARGS --profile DIR` to completion; stdout on success, else
    // stderr (and the exit code) as the error.
    Result<QString> node(const QStringList &args, int timeoutMs = 60000) const;
    // Runs `orionctl ARGS --profile DIR` to completion, the same way.
    Result<QString> ctl(const QStringList &args, int timeoutMs = 60000) const;
    // Starts `orionctl ARGS --profile DIR` without waiting (e.g. listen).
    std::unique_ptr<QProcess> startCtl(const QStringList &args) const;

    const QString &profile() const { return m_profile; }
    const QString &nodeId() const { return m_nodeId; }
    const QString &listenEndpoint() const { return m_listen; }
    quint16 listenPort() const;
    QString socketPath() const;
    QString networkKeyFile() const; // written by init() of a new network
    QString memberFile() const;     // written by start(): the running node's member file
    QString log() const;            // what the node printed on stderr so far

    static QString nodeBinary();
    static QString ctlBinary();
    static constexpr const char *kPassphrase = "test passphrase";

private:
    Status run(const QString &hostPort); // empty: no listener
    static Result<QString> runTool(const QString &binary, const QStringList &args, int timeoutMs);

    QString m_profile;
    QString m_nodeId;
    QString m_listen;
    std::unique_ptr<QProcess> m_process;
    mutable QByteArray m_stderr;
};

} // namespace orion::test
