// SPDX-License-Identifier: GPL-3.0-or-later
// Icons: the application's SVG icon set from resources (app, tray states, actions), with
// the desktop theme's icon preferred where one exists. Stateless; GUI thread.
#pragma once

#include "facade/NodeState.h"

#include <QIcon>

namespace orion::app::desktop {

class Icons {
public:
    static QIcon app();
    static QIcon tray(facade::NodeState state);
    static QIcon copy();
    static QIcon status();
    static QIcon routing();
    static QIcon console();
    static QIcon log();
    static QIcon containers();
};

} // namespace orion::app::desktop
