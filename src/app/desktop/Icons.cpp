// SPDX-License-Identifier: GPL-3.0-or-later
#include "desktop/Icons.h"

namespace orion::app::desktop {

namespace {
QIcon svg(const char *name) {
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

} // namespace orion::app::desktop
