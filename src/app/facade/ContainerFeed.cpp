// SPDX-License-Identifier: GPL-3.0-or-later
#include "facade/ContainerFeed.h"

#include "container/ContainerManager.h"
#include "container/ContainerProgram.h"

#include <QFutureWatcher>
#include <QtConcurrent/QtConcurrentRun>

namespace orion::app::facade {

ContainerFeed::ContainerFeed(Dispatch dispatch, Watch watch, QObject *parent)
    : QObject(parent)
    , m_dispatch(std::move(dispatch))
    , m_watch(std::move(watch)) {}

quint64 ContainerFeed::request(ContainerCommand command, const QString &name,
                               const QString &source) {
    const quint64 id = m_nextRequest++;
    m_dispatch(id, command, name.trimmed(), source);
    return id;
}

quint64 ContainerFeed::deploy(const QString &name, const QString &source) {
    return request(ContainerCommand::Deploy, name, source);
}

quint64 ContainerFeed::start(const QString &name) {
    return request(ContainerCommand::Start, name);
}

quint64 ContainerFeed::stop(const QString &name) {
    return request(ContainerCommand::Stop, name);
}

quint64 ContainerFeed::remove(const QString &name) {
    return request(ContainerCommand::Remove, name);
}

void ContainerFeed::watch(const QString &name) {
    if (name == m_watched) {
        return;
    }
    m_watched = name;
    m_watch(name);
}

quint64 ContainerFeed::check(const QString &source) {
    const quint64 id = m_nextRequest++;
    // Compiling is a pure function of the text: it needs no node and may take a while for
    // a long program, so it runs on the pool and only the result comes back here.
    auto *watcher = new QFutureWatcher<ScriptCheck>(this);
    connect(watcher, &QFutureWatcher<ScriptCheck>::finished, this, [this, watcher, id]() {
        Q_EMIT checked(id, watcher->result());
        watcher->deleteLater();
    });
    watcher->setFuture(QtConcurrent::run([source]() {
        script::Diagnostic diagnostic;
        const auto compiled = container::ContainerProgram::compile(source, &diagnostic);
        ScriptCheck result;
        if (!compiled) {
            result.ok = false;
            result.line = diagnostic.line;
            result.column = diagnostic.column;
            result.message = diagnostic.message.isEmpty() ? compiled.error() : diagnostic.message;
        }
        return result;
    }));
    return id;
}

void ContainerFeed::apply(const QList<ContainerInfo> &containers) {
    m_current = containers;
    Q_EMIT containersChanged(m_current);
}

void ContainerFeed::applyDetail(const ContainerDetail &detail) {
    // A detail for a container no longer watched is stale.
    if (detail.name != m_watched) {
        return;
    }
    Q_EMIT detailChanged(detail);
}

void ContainerFeed::finish(quint64 requestId, const QString &error, const QString &message) {
    Q_EMIT commandFinished(requestId, error, message);
}

} // namespace orion::app::facade
