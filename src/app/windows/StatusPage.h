// SPDX-License-Identifier: GPL-3.0-or-later
// StatusPage: the node's vital signs (ID with copy button, addresses, uptime, peers, traffic
// with the last minute as a graph) from the status feed, and the way to the network key and
// member card. GUI thread.
#pragma once

#include "facade/NodeStatus.h"

#include <QTimer>
#include <QWidget>

#include <memory>

namespace Ui {
class StatusPage;
}

namespace orion::app::facade {
class StatusFeed;
}

class QLabel;

namespace orion::app::widgets {
class TrafficGraph;
}

namespace orion::app::windows {

class StatusPage : public QWidget {
    Q_OBJECT

public:
    explicit StatusPage(facade::StatusFeed *status, QWidget *parent = nullptr);
    ~StatusPage() override;

    static QString formatBytes(quint64 bytes);
    static QString formatDuration(qint64 seconds);
    widgets::TrafficGraph *trafficGraph() const { return m_graph; }

Q_SIGNALS:
    // The user wants the network key and the member card (to invite someone).
    void networkRequested();

protected:
    void changeEvent(QEvent *event) override;

private:
    void show(const facade::NodeStatus &status);
    void updateUptime();

    std::unique_ptr<Ui::StatusPage> m_ui;
    facade::StatusFeed *m_status;
    QTimer m_uptimeTimer;
    widgets::TrafficGraph *m_graph = nullptr;
    QLabel *m_graphCaption = nullptr;
};

} // namespace orion::app::windows
