// SPDX-License-Identifier: GPL-3.0-or-later
#include "facade/NodeState.h"

namespace orion::app::facade {

QString NodeStateText::label(NodeState state) {
    switch (state) {
    case NodeState::Stopped:
        return tr("Stopped");
    case NodeState::Starting:
        return tr("Starting");
    case NodeState::Connecting:
        return tr("Connecting");
    case NodeState::Online:
        return tr("Online");
    case NodeState::Paused:
        return tr("Paused");
    case NodeState::Failed:
        return tr("Failed");
    }
    return {};
}

} // namespace orion::app::facade
