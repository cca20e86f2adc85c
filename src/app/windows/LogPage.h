// SPDX-License-Identifier: GPL-3.0-or-later
// LogPage: the node's user-facing log with a level filter and search. GUI thread.
#pragma once

#include <QWidget>

#include <memory>

namespace Ui {
class LogPage;
}

namespace orion::app::facade {
class LogFeed;
}

namespace orion::app::models {
class LogFilterModel;
class LogModel;
} // namespace orion::app::models

namespace orion::app::widgets {
class EmptyState;
}

namespace orion::app::windows {

class LogPage : public QWidget {
    Q_OBJECT

public:
    explicit LogPage(facade::LogFeed *logs, QWidget *parent = nullptr);
    ~LogPage() override;

    models::LogModel *model() const { return m_model; }
    models::LogFilterModel *filter() const { return m_filter; }

protected:
    void changeEvent(QEvent *event) override;

private:
    void fillLevels();
    void updateEmptyState();

    std::unique_ptr<Ui::LogPage> m_ui;
    models::LogModel *m_model;
    models::LogFilterModel *m_filter;
    widgets::EmptyState *m_empty = nullptr;
};

} // namespace orion::app::windows
