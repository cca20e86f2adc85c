// SPDX-License-Identifier: GPL-3.0-or-later
// PortalDirectory: where portal sockets live and who may be on either end of one. The
// sockets are in a directory of the user's own, mode 0700: $XDG_RUNTIME_DIR/orion, or
// orion-UID in the temporary directory when the session has no runtime directory. A
// directory of that name that belongs to another user, is a symbolic link or is open to
// others is refused: in a shared /tmp another user could otherwise create the socket first,
// stop the node from starting and answer its clients. Both ends also check the other's
// credentials (SO_PEERCRED). Any thread.
#pragma once

#include "util/Result.h"

#include <QString>

namespace orion::portal {

class PortalDirectory {
public:
    // The directory for this user's portal sockets (it may not exist yet).
    static QString path();
    // Creates `dir` (mode 0700) when missing, and checks it is a real directory owned by
    // this user and closed to others (it is never changed: the error says what is wrong).
    static Status prepare(const QString &dir);
    // The credentials of the process at the other end of the connected Unix socket `fd`
    // must be this user's (or the superuser's, when `allowSuperuser`).
    static Status checkPeer(int fd, bool allowSuperuser);
};

} // namespace orion::portal
