// SPDX-License-Identifier: GPL-3.0-or-later
// PortCheck: whether a TCP port can be listened on right now (binding it briefly on every
// interface, as the node will). Stateless; any thread.
#pragma once

#include "util/Result.h"

#include <QCoreApplication>

namespace orion::app::wizard {

class PortCheck {
    Q_DECLARE_TR_FUNCTIONS(PortCheck)

public:
    // Success when free; otherwise the reason ("in use by another program", ...).
    static Status check(quint16 port);
};

} // namespace orion::app::wizard
