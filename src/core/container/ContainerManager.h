// SPDX-License-Identifier: GPL-3.0-or-later
// ContainerManager: the containers a node hosts — definitions, compiled programs, stores,
// logs — and the script pool that runs one instance per message. Lives on the node thread;
// instances run on its own QThreadPool and hand their results back as queued values.
#pragma once

#include "container/ContainerDefinition.h"
#include "container/ContainerLogRing.h"
#include "container/ContainerLogWriter.h"
#include "container/ContainerMessage.h"
#include "container/ContainerOutcome.h"
#include "container/ContainerRepository.h"
#include "container/ContainerStore.h"
#include "script/Diagnostic.h"
#include "script/Program.h"
#include "script/RunResult.h"
#include "util/Result.h"

#include <QHash>
#include <QJsonObject>
#include <QMap>
#include <QObject>
#include <QThreadPool>

#include <deque>
#include <map>
#include <memory>
#include <optional>

namespace orion::container {

class ContainerManager : public QObject {
    Q_OBJECT

public:
    struct Options {
        QString containersDirectory; // Profile::containersDirectory()
        QString databasePath;        // Profile::databasePath()
        // Seals the containers' keys at rest: ContainerKeyWrap::fromIdentity(the node's
        // identity). Required: open() refuses to start without it.
        std::shared_ptr<const ContainerKeyWrap> keyWrap;
        ContainerLimits defaults; // for every limit a container.json does not set
        int maxThreads = 0;       // script pool size; 0 = one per core, at least 2
        // Bytes of the messages waiting in all containers' queues together; each container
        // also has its own (ContainerLimits::maxQueueBytes). More are refused as Busy.
        qint64 maxQueuedBytes = qint64{64} * 1024 * 1024;
        // Log entries kept per container, in memory and in the database.
        size_t logCapacity = ContainerLogRing::kDefaultCapacity;
        // How many container-routed messages may lead to one more (ContainerMessage::
        // routeDepth): a route beyond is dropped, and a container whose own routes came
        // back to it that often is stopped, since it loops.
        int maxRouteDepth = 16;
    };

    // One container as list() reports it.
    struct Info {
        QString name;
        QString key;       // 40 hex
        QString publicKey; // 64 hex
        qint64 version = 0;
        bool enabled = false;
        bool loaded = false; // false when its program does not compile
        QString error;       // why it is not loaded
        AllowList allow;
        ContainerLimits limits;
        int queued = 0;
        qint64 queuedBytes = 0; // what the queued messages hold (approximately)
        // An instance is executing at this moment; whether the container accepts messages
        // is `enabled && loaded`.
        bool executing = false;
        ContainerLogRing::Statistics statistics;
    };

    // The log entries logs() returns.
    struct Logs {
        std::vector<ContainerLogRing::Entry> entries; // oldest first
        quint64 lastId = 0;                           // the newest entry's, 0 before any
        ContainerLogRing::Statistics statistics;
    };

    // The stored data: key -> the value's JSON text, as the script stored it.
    using Data = QMap<QString, QByteArray>;

    explicit ContainerManager(Options options, QObject *parent = nullptr);
    ~ContainerManager() override;

    // Opens the database and loads every container of the profile. Containers that cannot
    // be loaded are reported by rejected() and list(); the others run. Emits
    // containerAdded (and containerStarted for enabled ones) for each.
    Status open();
    struct Rejection {
        QString name;
        QString reason;
    };
    const std::vector<Rejection> &rejected() const { return m_rejected; }

    // ---- messages (node thread) ----
    // Queues @p message for its container. Every message ends in exactly one outcome signal;
    // a message that cannot run also gets errorReply.
    void deliver(const ContainerMessage &message);
    bool hosts(const identity::Key160 &key) const;
    // True when a container (loaded or rejected) or a directory of that name exists.
    bool nameTaken(const QString &name) const;
    std::optional<QString> nameOf(const identity::Key160 &key) const;

