// SPDX-License-Identifier: GPL-3.0-or-later
#include "container/RouteLoopRule.h"

namespace orion::container {

RouteLoopRule::RouteLoopRule(const ContainerMessage &message, const identity::Key160 &self,
                             int maxRouteDepth)
    : m_source(message.source)
    , m_messageDepth(message.routeDepth)
    , m_messageOrigin(message.routeOrigin)
    , m_self(self)
    , m_maxRouteDepth(maxRouteDepth)
    , m_routeDepth(message.routeDepth + 1)
    , m_routeOrigin(message.routeDepth > 0 ? message.routeOrigin : self)
    , m_drops(m_routeDepth > maxRouteDepth) {}

bool RouteLoopRule::stopsContainer(int droppedRoutes) const {
    return droppedRoutes > 0 &&
           (m_source == m_self || (m_messageDepth > 0 && m_messageOrigin == m_self));
}

QString RouteLoopRule::reason(int droppedRoutes) const {
    return QStringLiteral("%1 route(s) dropped: the message had already been routed on by "
                          "containers %2 times in a row (containers/maxRouteDepth is %3)")
        .arg(droppedRoutes)
        .arg(m_messageDepth)
        .arg(m_maxRouteDepth);
}

} // namespace orion::container
