// SPDX-License-Identifier: GPL-3.0-or-later
// ContainersPage: the hosted containers: the list, a NET-Script editor checked as you type
// (error marker at line:column), deploy/start/stop/remove, and the chosen container's live
// log and stored data. Talks to the node only through ContainerFeed. GUI thread.
#pragma once

#include "facade/ContainerFeed.h"

#include <QTimer>
#include <QWidget>

#include <memory>

namespace Ui {
class ContainersPage;
}

namespace orion::app::facade {
class StatusFeed;
}

namespace orion::app::models {
class ContainerListModel;
}

namespace orion::app::widgets {
class EmptyState;
class ScriptEditor;
} // namespace orion::app::widgets

namespace orion::app::windows {

class ContainersPage : public QWidget {
    Q_OBJECT

public:
    // How long typing must pause before the program is compiled again.
    static constexpr int kCheckDelayMs = 400;

    ContainersPage(facade::ContainerFeed *containers, facade::StatusFeed *status,
                   QWidget *parent = nullptr);
    ~ContainersPage() override;

    models::ContainerListModel *model() const { return m_model; }
    widgets::ScriptEditor *editor() const;
    // The selected container's name, empty when none.
    QString selectedName() const;
    void selectContainer(const QString &name);

protected:
    void changeEvent(QEvent *event) override;
    void showEvent(QShowEvent *event) override;

private:
    void newContainer();
    void showEmptyText();
    void fitColumns();
    void deploy();
    void startSelected();
    void stopSelected();
    void removeSelected();
    void check();
    void showCheck(quint64 requestId, const facade::ScriptCheck &result);
    void showDetail(const facade::ContainerDetail &detail);
    void commandFinished(quint64 requestId, const QString &error, const QString &message);
    void selectionChanged();
    void updateControls();

    std::unique_ptr<Ui::ContainersPage> m_ui;
    facade::ContainerFeed *m_containers;
    facade::StatusFeed *m_status;
    models::ContainerListModel *m_model;
    QTimer m_checkTimer;
    bool m_splitPlaced = false;
    quint64 m_lastCheck = 0;
    facade::ScriptCheck m_check;
    bool m_checked = false;
    // The container whose program should replace the editor's text once it arrives.
    QString m_loadSourceOf;
    // A container just deployed: select it when it shows up in the list.
    QString m_selectWhenListed;
    QList<quint64> m_requests;
    widgets::EmptyState *m_empty = nullptr;
};

} // namespace orion::app::windows
