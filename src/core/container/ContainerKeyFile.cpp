// SPDX-License-Identifier: GPL-3.0-or-later
#include "container/ContainerKeyFile.h"

#include "crypto/SecureBuffer.h"
#include "util/AtomicFile.h"
#include "util/Hex.h"

#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>

namespace orion::container {

namespace {
const QString kFormatKey = QStringLiteral("format");
const QString kAlgorithm = QStringLiteral("algorithm");
const QString kPublicKey = QStringLiteral("public_key");
const QString kKey = QStringLiteral("key");
const QString kSeed = QStringLiteral("seed");
} // namespace

// The node signs provider records for its containers unattended, so their seeds are kept
// in clear: owner-only files inside the owner-only profile (see docs/containers.md).
Status ContainerKeyFile::write(const QString &path, const identity::NodeIdentity &key) {
    if (key.isNull()) {
        return Status::failure(QStringLiteral("there is no key to write"));
    }
    if (QFileInfo::exists(path)) {
        return Status::failure(QStringLiteral("%1 exists already").arg(path));
    }
    const crypto::SecureBuffer seed = key.keyPair().seed();
    QByteArray seedHex = seed.view().toByteArray().toHex();
    const QJsonObject o{{kFormatKey, QLatin1String(kFormat)},
                        {kAlgorithm, QStringLiteral("ed25519")},
                        {kPublicKey, QString::fromLatin1(key.publicKey().toHex())},
                        {kKey, key.nodeId().toHex()},
                        {kSeed, QString::fromLatin1(seedHex)}};
    crypto::wipe(seedHex.data(), size_t(seedHex.size()));
    QByteArray bytes = QJsonDocument(o).toJson(QJsonDocument::Indented);
    const Status s = util::AtomicFile::write(path, bytes, util::AtomicFile::Access::OwnerOnly);
    crypto::wipe(bytes.data(), size_t(bytes.size()));
    return s;
}

Result<identity::NodeIdentity> ContainerKeyFile::read(const QString &path) {
    using R = Result<identity::NodeIdentity>;
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly)) {
        return R::failure(QStringLiteral("cannot read: %1").arg(f.errorString()));
    }
    QByteArray bytes = f.read(64 * 1024);
    const QJsonObject o = QJsonDocument::fromJson(bytes).object();
    crypto::wipe(bytes.data(), size_t(bytes.size()));
    if (o.value(kFormatKey).toString() != QLatin1String(kFormat) ||
        o.value(kAlgorithm).toString() != u"ed25519") {
        return R::failure(QStringLiteral("not an Ed25519 container key file"));
    }
    // A seed that is not 64 hex digits fails in fromSeed like one of the wrong size.
    QByteArray seed = util::Hex::decode(o.value(kSeed).toString(), -1, util::Hex::Letters::AnyCase)
                          .value_or(QByteArray());
    auto identity = identity::NodeIdentity::fromSeed(seed);
    crypto::wipe(seed.data(), size_t(seed.size()));
    if (!identity) {
        return R::failure(QStringLiteral("bad seed: %1").arg(identity.error()));
    }
    if (identity->publicKey().toHex() != o.value(kPublicKey).toString().toLatin1() ||
        identity->nodeId().toHex() != o.value(kKey).toString()) {
        return R::failure(QStringLiteral("the seed does not give the public key in the file"));
    }
    return identity;
}

Result<QByteArray> ContainerKeyFile::readPublicKey(const QString &path) {
    auto key = read(path);
    if (!key) {
        return Result<QByteArray>::failure(key.error());
    }
    return key->publicKey();
}

} // namespace orion::container
