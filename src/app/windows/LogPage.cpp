// SPDX-License-Identifier: GPL-3.0-or-later
#include "windows/LogPage.h"

#include "facade/LogFeed.h"
#include "models/LogFilterModel.h"
#include "models/LogModel.h"
#include "ui_LogPage.h"
#include "widgets/EmptyState.h"

#include <QHeaderView>
#include <QScrollBar>

namespace orion::app::windows {

using facade::LogLevel;

LogPage::LogPage(facade::LogFeed *logs, QWidget *parent)
    : QWidget(parent)
    , m_ui(std::make_unique<Ui::LogPage>())
    , m_model(new models::LogModel(models::LogModel::kDefaultCapacity, this))
    , m_filter(new models::LogFilterModel(this)) {
    m_ui->setupUi(this);
    m_filter->setSourceModel(m_model);
    m_ui->logView->setModel(m_filter);
    m_ui->logView->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    // The message takes the width that is left and never pushes the time out of view; a
    // long one is elided, its tooltip has all of it.
    m_ui->logView->horizontalHeader()->setSectionResizeMode(models::LogModel::MessageColumn,
                                                            QHeaderView::Stretch);
    m_empty = new widgets::EmptyState(m_ui->logView);
    fillLevels();
    connect(m_ui->levelCombo, &QComboBox::currentIndexChanged, this, [this](int index) {
        m_filter->setMinimumLevel(LogLevel(m_ui->levelCombo->itemData(index).toInt()));
        updateEmptyState();
    });
    connect(m_ui->searchEdit, &QLineEdit::textChanged, this, [this](const QString &text) {
        m_filter->setFilterFixedString(text);
        updateEmptyState();
    });
    if (logs) {
        connect(logs, &facade::LogFeed::entriesAppended, this,
                [this](const QList<facade::LogEntry> &entries) {
                    QScrollBar *bar = m_ui->logView->verticalScrollBar();
                    const bool follow = bar->value() == bar->maximum();
                    m_model->append(entries);
                    updateEmptyState();
                    if (follow) {
                        m_ui->logView->scrollToBottom();
                    }
                });
    }
    updateEmptyState();
}

LogPage::~LogPage() = default;

void LogPage::updateEmptyState() {
    if (m_model->rowCount() > 0) {
        m_empty->setMessage(tr("No entry matches the level and the search. Choose a lower level "
                               "or clear the search to see all %n entries.",
                               nullptr, m_model->rowCount()));
        return;
    }
    m_empty->setMessage(tr("Nothing logged yet. What the node does (connections, bootstrap, "
                           "containers, problems) appears here as it happens; choose the "
                           "level Debug to see more."));
}

void LogPage::fillLevels() {
    const int current = m_ui->levelCombo->currentIndex();
    m_ui->levelCombo->clear();
    for (LogLevel level : {LogLevel::Debug, LogLevel::Info, LogLevel::Warning, LogLevel::Error}) {
        m_ui->levelCombo->addItem(models::LogModel::levelText(level), int(level));
    }
    m_ui->levelCombo->setCurrentIndex(current >= 0 ? current : int(m_filter->minimumLevel()));
}

void LogPage::changeEvent(QEvent *event) {
    if (event->type() == QEvent::LanguageChange) {
        m_ui->retranslateUi(this);
        const QSignalBlocker block(m_ui->levelCombo);
        fillLevels();
        updateEmptyState();
    }
    QWidget::changeEvent(event);
}

} // namespace orion::app::windows
