// SPDX-License-Identifier: GPL-3.0-or-later
// RoutingPage: the routing view: a sortable, filterable contact table and the key-space
// picture, both following the routing feed. GUI thread.
#pragma once

#include <QWidget>

#include <memory>

class QSortFilterProxyModel;

namespace Ui {
class RoutingPage;
}

namespace orion::app::facade {
class RoutingFeed;
struct RoutingSnapshot;
} // namespace orion::app::facade

namespace orion::app::models {
class RoutingTableModel;
}

namespace orion::app::widgets {
class EmptyState;
}

namespace orion::app::windows {

class RoutingPage : public QWidget {
    Q_OBJECT

public:
    explicit RoutingPage(facade::RoutingFeed *routing, QWidget *parent = nullptr);
    ~RoutingPage() override;

    models::RoutingTableModel *model() const { return m_model; }
    QSortFilterProxyModel *proxy() const { return m_proxy; }

protected:
    void changeEvent(QEvent *event) override;
    void showEvent(QShowEvent *event) override;

private:
    void apply(const facade::RoutingSnapshot &snapshot);
    void placeSplit();
    void updateEmptyState();

    std::unique_ptr<Ui::RoutingPage> m_ui;
    bool m_userSplit = false;
    facade::RoutingFeed *m_routing;
    models::RoutingTableModel *m_model;
    QSortFilterProxyModel *m_proxy;
    widgets::EmptyState *m_empty = nullptr;
};

} // namespace orion::app::windows
