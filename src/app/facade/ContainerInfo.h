// SPDX-License-Identifier: GPL-3.0-or-later
// ContainerInfo, ContainerDetail: the containers a node hosts, as values: one row per
// container, and the source, new log lines and stored data of the one being watched.
// Produced on the backend thread; any thread.
#pragma once

#include <QDateTime>
#include <QList>
#include <QMap>
#include <QMetaType>
#include <QString>

namespace orion::app::facade {

enum class ContainerState {
    Running, // accepts messages
    Stopped, // disabled by its owner
    Broken,  // its program does not load; `error` says why
};

struct ContainerInfo {
    QString name;
    QString key; // 40 hex, empty for a definition that could not be read
    qint64 version = 0;
    ContainerState state = ContainerState::Stopped;
    QString error;
    int queued = 0;
    quint64 messagesIn = 0;
    quint64 replies = 0;
    quint64 errors = 0;

    friend bool operator==(const ContainerInfo &, const ContainerInfo &) = default;
};

struct ContainerLogLine {
    quint64 id = 0;
    QDateTime time;
    QString level; // "info", "warning", "error"
    QString text;

    friend bool operator==(const ContainerLogLine &, const ContainerLogLine &) = default;
};

struct ContainerDetail {
    QString name;
    bool restart = false; // true: the lines start a new log (another container was chosen)
    QString source;
    QList<ContainerLogLine> lines; // only lines not delivered before
    QMap<QString, QString> data;   // the stored data, key -> the value as a person reads it

    friend bool operator==(const ContainerDetail &, const ContainerDetail &) = default;
};

// What a container request does (ContainerFeed -> backend).
enum class ContainerCommand {
    Deploy, // create the container, or give an existing one a new program
    Start,
    Stop,
    Remove,
};

} // namespace orion::app::facade

Q_DECLARE_METATYPE(orion::app::facade::ContainerInfo)
Q_DECLARE_METATYPE(orion::app::facade::ContainerDetail)
