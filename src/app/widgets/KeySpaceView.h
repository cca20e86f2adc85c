// SPDX-License-Identifier: GPL-3.0-or-later
// KeySpaceView: a picture of the 160-bit key space as a ring (0 at the top, clockwise), with
// this node, its contacts and the live connections, painted in palette colours only.
// GUI thread.
#pragma once

#include "facade/RoutingSnapshot.h"

#include <QPointF>
#include <QWidget>

namespace orion::app::widgets {

class KeySpaceView : public QWidget {
    Q_OBJECT

public:
    explicit KeySpaceView(QWidget *parent = nullptr);

    void setSnapshot(const facade::RoutingSnapshot &snapshot);
    const facade::RoutingSnapshot &snapshot() const { return m_snapshot; }

    // Position of a key on the ring as a fraction of a turn, from its leading 32 bits.
    static double turnOf(const identity::Key160 &key);

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

protected:
    void paintEvent(QPaintEvent *event) override;
    bool event(QEvent *event) override;

private:
    QPointF pointOnRing(double turn, double radius) const;
    double ringRadius() const;

    facade::RoutingSnapshot m_snapshot;
};

} // namespace orion::app::widgets
