// SPDX-License-Identifier: GPL-3.0-or-later
#include "node/ContactStore.h"

#include "node/NodeLog.h"
#include "util/Hex.h"

#include <QDateTime>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSaveFile>

#include <algorithm>

namespace orion::node {

Status ContactStore::save(const QString &path, std::vector<routing::Contact> contacts, qint64 nowMs,
                          int limit) {
    std::stable_sort(contacts.begin(), contacts.end(),
                     [&](const auto &a, const auto &b) { return a.score(nowMs) > b.score(nowMs); });
    if (int(contacts.size()) > limit) {
        contacts.resize(size_t(limit));
    }
    QJsonArray list;
    for (const auto &c : contacts) {
        QJsonObject o;
        o[QStringLiteral("publicKey")] = QString::fromLatin1(c.info.publicKeyBytes().toHex());
        o[QStringLiteral("endpoint")] = c.info.endpoint.toString();
        o[QStringLiteral("rttMs")] = qint64(c.rttMs);
        o[QStringLiteral("uptimeMs")] = c.lastSeenMs - c.firstSeenMs;
        list.append(o);
    }
    QJsonObject root;
    root[QStringLiteral("format")] = QStringLiteral("orion-contacts");
    root[QStringLiteral("version")] = 1;
    root[QStringLiteral("saved")] = QDateTime::currentDateTimeUtc().toString(Qt::ISODate);
    root[QStringLiteral("contacts")] = list;
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly)) {
        return Status::failure(QStringLiteral("cannot write %1: %2").arg(path, file.errorString()));
    }
    file.write(QJsonDocument(root).toJson(QJsonDocument::Indented));
    if (!file.commit()) {
        return Status::failure(QStringLiteral("cannot write %1: %2").arg(path, file.errorString()));
    }
    return Status::success();
}

std::vector<routing::NodeInfo> ContactStore::load(const QString &path) {
    std::vector<routing::NodeInfo> out;
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        return out;
    }
    const auto doc = QJsonDocument::fromJson(file.read(4 * 1024 * 1024));
    if (doc.object().value(QStringLiteral("format")).toString() != u"orion-contacts") {
        qCWarning(lcNode).noquote() << path << "is no contacts file; ignored";
        return out;
    }
    const auto list = doc.object().value(QStringLiteral("contacts")).toArray();
    for (const auto &v : list) {
        const auto o = v.toObject();
        const auto key = util::Hex::decode(o.value(QStringLiteral("publicKey")).toString(), -1,
                                           util::Hex::Letters::AnyCase)
                             .value_or(QByteArray());
        const auto endpoint =
            routing::Endpoint::parse(o.value(QStringLiteral("endpoint")).toString());
        if (!endpoint || !endpoint->isValid()) {
            continue;
        }
        if (auto info = routing::NodeInfo::fromPublicKey(key, *endpoint)) {
            out.push_back(*info);
        }
    }
    return out;
}

} // namespace orion::node
