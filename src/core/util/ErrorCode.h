// SPDX-License-Identifier: GPL-3.0-or-later
// ErrorCode: what kind of failure a Result carries, for callers that must tell failures
// apart (retry with another passphrase, answer "not found"). A plain enum; any thread.
#pragma once

namespace orion {

// One list for every domain: a code names what went wrong, not where, so the same
// NotFound serves a missing container and a missing key file, and the portal and the
// router map each code once. The message beside it is for people and never decides.
enum class ErrorCode {
    Failed, // nothing a caller needs to tell apart (the default of failure(message))

    // Input and files, every domain.
    InvalidArgument, // the request or input is malformed or out of range
    NotFound,        // the named thing (file, container, key) does not exist
    AlreadyExists,   // it exists and may not be replaced
    Io,              // reading or writing storage failed
    Corrupt,         // stored data does not parse or its checksum does not match
    Unsupported,     // a format version or algorithm this build does not know

    // Identity: sealed key files.
    WrongPassphrase, // the key file is intact but the passphrase does not open it

    // Containers and the messages they handle.
    CompileError, // the NET-Script program does not compile
    Refused,      // the allow-list does not admit the sender or service
    Unavailable,  // the container exists but does not accept messages now
    Busy,         // its queue is full
    ScriptError,  // the instance failed (error, limit or store quota)
    Internal,     // the node itself failed (e.g. a store commit)
};

// A stable lower-case name ("wrong_passphrase"), for logs and tests.
const char *errorCodeName(ErrorCode code);

} // namespace orion
