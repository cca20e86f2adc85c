// SPDX-License-Identifier: GPL-3.0-or-later
// ContainerOutcome: how the handling of one message ended (ran, refused, failed, ...), with
// its run time. A value emitted on the node thread once the message is fully dealt with.
#pragma once

#include "container/ContainerMessage.h"

#include <QMetaType>
#include <QString>

namespace orion::container {

struct ContainerOutcome {
    enum class Status {
        Ok,          // the instance ran; its writes are committed and its effects emitted
        Refused,     // the allow-list does not admit the sender or service
        NotFound,    // no container with the target key is hosted here
        Stopped,     // the container exists but is stopped
        Busy,        // the container's queue is full
        ScriptError, // the instance failed (error or limit); its writes were discarded
        StoreError,  // the commit failed or would exceed the store quota
    };

    Status status = Status::Ok;
    ContainerMessage message;
    QString container; // the container's name, empty for NotFound
    QString error;     // why, for every status but Ok
    qint64 runMicros = 0;

    static const char *statusName(Status status);
};

} // namespace orion::container

Q_DECLARE_METATYPE(orion::container::ContainerOutcome)
