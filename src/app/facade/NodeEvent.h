// SPDX-License-Identifier: GPL-3.0-or-later
// NodeEvent: something the user should hear about even with the window closed (first peer,
// connection lost, error). A value; any thread.
#pragma once

#include <QMetaType>
#include <QString>

namespace orion::app::facade {

struct NodeEvent {
    enum class Kind { FirstPeerConnected, ConnectionLost, Error };
    Kind kind = Kind::Error;
    QString detail; // peer short ID or error text

    friend bool operator==(const NodeEvent &, const NodeEvent &) = default;
};

} // namespace orion::app::facade

Q_DECLARE_METATYPE(orion::app::facade::NodeEvent)
