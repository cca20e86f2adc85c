// SPDX-License-Identifier: GPL-3.0-or-later
// RouteLoopRule: how far a chain of container routes may go. A message that already passed
// through maxRouteDepth container routes has its own routes dropped (containers that route to
// each other in a circle would run for ever); when the dropped routes are the container's own
// messages coming back to it, the container is stopped, since every further message would
// loop the same way. A value type; any thread.
#pragma once

#include "container/ContainerMessage.h"
#include "identity/Key160.h"

#include <QString>

namespace orion::container {

class RouteLoopRule {
public:
    // @p self is the container that handled @p message.
    RouteLoopRule(const ContainerMessage &message, const identity::Key160 &self, int maxRouteDepth);

    // The depth the routes of this run carry: one more than the message's.
    int routeDepth() const { return m_routeDepth; }
    // The container whose route started the chain the routes of this run continue.
    identity::Key160 routeOrigin() const { return m_routeOrigin; }
    // True when the routes of this run are dropped.
    bool dropsRoutes() const { return m_drops; }
    // True when @p droppedRoutes dropped routes mean the container's own messages came back:
    // straight from itself, or through other containers along a chain its own route started.
    bool stopsContainer(int droppedRoutes) const;
    // Why @p droppedRoutes routes were dropped, for the container's log.
    QString reason(int droppedRoutes) const;

private:
    identity::Key160 m_source; // the message's
    int m_messageDepth;
    identity::Key160 m_messageOrigin;
    identity::Key160 m_self;
    int m_maxRouteDepth;
    int m_routeDepth;
    identity::Key160 m_routeOrigin;
    bool m_drops;
};

} // namespace orion::container
