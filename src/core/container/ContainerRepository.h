// SPDX-License-Identifier: GPL-3.0-or-later
// ContainerRepository: the containers/ folder of a profile — one directory per container with
// container.json, main.ns and container.key — read and written atomically; the keys sealed
// under the host's ContainerKeyWrap. Node thread.
#pragma once

#include "container/ContainerDefinition.h"
#include "container/ContainerKeyWrap.h"
#include "identity/NodeIdentity.h"
#include "util/Result.h"

#include <QString>

#include <memory>
#include <vector>

namespace orion::container {

class ContainerRepository {
public:
    static constexpr const char *kDefinitionFile = "container.json";
    static constexpr const char *kSourceFile = "main.ns";
    static constexpr const char *kKeyFile = "container.key";

    struct Loaded {
        ContainerDefinition definition;
        QString source;
    };
    struct Rejected {
        QString name; // the directory name
        QString reason;
    };
    struct Scan {
        std::vector<Loaded> loaded;
        std::vector<Rejected> rejected;
    };

    // Without @p keyWrap the repository reads definitions, sources and public keys only:
    // create() and loadKey() refuse, since a container's secret is never stored in clear.
    explicit ContainerRepository(QString containersDirectory,
                                 std::shared_ptr<const ContainerKeyWrap> keyWrap = nullptr);

    const QString &directory() const { return m_directory; }
    QString directoryOf(const QString &name) const;
    bool exists(const QString &name) const;

    // Every container directory, in name order; a broken one is rejected with a reason and
    // does not stop the others. With a wrap key every container.key is opened too: one that
    // does not open is rejected, and one in the old clear format is rewritten sealed.
    Scan scan() const;
    // Generates the container's key pair and writes key, source and definition (in that
    // order: container.json last, so a directory without it was never a container).
    Result<ContainerDefinition> create(const QString &name, const QString &source,
                                       const AllowList &allow, const QJsonObject &limitOverrides);
    Status writeDefinition(const ContainerDefinition &definition) const;
    Status writeSource(const QString &name, const QString &source) const;
    // Renames the directory away first, so the container disappears at once even if the
    // deletion of its files is interrupted.
    Status remove(const QString &name) const;
    // The container's key pair (for signing its provider records); needs the wrap key.
    Result<identity::NodeIdentity> loadKey(const QString &name) const;

private:
    Result<Loaded> load(const QString &name) const;

    QString m_directory;
    std::shared_ptr<const ContainerKeyWrap> m_keyWrap;
};

} // namespace orion::container
