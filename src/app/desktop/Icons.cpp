// SPDX-License-Identifier: GPL-3.0-or-later
#include "desktop/Icons.h"

// The .qrc is compiled into a static library; nothing references its initialiser, so the
// linker would drop it unless it is called explicitly (outside any namespace).
static void initResources() {
    Q_INIT_RESOURCE(orion);
}

namespace orion::app::desktop {

namespace {
QIcon svg(const char *name) {
    static const bool initialised = (initResources(), true);
    Q_UNUSED(initialised);
    // One SVG file per icon: QIcon renders it at every device pixel ratio, so it stays crisp.
    return QIcon(QStringLiteral(":/icons/%1.svg").arg(QLatin1String(name)));
}
} // namespace

QIcon Icons::app() {
    return svg("orion");
}

QIcon Icons::tray(facade::NodeState state) {
    switch (state) {
    case facade::NodeState::Online:
        return svg("tray-online");
    case facade::NodeState::Starting:
    case facade::NodeState::Connecting:
        return svg("tray-connecting");
    case facade::NodeState::Stopped:
    case facade::NodeState::Paused:
    case facade::NodeState::Failed:
        return svg("tray-offline");
    }
    return svg("tray-offline");
}

QIcon Icons::copy() {
    return QIcon::fromTheme(QStringLiteral("edit-copy"), svg("copy"));
}

QIcon Icons::status() {
    return svg("status");
}

QIcon Icons::routing() {
    return svg("routing");
}

QIcon Icons::console() {
    return svg("console");
}

QIcon Icons::log() {
    return svg("log");
}

QIcon Icons::containers() {
    return svg("containers");
}

} // namespace orion::app::desktop
