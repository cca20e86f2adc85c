// SPDX-License-Identifier: GPL-3.0-or-later
#include "CommandSupport.h"
#include "Commands.h"

#include "identity/NetworkKey.h"
#include "identity/NodeIdentity.h"
#include "util/Hex.h"

#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>

namespace orion::cli {

using namespace orion::identity;

int idCommand(const QStringList &args) {
    QCommandLineParser parser;
    const QCommandLineOption json(QStringLiteral("json"),
                                  QStringLiteral("Print one JSON object with node_id, public_key, "
                                                 "network_id, encrypted and profile."));
    parser.addOptions({profileOption(), json});
    if (auto exit = parseArguments(parser, args,
                                   QStringLiteral("Print this node's ID (40 hex digits). Needs no "
                                                  "passphrase: it reads the public parts."))) {
        return *exit;
    }
    const node::Profile profile = profileFrom(parser);
    if (!profile.hasIdentity()) {
        return fail(args, QStringLiteral("there is no identity in %1 (create one with 'orion-node "
                                         "init')")
                              .arg(profile.directory()));
    }
    auto identity = NodeIdentity::readPublic(profile.identityPath());
    if (!identity) {
        return fail(args, identity.error());
    }
    QJsonValue networkId = QJsonValue::Null;
    if (QFileInfo::exists(profile.networkKeyPath())) {
        auto id = NetworkKey::readNetworkId(profile.networkKeyPath());
        if (!id) {
            return fail(args, id.error());
        }
        networkId = util::Hex::encode(*id);
    }
    if (!parser.isSet(json)) {
        print(identity->nodeId.toHex());
        return 0;
    }
    const QJsonObject object{{QStringLiteral("node_id"), identity->nodeId.toHex()},
                             {QStringLiteral("public_key"), util::Hex::encode(identity->publicKey)},
                             {QStringLiteral("network_id"), networkId},
                             {QStringLiteral("encrypted"), identity->encrypted},
                             {QStringLiteral("profile"), profile.directory()}};
    print(QString::fromUtf8(QJsonDocument(object).toJson(QJsonDocument::Compact)));
    return 0;
}

} // namespace orion::cli
