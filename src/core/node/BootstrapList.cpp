// SPDX-License-Identifier: GPL-3.0-or-later
#include "node/BootstrapList.h"

#include "identity/MemberFile.h"
#include "node/NodeLog.h"
#include "routing/Endpoint.h"

#include <QDir>

namespace orion::node {

QString BootstrapList::directory(const Profile &profile) {
    return QDir(profile.directory()).filePath(QStringLiteral("peers"));
}

Status BootstrapList::add(const Profile &profile, const identity::MemberRecord &record,
                          const QByteArray &networkId) {
    if (auto ok = record.verifyForNetwork(networkId); !ok) {
        return ok;
    }
    // A file without an address and port to dial would be taken and never connect.
    if (!routing::Endpoint::dialable(record).isValid()) {
        return Status::failure(
            ErrorCode::InvalidArgument,
            QStringLiteral("the member file of %1 names no address to dial (addresses: %2, port "
                           "%3); ask its owner for a new one ('orion-node member export' or "
                           "'orionctl member export' on their side)")
                .arg(record.nodeId.shortHex(), record.addresses.isEmpty()
                                                   ? QStringLiteral("none")
                                                   : record.addresses.join(QStringLiteral(", ")))
                .arg(record.port));
    }
    if (!QDir().mkpath(directory(profile))) {
        return Status::failure(QStringLiteral("cannot create %1").arg(directory(profile)));
    }
    const QString path =
        QDir(directory(profile)).filePath(record.nodeId.toHex() + QStringLiteral(".json"));
    return identity::MemberFile::write(path, record);
}

std::vector<identity::MemberRecord> BootstrapList::load(const Profile &profile,
                                                        const QByteArray &networkId) {
    std::vector<identity::MemberRecord> records;
    const QDir dir(directory(profile));
    const auto files = dir.entryList({QStringLiteral("*.json")}, QDir::Files, QDir::Name);
    for (const QString &name : files) {
        auto record = identity::MemberFile::read(dir.filePath(name));
        if (!record) {
            qCWarning(lcNode).noquote() << "bootstrap entry skipped:" << record.error();
            continue;
        }
        if (auto ok = record->verifyForNetwork(networkId); !ok) {
            qCWarning(lcNode).noquote() << "bootstrap entry" << name << "skipped:" << ok.error();
            continue;
        }
        records.push_back(std::move(*record));
    }
    return records;
}

} // namespace orion::node
