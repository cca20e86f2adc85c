// SPDX-License-Identifier: GPL-3.0-or-later
#include "util/ErrorCode.h"

namespace orion {

const char *errorCodeName(ErrorCode code) {
    switch (code) {
    case ErrorCode::Failed:
        return "failed";
    case ErrorCode::InvalidArgument:
        return "invalid_argument";
    case ErrorCode::NotFound:
        return "not_found";
    case ErrorCode::AlreadyExists:
        return "already_exists";
    case ErrorCode::Io:
        return "io";
    case ErrorCode::Corrupt:
        return "corrupt";
    case ErrorCode::Unsupported:
        return "unsupported";
    case ErrorCode::WrongPassphrase:
        return "wrong_passphrase";
    case ErrorCode::CompileError:
        return "compile_error";
    case ErrorCode::Refused:
        return "refused";
    case ErrorCode::Unavailable:
        return "unavailable";
    case ErrorCode::Busy:
        return "busy";
    case ErrorCode::ScriptError:
        return "script_error";
    case ErrorCode::Internal:
        return "internal";
    }
    return "?";
}

} // namespace orion
