// SPDX-License-Identifier: GPL-3.0-or-later
#include "wizard/PortCheck.h"

#include <QTcpServer>

namespace orion::app::wizard {

Status PortCheck::check(quint16 port) {
    if (port == 0) {
        return Status::failure(tr("Choose a port between 1 and 65535."));
    }
    QTcpServer probe;
    if (probe.listen(QHostAddress::Any, port)) {
        probe.close();
        return Status::success();
    }
    switch (probe.serverError()) {
    case QAbstractSocket::AddressInUseError:
        return Status::failure(tr("Port %1 is already in use by another program.").arg(port));
    case QAbstractSocket::SocketAccessError:
        return Status::failure(
            tr("Port %1 needs administrator rights; choose one above 1023.").arg(port));
    default:
        return Status::failure(tr("Port %1 cannot be used: %2").arg(port).arg(probe.errorString()));
    }
}

} // namespace orion::app::wizard
