// SPDX-License-Identifier: GPL-3.0-or-later
// ContainerDefinition: the contents of one containers/<name>/container.json (name, version,
// key, allow-list, limits, enabled flag) with strict parsing. A plain value; any thread.
#pragma once

#include "identity/Key160.h"
#include "script/Limits.h"
#include "util/Result.h"

#include <QByteArray>
#include <QJsonObject>
#include <QString>
#include <QStringList>

#include <optional>

namespace orion::container {

// Who may send to a container. An empty list admits everyone for that dimension; a message
// is accepted when both its source key and its service are admitted.
struct AllowList {
    QStringList senders;  // 40-hex endpoint keys, lowercase
    QStringList services; // service names

    bool isOpen() const { return senders.isEmpty() && services.isEmpty(); }
    bool admits(const QString &senderHex, const QString &service) const;
    // Splits command-line style entries: 40 hex digits are senders, anything else a service.
    static Result<AllowList> fromEntries(const QStringList &entries);
    QJsonObject toJson() const;
    static Result<AllowList> fromJson(const QJsonValue &value);
    bool operator==(const AllowList &) const = default;
};

// The resources of one container; fields left unset in container.json take the host's
// defaults.
struct ContainerLimits {
    script::Limits script;
    int maxQueue = 10'000;                           // messages waiting for this container
    qint64 maxQueueBytes = qint64{16} * 1024 * 1024; // ... and their bodies' bytes
    qint64 maxStoreBytes = qint64{4} * 1024 * 1024;  // keys + values kept in the store

    QJsonObject toJson() const;
    // Reads the overrides in @p value on top of @p defaults; rejects non-positive values and
    // values above the hard ceilings.
    static Result<ContainerLimits> fromJson(const QJsonValue &value,
                                            const ContainerLimits &defaults);
};

struct ContainerDefinition {
    static constexpr const char *kFormat = "orion-container";
    static constexpr int kFormatVersion = 1;

    QString name;
    qint64 version = 1;
    identity::Key160 key; // BLAKE2b-160 of publicKey
    QByteArray publicKey; // 32 bytes
    bool enabled = true;
    AllowList allow;
    // Only the fields the file sets; effectiveLimits() fills in the rest.
    QJsonObject limitOverrides;
    qint64 createdMs = 0;
    qint64 updatedMs = 0;

    static bool isValidName(const QString &name);
    QByteArray toJson() const;
    // Parses and validates a container.json; @p directoryName must equal the name inside.
    static Result<ContainerDefinition> fromJson(const QByteArray &json,
                                                const QString &directoryName);
    Result<ContainerLimits> effectiveLimits(const ContainerLimits &defaults) const {
        return ContainerLimits::fromJson(limitOverrides, defaults);
    }
};

} // namespace orion::container
