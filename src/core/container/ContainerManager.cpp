// SPDX-License-Identifier: GPL-3.0-or-later
#include "container/ContainerManager.h"

#include "container/ContainerLog.h"
#include "container/ContainerProgram.h"
#include "container/RouteLoopRule.h"
#include "container/SnapshotStore.h"
#include "container/StoreWrites.h"
#include "script/Instance.h"
#include "util/ThreadHandOver.h"

#include <QElapsedTimer>
#include <QThread>

#include <algorithm>

namespace orion::container {

using Level = ContainerLogRing::Level;
using Status_ = ContainerOutcome::Status;

// Everything the node thread keeps about one container. Only the node thread touches it;
// an instance gets copies (program pointer, data snapshot, limits, message).
struct ContainerManager::Runtime {
    quint64 serial = 0; // tells a result of this container from one of a recreated namesake
    ContainerDefinition definition;
    ContainerLimits limits;
    QString keyHex;
    std::shared_ptr<const script::Program> program; // null when main.ns does not compile
    QString loadError;
    QHash<QString, QByteArray> data; // the committed store, mirrored for snapshots
    qint64 dataBytes = 0;
    std::deque<ContainerMessage> queue;
    qint64 queuedBytes = 0; // ContainerMessage::retainedBytes() of the queue
    bool executing = false;
    ContainerLogRing log;
};

ContainerManager::ContainerManager(Options options, QObject *parent)
    : QObject(parent)
    , m_options(std::move(options))
    , m_repository(m_options.containersDirectory, m_options.keyWrap)
    , m_logWriter(m_options.logCapacity, this) {
    qRegisterMetaType<ContainerMessage>();
    qRegisterMetaType<ContainerOutcome>();
    const int threads =
        m_options.maxThreads > 0 ? m_options.maxThreads : std::max(2, QThread::idealThreadCount());
    m_pool.setMaxThreadCount(threads);
    m_pool.setObjectName(QStringLiteral("orion-script-pool"));
}

ContainerManager::~ContainerManager() {
    // Results posted after this point are dropped with the object; none may still be running.
    m_pool.waitForDone();
    m_logWriter.flush();
}

void ContainerManager::waitForIdle() {
    m_pool.waitForDone();
}

Status ContainerManager::open() {
    if (!m_options.keyWrap) {
        return Status::failure(QStringLiteral("the containers need the node's identity to seal "
                                              "their keys with"));
    }
    if (auto s = m_store.open(m_options.databasePath); !s) {
        return s;
    }
    if (auto s = m_logWriter.open(m_options.databasePath); !s) {
        return s;
    }
    m_rejected.clear();
    auto scan = m_repository.scan();
    for (auto &r : scan.rejected) {
        qCWarning(lcContainer).noquote() << "container" << r.name << "rejected:" << r.reason;
        m_rejected.push_back({r.name, r.reason});
    }
    for (auto &loaded : scan.loaded) {
        if (m_byKey.contains(loaded.definition.key.toHex())) {
            m_rejected.push_back({loaded.definition.name,
                                  QStringLiteral("its key is already used by another container")});
            continue;
        }
        auto limits = loaded.definition.effectiveLimits(m_options.defaults);
        if (!limits) {
            m_rejected.push_back({loaded.definition.name, limits.error()});
            continue;
        }
        install(std::move(loaded.definition), loaded.source);
    }
    return {};
}

void ContainerManager::install(ContainerDefinition definition, const QString &source) {
    auto rt = std::make_unique<Runtime>();
    rt->serial = m_nextSerial++;
    rt->keyHex = definition.key.toHex();
    rt->limits = definition.effectiveLimits(m_options.defaults).value();
    rt->definition = std::move(definition);
    rt->log = ContainerLogRing(std::max<size_t>(1, m_options.logCapacity));
    // What the log held before a restart (or a crash): later entries continue its ids, so
    // `logs --since N` of a client that watched before goes on where it was.
    if (auto earlier = m_logWriter.load(rt->keyHex); earlier) {
        rt->log.restore(std::move(earlier->entries), earlier->lastId);
    } else {
        qCWarning(lcContainer).noquote()
            << "container" << rt->definition.name << "log not read:" << earlier.error();
    }
    script::Diagnostic where;
    auto program = ContainerProgram::compile(source, &where);
    if (program) {
        rt->program = *program;
    } else {
        rt->loadError = program.error();
        qCWarning(lcContainer).noquote()
            << "container" << rt->definition.name << "does not compile:" << program.error();
    }
    auto data = m_store.load(rt->keyHex);
    if (data) {
        rt->data = std::move(*data);
        for (auto it = rt->data.cbegin(); it != rt->data.cend(); ++it) {
            rt->dataBytes += StoreWrites::entryBytes(it.key(), it.value());
        }
    } else {
        rt->loadError = data.error();
        rt->program.reset();
    }
    Runtime *raw = rt.get();
    const QString name = raw->definition.name;
    const identity::Key160 key = raw->definition.key;
    m_byKey.insert(raw->keyHex, raw);
    m_runtimes[name] = std::move(rt);
    if (!program) {
        log(raw, Level::Error, program.error());
    }
    Q_EMIT containerAdded(name, key);
    if (raw->definition.enabled && raw->program) {
        Q_EMIT containerStarted(name, key);
    }
}

ContainerManager::Runtime *ContainerManager::find(const QString &name) const {
    const auto it = m_runtimes.find(name);
    return it == m_runtimes.end() ? nullptr : it->second.get();
}

ContainerManager::Runtime *ContainerManager::findByKey(const QString &keyHex) const {
    return m_byKey.value(keyHex, nullptr);
}

bool ContainerManager::hosts(const identity::Key160 &key) const {
    return findByKey(key.toHex()) != nullptr;
}

bool ContainerManager::nameTaken(const QString &name) const {
    return find(name) || m_repository.exists(name);
}

std::optional<QString> ContainerManager::nameOf(const identity::Key160 &key) const {
    if (Runtime *rt = findByKey(key.toHex())) {
        return rt->definition.name;
    }
    return std::nullopt;
}

// ---- messages ------------------------------------------------------------------------------

void ContainerManager::deliver(const ContainerMessage &message) {
    Q_ASSERT(QThread::currentThread() == thread());
    Runtime *rt = findByKey(message.container.toHex());
    if (!rt) {
        refuse(message, nullptr, Status_::NotFound, ErrorCode::NotFound,
               QStringLiteral("no container %1 on this node").arg(message.container.toHex()));
        return;
    }
    if (!rt->definition.enabled || !rt->program) {
        refuse(message, rt, Status_::Stopped, ErrorCode::Unavailable,
               rt->program ? QStringLiteral("container %1 is stopped").arg(rt->definition.name)
                           : QStringLiteral("container %1 is not loaded: %2")
                                 .arg(rt->definition.name, rt->loadError));
        return;
    }
    if (!rt->definition.allow.admits(message.source.toHex(), message.service)) {
        ++rt->log.counters().refused;
        refuse(message, rt, Status_::Refused, ErrorCode::Refused,
               QStringLiteral("sender %1 (service \"%2\") is not allowed")
                   .arg(message.source.toHex(), message.service));
        return;
    }
    if (int(rt->queue.size()) >= rt->limits.maxQueue) {
        ++rt->log.counters().busy;
        refuse(message, rt, Status_::Busy, ErrorCode::Busy,
               QStringLiteral("container %1 has %2 messages waiting")
                   .arg(rt->definition.name)
                   .arg(rt->queue.size()));
        return;
    }
    // Bytes as well as messages: 10,000 bodies of 1 MiB would otherwise be memory any
    // sender can make the node hold. A message for an empty queue of an idle container is
    // always taken (it runs at once), so a large message never waits for nothing.
    const qint64 bytes = message.retainedBytes();
    const bool runsAtOnce = rt->queue.empty() && !rt->executing;
    if (!runsAtOnce && (rt->queuedBytes + bytes > rt->limits.maxQueueBytes ||
                        m_queuedBytes + bytes > m_options.maxQueuedBytes)) {
        ++rt->log.counters().busy;
        ++m_queueBytesRefused;
        refuse(message, rt, Status_::Busy, ErrorCode::Busy,
               QStringLiteral("container %1 has %2 bytes waiting (the node's containers %3)")
                   .arg(rt->definition.name)
                   .arg(rt->queuedBytes)
                   .arg(m_queuedBytes));
        return;
    }
    ++rt->log.counters().messagesIn;
    rt->queue.push_back(message);
    rt->queuedBytes += bytes;
    m_queuedBytes += bytes;
    pump(rt);
}

std::deque<ContainerMessage> ContainerManager::takeQueue(Runtime *rt) {
    std::deque<ContainerMessage> queue;
    queue.swap(rt->queue);
    m_queuedBytes -= rt->queuedBytes;
    rt->queuedBytes = 0;
    return queue;
}

void ContainerManager::refuse(const ContainerMessage &message, Runtime *rt, Status_ status,
                              ErrorCode code, const QString &text) {
    ContainerOutcome o;
    o.status = status;
    o.message = message;
    o.error = text;
    if (rt) {
        o.container = rt->definition.name;
        log(rt, Level::Warning, text);
    } else {
        qCDebug(lcContainer).noquote() << text;
    }
    Q_EMIT errorReply(message, code, text);
    Q_EMIT outcome(o);
}

// One container runs one instance at a time, in arrival order: its store is then never
// written by two instances at once, and each instance's snapshot is the committed state.
// Different containers run in parallel on the pool.
void ContainerManager::pump(Runtime *rt) {
    if (rt->executing || rt->queue.empty() || !rt->program || !rt->definition.enabled) {
        return;
    }
    ContainerMessage message = std::move(rt->queue.front());
    rt->queue.pop_front();
    const qint64 bytes = message.retainedBytes();
    rt->queuedBytes -= bytes;
    m_queuedBytes -= bytes;
    rt->executing = true;

    script::MessageInput input;
    input.body = message.body;
    input.sender = message.source.toHex();
    input.receiver = message.container.toHex();
    input.service = message.service;
    input.self = rt->keyHex;
    util::handover::start(m_pool, [this, serial = rt->serial, message = std::move(message),
                                   program = rt->program, snapshot = rt->data,
                                   limits = rt->limits.script, input = std::move(input)]() mutable {
        QElapsedTimer timer;
        timer.start();
        script::RunResult result;
        {
            const SnapshotStore store(std::move(snapshot));
            result = script::Instance::run(*program, input, store, limits);
        }
        const qint64 micros = timer.nsecsElapsed() / 1000;
        util::handover::post(this, [this, serial, message = std::move(message),
                                    result = std::move(result),
                                    micros]() { onFinished(serial, message, result, micros); });
    });
}

void ContainerManager::onFinished(quint64 serial, const ContainerMessage &message,
                                  const script::RunResult &result, qint64 micros) {
    Runtime *rt = nullptr;
    for (const auto &[name, candidate] : m_runtimes) {
        if (candidate->serial == serial) {
            rt = candidate.get();
            break;
        }
    }
    if (!rt) {
        ContainerOutcome o;
        o.status = Status_::NotFound;
        o.message = message;
        o.error = QStringLiteral("the container was removed while the message ran");
        o.runMicros = micros;
        Q_EMIT errorReply(message, ErrorCode::Unavailable, o.error);
        Q_EMIT outcome(o);
        return;
    }
    rt->executing = false;
    rt->log.recordRun(micros);

    ContainerOutcome o;
    o.message = message;
    o.container = rt->definition.name;
    o.runMicros = micros;
    const identity::Key160 key = rt->definition.key;

    QString failure;
    ErrorCode failureCode = ErrorCode::Failed;
    if (!result.ok) {
        for (const auto &e : result.effects) {
            if (e.kind == script::Effect::Kind::Log) {
                log(rt, Level::Info, e.body);
            }
        }
        failure = ContainerProgram::errorText(result.error);
        failureCode = ErrorCode::ScriptError;
        o.status = Status_::ScriptError;
    } else {
        // The last write of each key wins; commit them together.
        const StoreWrites writes(result.effects);
        const qint64 bytes = writes.bytesAfter(rt->data, rt->dataBytes);
        if (!writes.empty() && bytes > rt->limits.maxStoreBytes && bytes > rt->dataBytes) {
            failure = QStringLiteral("store quota exceeded: %1 bytes (limit %2)")
                          .arg(bytes)
                          .arg(rt->limits.maxStoreBytes);
            failureCode = ErrorCode::ScriptError;
            o.status = Status_::StoreError;
        } else if (!writes.empty()) {
            if (auto s = m_store.commit(rt->keyHex, writes.writes()); !s) {
                failure = QStringLiteral("store commit failed: %1").arg(s.error());
                failureCode = ErrorCode::Internal;
                o.status = Status_::StoreError;
                qCWarning(lcContainer).noquote() << rt->definition.name << failure;
            } else {
                writes.applyTo(rt->data);
                rt->dataBytes = bytes;
            }
        }
    }

    // State first, signals last: a slot may deliver, update or remove re-entrantly.
    std::vector<const script::Effect *> emits;
    const RouteLoopRule loopRule(message, key, m_options.maxRouteDepth);
    int droppedRoutes = 0;
    if (failure.isEmpty()) {
        ++rt->log.counters().completed;
        for (const auto &e : result.effects) {
            switch (e.kind) {
            case script::Effect::Kind::Log:
                log(rt, Level::Info, e.body);
                break;
            case script::Effect::Kind::Route:
                if (loopRule.dropsRoutes()) {
                    ++droppedRoutes;
                    break;
                }
                ++rt->log.counters().routes;
                emits.push_back(&e);
                break;
            case script::Effect::Kind::Reply:
                ++rt->log.counters().replies;
                emits.push_back(&e);
                break;
            default:
                break;
            }
        }
    } else {
        ++rt->log.counters().errors;
        log(rt, Level::Error, failure);
        o.error = failure;
    }
    const bool stopForLoop = loopRule.stopsContainer(droppedRoutes);
    if (droppedRoutes > 0) {
        const QString why = loopRule.reason(droppedRoutes);
        log(rt, Level::Error,
            stopForLoop
                ? QStringLiteral("stopping: its messages come back to it in a loop; %1").arg(why)
                : why);
        qCWarning(lcContainer).noquote() << "container" << rt->definition.name << why;
    }
    if (!stopForLoop) {
        pump(rt); // else no further message starts: it is stopped below
    }

    for (const script::Effect *e : emits) {
        if (e->kind == script::Effect::Kind::Route) {
            Q_EMIT routeRequested(key, *identity::Key160::fromHex(e->target), e->service,
                                  ContainerProgram::bodyOf(*e), message.messageId,
                                  loopRule.routeDepth(), loopRule.routeOrigin());
        } else {
            Q_EMIT replyRequested(key, message, ContainerProgram::bodyOf(*e));
        }
    }
    if (!failure.isEmpty()) {
        Q_EMIT errorReply(message, failureCode, failure);
    }
    Q_EMIT outcome(o);
    if (stopForLoop) {
        // Looked up again: a slot above may have removed or replaced it.
        if (Runtime *still = findByKey(key.toHex()); still && still->serial == serial) {
            qCWarning(lcContainer).noquote() << "container" << still->definition.name
                                             << "stopped: it routes to itself in a loop";
            if (auto stopped = stop(still->definition.name); !stopped) {
                qCWarning(lcContainer).noquote()
                    << "cannot stop" << key.toHex() << ":" << stopped.error();
            }
        }
    }
}

void ContainerManager::log(Runtime *rt, Level level, const QString &text) {
    const quint64 id = rt->log.append(level, text);
    m_logWriter.add(rt->keyHex, rt->log.newest());
    Q_EMIT logAppended(rt->definition.name, id);
}

// ---- management ----------------------------------------------------------------------------

Result<QString> ContainerManager::create(const QString &name, const QString &source,
                                         const AllowList &allow,
                                         const QJsonObject &limitOverrides) {
    using R = Result<QString>;
    if (!ContainerDefinition::isValidName(name)) {
        return R::failure(
            ErrorCode::InvalidArgument,
            QStringLiteral("\"%1\" is not a valid container name (1-64 of a-z 0-9 _ -, starting "
                           "with a letter or digit)")
                .arg(name));
    }
    if (find(name) || m_repository.exists(name)) {
        return R::failure(ErrorCode::AlreadyExists,
                          QStringLiteral("a container named \"%1\" already exists").arg(name));
    }
    if (auto limits = ContainerLimits::fromJson(limitOverrides, m_options.defaults); !limits) {
        return R::failure(ErrorCode::InvalidArgument, limits.error());
    }
    if (auto program = ContainerProgram::compile(source); !program) {
        return R::failure(program.errorValue());
    }
    auto definition = m_repository.create(name, source, allow, limitOverrides);
    if (!definition) {
        return R::failure(definition.errorValue());
    }
    m_rejected.erase(std::remove_if(m_rejected.begin(), m_rejected.end(),
                                    [&](const Rejection &r) { return r.name == name; }),
                     m_rejected.end());
    const QString key = definition->key.toHex();
    install(std::move(*definition), source);
    log(find(name), Level::Info, QStringLiteral("created, version 1"));
    return key;
}

Result<qint64> ContainerManager::update(const QString &name, const QString &source) {
    using R = Result<qint64>;
    Runtime *rt = find(name);
    if (!rt) {
        return R::failure(ErrorCode::NotFound,
                          QStringLiteral("no container named \"%1\"").arg(name));
    }
    auto program = ContainerProgram::compile(source);
    if (!program) {
        return R::failure(program.errorValue());
    }
    if (auto s = m_repository.writeSource(name, source); !s) {
        return R::failure(s.errorValue());
    }
    ContainerDefinition next = rt->definition;
    ++next.version;
    next.updatedMs = QDateTime::currentMSecsSinceEpoch();
    if (auto s = m_repository.writeDefinition(next); !s) {
        return R::failure(s.errorValue());
    }
    const bool wasLoaded = rt->program != nullptr;
    rt->definition = next;
    rt->program = *program;
    rt->loadError.clear();
    log(rt, Level::Info, QStringLiteral("updated to version %1").arg(next.version));
    Q_EMIT containerUpdated(name, next.version);
    if (!wasLoaded && rt->definition.enabled) {
        Q_EMIT containerStarted(name, rt->definition.key);
    }
    pump(rt);
    return next.version;
}

Status ContainerManager::setAllowList(const QString &name, const AllowList &allow) {
    Runtime *rt = find(name);
    if (!rt) {
        return Status::failure(ErrorCode::NotFound,
                               QStringLiteral("no container named \"%1\"").arg(name));
    }
    ContainerDefinition next = rt->definition;
    next.allow = allow;
    next.updatedMs = QDateTime::currentMSecsSinceEpoch();
    if (auto s = m_repository.writeDefinition(next); !s) {
        return s;
    }
    rt->definition = next;
    return {};
}

Status ContainerManager::start(const QString &name) {
    Runtime *rt = find(name);
    if (!rt) {
        return Status::failure(ErrorCode::NotFound,
                               QStringLiteral("no container named \"%1\"").arg(name));
    }
    if (!rt->program) {
        return Status::failure(
            ErrorCode::Unavailable,
            QStringLiteral("container \"%1\" cannot start: %2").arg(name, rt->loadError));
    }
    if (rt->definition.enabled) {
        return {};
    }
    ContainerDefinition next = rt->definition;
    next.enabled = true;
    if (auto s = m_repository.writeDefinition(next); !s) {
        return s;
    }
    rt->definition = next;
    log(rt, Level::Info, QStringLiteral("started"));
    Q_EMIT containerStarted(name, rt->definition.key);
    return {};
}

Status ContainerManager::stop(const QString &name) {
    Runtime *rt = find(name);
    if (!rt) {
        return Status::failure(ErrorCode::NotFound,
                               QStringLiteral("no container named \"%1\"").arg(name));
    }
    if (!rt->definition.enabled) {
        return {};
    }
    ContainerDefinition next = rt->definition;
    next.enabled = false;
    if (auto s = m_repository.writeDefinition(next); !s) {
        return s;
    }
    rt->definition = next;
    log(rt, Level::Info, QStringLiteral("stopped"));
    const std::deque<ContainerMessage> dropped = takeQueue(rt);
    const identity::Key160 key = rt->definition.key;
    Q_EMIT containerStopped(name, key);
    for (const auto &m : dropped) {
        refuse(m, find(name), Status_::Stopped, ErrorCode::Unavailable,
               QStringLiteral("container %1 was stopped").arg(name));
    }
    return {};
}

Status ContainerManager::remove(const QString &name) {
    Runtime *rt = find(name);
    if (!rt) {
        const bool broken = std::any_of(m_rejected.begin(), m_rejected.end(),
                                        [&](const Rejection &r) { return r.name == name; });
        if (broken) {
            if (auto s = m_repository.remove(name); !s) {
                return s;
            }
            m_rejected.erase(std::remove_if(m_rejected.begin(), m_rejected.end(),
                                            [&](const Rejection &r) { return r.name == name; }),
                             m_rejected.end());
            return {};
        }
        return Status::failure(ErrorCode::NotFound,
                               QStringLiteral("no container named \"%1\"").arg(name));
    }
    if (auto s = m_repository.remove(name); !s) {
        return s;
    }
    if (auto s = m_store.removeAll(rt->keyHex); !s) {
        qCWarning(lcContainer).noquote() << "removing the data of" << name << ":" << s.error();
    }
    if (auto s = m_logWriter.removeAll(rt->keyHex); !s) {
        qCWarning(lcContainer).noquote() << "removing the log of" << name << ":" << s.error();
    }
    const bool wasStarted = rt->definition.enabled && rt->program;
    const identity::Key160 key = rt->definition.key;
    const std::deque<ContainerMessage> dropped = takeQueue(rt);
    m_byKey.remove(rt->keyHex);
    m_runtimes.erase(name);
    if (wasStarted) {
        Q_EMIT containerStopped(name, key);
    }
    Q_EMIT containerRemoved(name, key);
    for (const auto &m : dropped) {
        refuse(m, nullptr, Status_::NotFound, ErrorCode::Unavailable,
               QStringLiteral("container %1 was removed").arg(name));
    }
    return {};
}

std::vector<ContainerManager::Info> ContainerManager::list() const {
    std::vector<Info> out;
    for (const auto &[name, rt] : m_runtimes) {
        out.push_back(info(name).value());
    }
    for (const auto &r : m_rejected) {
        Info i;
        i.name = r.name;
        i.error = r.reason;
        out.push_back(i);
    }
    std::sort(out.begin(), out.end(), [](const Info &a, const Info &b) { return a.name < b.name; });
    return out;
}

Result<ContainerManager::Info> ContainerManager::info(const QString &name) const {
    const Runtime *rt = find(name);
    if (!rt) {
        return Result<Info>::failure(ErrorCode::NotFound,
                                     QStringLiteral("no container named \"%1\"").arg(name));
    }
    Info i;
    i.name = name;
    i.key = rt->keyHex;
    i.publicKey = QString::fromLatin1(rt->definition.publicKey.toHex());
    i.version = rt->definition.version;
    i.enabled = rt->definition.enabled;
    i.loaded = rt->program != nullptr;
    i.error = rt->loadError;
    i.allow = rt->definition.allow;
    i.limits = rt->limits;
    i.queued = int(rt->queue.size());
    i.queuedBytes = rt->queuedBytes;
    i.executing = rt->executing;
    i.statistics = rt->log.statistics();
    return i;
}

Result<ContainerManager::Logs> ContainerManager::logs(const QString &name, quint64 sinceId) const {
    const Runtime *rt = find(name);
    if (!rt) {
        return Result<Logs>::failure(ErrorCode::NotFound,
                                     QStringLiteral("no container named \"%1\"").arg(name));
    }
    return Logs{rt->log.since(sinceId), rt->log.lastId(), rt->log.statistics()};
}

Result<ContainerManager::Data> ContainerManager::data(const QString &name) const {
    const Runtime *rt = find(name);
    if (!rt) {
        return Result<Data>::failure(ErrorCode::NotFound,
                                     QStringLiteral("no container named \"%1\"").arg(name));
    }
    Data out;
    for (auto it = rt->data.cbegin(); it != rt->data.cend(); ++it) {
        out.insert(it.key(), it.value());
    }
    return out;
}

Result<identity::NodeIdentity> ContainerManager::containerIdentity(const QString &name) const {
    if (!find(name)) {
        return Result<identity::NodeIdentity>::failure(
            ErrorCode::NotFound, QStringLiteral("no container named \"%1\"").arg(name));
    }
    return m_repository.loadKey(name);
}

} // namespace orion::container
