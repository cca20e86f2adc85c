// SPDX-License-Identifier: GPL-3.0-or-later
#include "node/Invite.h"

#include "routing/Endpoint.h"

#include <QJsonDocument>
#include <QUrlQuery>

namespace orion::node {

namespace {
constexpr auto kBase64 = QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals;
} // namespace

bool Invite::isInvite(QStringView text) {
    return text.trimmed().startsWith(QLatin1String(kPrefix));
}

QString Invite::toUri() const {
    QUrlQuery query;
    query.addQueryItem(QStringLiteral("network"),
                       QString::fromLatin1(QUrl::toPercentEncoding(networkKey.toText())));
    query.addQueryItem(
        QStringLiteral("member"),
        QString::fromLatin1(
            QJsonDocument(member.toJsonObject()).toJson(QJsonDocument::Compact).toBase64(kBase64)));
    return QLatin1String(kPrefix) + query.toString(QUrl::FullyEncoded);
}

Result<Invite> Invite::parse(QStringView text) {
    using R = Result<Invite>;
    const QStringView trimmed = text.trimmed();
    if (!isInvite(trimmed)) {
        return R::failure(
            ErrorCode::InvalidArgument,
            QStringLiteral("an invite starts with \"%1\"").arg(QLatin1String(kPrefix)));
    }
    const QUrlQuery query(trimmed.mid(qsizetype(qstrlen(kPrefix))).toString());
    const QString network = query.queryItemValue(QStringLiteral("network"), QUrl::FullyDecoded);
    const QString member = query.queryItemValue(QStringLiteral("member"), QUrl::FullyDecoded);
    if (network.isEmpty() || member.isEmpty()) {
        return R::failure(ErrorCode::InvalidArgument,
                          QStringLiteral("the invite is incomplete (it needs \"network\" and "
                                         "\"member\"); was it cut off when copied?"));
    }
    auto key = identity::NetworkKey::parse(network);
    if (!key) {
        return R::failure(key.errorCode(),
                          QStringLiteral("the invite's network key: %1").arg(key.error()));
    }
    const auto decoded = QByteArray::fromBase64Encoding(
        member.toLatin1(), kBase64 | QByteArray::AbortOnBase64DecodingErrors);
    if (!decoded) {
        return R::failure(ErrorCode::Corrupt,
                          QStringLiteral("the invite's member file is damaged (not base64url); "
                                         "was it cut off when copied?"));
    }
    auto record = identity::MemberRecord::fromJson(*decoded);
    if (!record) {
        return R::failure(record.errorCode(),
                          QStringLiteral("the invite's member file: %1").arg(record.error()));
    }
    if (const Status ok = record->verifyForNetwork(key->networkId()); !ok) {
        return R::failure(ok.errorCode(),
                          QStringLiteral("the invite's member file: %1").arg(ok.error()));
    }
    if (!routing::Endpoint::dialable(*record).isValid()) {
        return R::failure(ErrorCode::InvalidArgument,
                          QStringLiteral("the invite's member file names no address to dial"));
    }
    Invite invite;
    invite.networkKey = std::move(*key);
    invite.member = std::move(*record);
    return invite;
}

} // namespace orion::node
