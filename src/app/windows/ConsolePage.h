// SPDX-License-Identifier: GPL-3.0-or-later
// ConsolePage: the message console: send a body to a key and service, watch what arrives for
// the console's own service. GUI thread.
#pragma once

#include "facade/NodeState.h"

#include <QWidget>

#include <memory>

namespace Ui {
class ConsolePage;
}

namespace orion::app::facade {
class MessageChannel;
class StatusFeed;
} // namespace orion::app::facade

namespace orion::app::models {
class MessageLogModel;
}

namespace orion::app::widgets {
class EmptyState;
}

namespace orion::app::windows {

class ConsolePage : public QWidget {
    Q_OBJECT

public:
    ConsolePage(facade::MessageChannel *messages, facade::StatusFeed *status,
                QWidget *parent = nullptr);
    ~ConsolePage() override;

    models::MessageLogModel *model() const { return m_model; }

protected:
    void changeEvent(QEvent *event) override;

private:
    void send();
    void updateControls();

    std::unique_ptr<Ui::ConsolePage> m_ui;
    facade::MessageChannel *m_messages;
    facade::StatusFeed *m_status;
    models::MessageLogModel *m_model;
    widgets::EmptyState *m_empty = nullptr;
};

} // namespace orion::app::windows