    // ---- management ----
    // Returns the new container's key (40 hex).
    Result<QString> create(const QString &name, const QString &source, const AllowList &allow = {},
                           const QJsonObject &limitOverrides = {});
    // Hot reload: messages dispatched from now on run the new program; an instance already
    // running finishes on the old one. Returns the new version.
    Result<qint64> update(const QString &name, const QString &source);
    Status setAllowList(const QString &name, const AllowList &allow);
    Status start(const QString &name);
    Status stop(const QString &name);
    // Deletes the container, its key and its stored data. Queued messages are answered with
    // errorReply; a running instance's result is dropped.
    Status remove(const QString &name);
    std::vector<Info> list() const;
    Result<Info> info(const QString &name) const;
    // Log entries with an id above @p sinceId.
    Result<Logs> logs(const QString &name, quint64 sinceId) const;
    Result<Data> data(const QString &name) const;
    // The container's key pair, for the node to sign its provider records.
    Result<identity::NodeIdentity> containerIdentity(const QString &name) const;

    // Bytes held by the messages waiting in every container's queue, and how many messages
    // the byte budgets (the container's or the node's) refused.
    qint64 queuedBytes() const { return m_queuedBytes; }
    quint64 queueBytesRefused() const { return m_queueBytesRefused; }

    // Waits until no instance runs (for shutdown and tests); results are still delivered
    // through the event loop afterwards.
    void waitForIdle();

Q_SIGNALS:
    // The host must send @p body to @p target (a key) on @p service, as a message from the
    // container @p containerKey; @p inReplyTo is the id of the message that caused it,
    // @p routeDepth the depth the new message carries (one more than that message's) and
    // @p routeOrigin the container whose route started the chain.
    void routeRequested(const orion::identity::Key160 &containerKey,
                        const orion::identity::Key160 &target, const QString &service,
                        const QJsonValue &body, const QByteArray &inReplyTo, int routeDepth,
                        const orion::identity::Key160 &routeOrigin);
    // The host must answer @p original (to its source) with @p body.
    void replyRequested(const orion::identity::Key160 &containerKey,
                        const orion::container::ContainerMessage &original, const QJsonValue &body);
    // The message could not be handled; @p code is Refused, NotFound, Unavailable, Busy,
    // ScriptError or Internal. The host sends an error reply to the sender.
    void errorReply(const orion::container::ContainerMessage &original, orion::ErrorCode code,
                    const QString &message);
    void outcome(const orion::container::ContainerOutcome &outcome);

    void containerAdded(const QString &name, const orion::identity::Key160 &key);
    void containerRemoved(const QString &name, const orion::identity::Key160 &key);
    // The container accepts messages now / no longer (publish / withdraw its provider record).
    void containerStarted(const QString &name, const orion::identity::Key160 &key);
    void containerStopped(const QString &name, const orion::identity::Key160 &key);
    void containerUpdated(const QString &name, qint64 version);
    // A new log entry (for live views).
    void logAppended(const QString &name, quint64 id);

private:
    struct Runtime;
    struct Finished;

    Runtime *find(const QString &name) const;
    Runtime *findByKey(const QString &keyHex) const;
    void install(ContainerDefinition definition, const QString &source);
    void refuse(const ContainerMessage &message, Runtime *rt, ContainerOutcome::Status status,
                ErrorCode code, const QString &text);
    void pump(Runtime *rt);
    // Empties the queue of @p rt (its bytes leave the totals) and returns what it held.
    std::deque<ContainerMessage> takeQueue(Runtime *rt);
    void onFinished(quint64 serial, const ContainerMessage &message,
                    const script::RunResult &result, qint64 micros);
    void log(Runtime *rt, ContainerLogRing::Level level, const QString &text);
    void setEnabled(Runtime *rt, bool enabled);

    Options m_options;
    ContainerRepository m_repository;
    ContainerStore m_store;
    ContainerLogWriter m_logWriter; // a child: it moves to the node thread with the manager
    std::map<QString, std::unique_ptr<Runtime>> m_runtimes; // by name
    QHash<QString, Runtime *> m_byKey;                      // by 40-hex key
    std::vector<Rejection> m_rejected;
    quint64 m_nextSerial = 1;
    qint64 m_queuedBytes = 0;
    quint64 m_queueBytesRefused = 0;
    QThreadPool m_pool; // last member: destroyed (and joined) first
};

} // namespace orion::container
