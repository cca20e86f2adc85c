// SPDX-License-Identifier: GPL-3.0-or-later
// PortalProtocol: the constants of the portal's newline-delimited JSON protocol, shared by
// the server, the client library and orionctl. See docs/portal.md.
#pragma once

#include "util/ErrorCode.h"

#include <QJsonObject>
#include <QString>

namespace orion::portal {

class PortalProtocol {
public:
    static constexpr int kVersion = 1;
    // A request line longer than this closes the connection after an error reply.
    static constexpr qsizetype kMaxLineBytes = qsizetype{1024} * 1024;
    // Bytes a client may leave unread before the server stops pushing events to it.
    static constexpr qint64 kMaxQueuedBytes = qint64{8} * 1024 * 1024;

    // Stable error codes.
    static inline const QString kBadJson = QStringLiteral("bad_json");
    static inline const QString kBadRequest = QStringLiteral("bad_request");
    static inline const QString kUnknownType = QStringLiteral("unknown_type");
    static inline const QString kTooLarge = QStringLiteral("too_large");
    static inline const QString kUnsupportedVersion = QStringLiteral("unsupported_version");
    static inline const QString kConflict = QStringLiteral("conflict");
    static inline const QString kNotFound = QStringLiteral("not_found");
    static inline const QString kRefused = QStringLiteral("refused");
    static inline const QString kUnavailable = QStringLiteral("unavailable");
    static inline const QString kTimeout = QStringLiteral("timeout");
    static inline const QString kInternal = QStringLiteral("internal");
    static inline const QString kCompileError = QStringLiteral("compile_error");

    // The portal code of a core failure: the one place a Result's ErrorCode becomes a
    // code on the wire. Codes the portal has no word for are internal.
    static QString errorCodeFor(ErrorCode code) {
        switch (code) {
        case ErrorCode::InvalidArgument:
            return kBadRequest;
        case ErrorCode::NotFound:
            return kNotFound;
        case ErrorCode::AlreadyExists:
            return kConflict;
        case ErrorCode::CompileError:
            return kCompileError;
        case ErrorCode::Refused:
            return kRefused;
        case ErrorCode::Unavailable:
        case ErrorCode::Busy:
            return kUnavailable;
        default:
            return kInternal;
        }
    }

    static QJsonObject errorObject(const QString &code, const QString &message) {
        return QJsonObject{{QStringLiteral("code"), code}, {QStringLiteral("message"), message}};
    }
};

} // namespace orion::portal
