// SPDX-License-Identifier: GPL-3.0-or-later
#include "windows/ConsolePage.h"

#include "facade/MessageChannel.h"
#include "facade/StatusFeed.h"
#include "identity/Key160.h"
#include "models/MessageLogModel.h"
#include "ui_ConsolePage.h"
#include "widgets/EmptyState.h"

#include <QHeaderView>

namespace orion::app::windows {

ConsolePage::ConsolePage(facade::MessageChannel *messages, facade::StatusFeed *status,
                         QWidget *parent)
    : QWidget(parent)
    , m_ui(std::make_unique<Ui::ConsolePage>())
    , m_messages(messages)
    , m_status(status)
    , m_model(new models::MessageLogModel(this)) {
    m_ui->setupUi(this);
    m_ui->serviceEdit->setText(QLatin1String(facade::MessageChannel::kConsoleService));
    m_ui->messagesView->setModel(m_model);
    QHeaderView *header = m_ui->messagesView->horizontalHeader();
    header->setStretchLastSection(false);
    header->setSectionResizeMode(QHeaderView::Interactive);
    header->setSectionResizeMode(models::MessageLogModel::BodyColumn, QHeaderView::Stretch);
    header->setSectionResizeMode(models::MessageLogModel::StatusColumn, QHeaderView::Stretch);
    m_ui->messagesView->setWordWrap(false);
    m_empty = new widgets::EmptyState(m_ui->messagesView);
    m_ui->targetHintLabel->setVisible(false);
    connect(m_messages, &facade::MessageChannel::messagesArrived, this,
            [this](const QList<facade::ConsoleMessage> &batch) {
                m_model->append(batch);
                for (int column :
                     {models::MessageLogModel::TimeColumn, models::MessageLogModel::DirectionColumn,
                      models::MessageLogModel::PeerColumn,
                      models::MessageLogModel::ServiceColumn}) {
                    m_ui->messagesView->resizeColumnToContents(column);
                }
                m_ui->messagesView->scrollToBottom();
            });
    connect(m_ui->sendButton, &QPushButton::clicked, this, &ConsolePage::send);
    connect(m_ui->bodyEdit, &QLineEdit::returnPressed, this, &ConsolePage::send);
    connect(m_ui->targetEdit, &QLineEdit::textChanged, this, &ConsolePage::updateControls);
    connect(m_status, &facade::StatusFeed::statusChanged, this, &ConsolePage::updateControls);
    updateControls();
}

ConsolePage::~ConsolePage() = default;

void ConsolePage::changeEvent(QEvent *event) {
    if (event->type() == QEvent::LanguageChange) {
        m_ui->retranslateUi(this);
        updateControls();
    }
    QWidget::changeEvent(event);
}

void ConsolePage::updateControls() {
    const facade::NodeStatus &s = m_status->current();
    const bool running =
        s.state == facade::NodeState::Online || s.state == facade::NodeState::Connecting;
    const bool validTarget =
        identity::Key160::fromHex(m_ui->targetEdit->text().trimmed()).has_value();
    m_ui->sendButton->setEnabled(running && validTarget);
    // The header says whether the console can send; a wrong key is told under its field.
    m_ui->availabilityLabel->setText(
        running ? tr("Messages sent to this node for the service \u201c%1\u201d appear here.")
                      .arg(QLatin1String(facade::MessageChannel::kConsoleService))
                : tr("The node is not connected; messages can be sent once it is online."));
    const bool badTarget = !m_ui->targetEdit->text().trimmed().isEmpty() && !validTarget;
    m_ui->targetHintLabel->setText(badTarget ? tr("A key is 40 hexadecimal digits, like a node ID.")
                                             : QString());
    m_ui->targetHintLabel->setVisible(badTarget);
    m_empty->setMessage(
        tr("No messages yet. To send one, enter a key below (a node ID from the Routing tab, or "
           "a container's key from the Containers tab), the service it listens on and a "
           "message, then press Send. Messages to this node's \u201c%1\u201d service also "
           "appear here.")
            .arg(QLatin1String(facade::MessageChannel::kConsoleService)));
}

void ConsolePage::send() {
    if (!m_ui->sendButton->isEnabled()) {
        return;
    }
    m_messages->send(m_ui->targetEdit->text(), m_ui->serviceEdit->text().trimmed(),
                     m_ui->bodyEdit->text().toUtf8());
    m_ui->bodyEdit->clear();
}

} // namespace orion::app::windows
