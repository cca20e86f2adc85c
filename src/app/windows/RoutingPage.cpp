// SPDX-License-Identifier: GPL-3.0-or-later
#include "windows/RoutingPage.h"

#include "facade/RoutingFeed.h"
#include "models/RoutingTableModel.h"
#include "ui_RoutingPage.h"
#include "widgets/EmptyState.h"

#include <QHeaderView>
#include <QScrollBar>
#include <QSortFilterProxyModel>

#include <algorithm>

namespace orion::app::windows {

RoutingPage::RoutingPage(facade::RoutingFeed *routing, QWidget *parent)
    : QWidget(parent)
    , m_ui(std::make_unique<Ui::RoutingPage>())
    , m_routing(routing)
    , m_model(new models::RoutingTableModel(this))
    , m_proxy(new QSortFilterProxyModel(this)) {
    m_ui->setupUi(this);
    m_proxy->setSourceModel(m_model);
    m_proxy->setSortRole(models::RoutingTableModel::kSortRole);
    m_proxy->setFilterCaseSensitivity(Qt::CaseInsensitive);
    m_proxy->setFilterKeyColumn(-1);
    // Live updates must not shuffle or hide rows under the user's pointer mid-sort.
    m_proxy->setDynamicSortFilter(true);
    m_ui->contactsView->setModel(m_proxy);
    m_ui->contactsView->sortByColumn(models::RoutingTableModel::DistanceColumn,
                                     Qt::DescendingOrder);
    m_ui->contactsView->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    QSizePolicy grow(QSizePolicy::Expanding, QSizePolicy::Expanding);
    grow.setVerticalStretch(1);
    m_ui->splitter->setSizePolicy(grow);
    m_ui->contactsView->setSizePolicy(grow);
    // The table needs its eight columns; the picture is fine at any size and takes what
    // is left (see placeSplit).
    m_ui->splitter->setStretchFactor(0, 3);
    m_ui->splitter->setStretchFactor(1, 1);
    connect(m_ui->splitter, &QSplitter::splitterMoved, this, [this]() { m_userSplit = true; });
    m_empty = new widgets::EmptyState(m_ui->contactsView);
    connect(m_ui->filterEdit, &QLineEdit::textChanged, this, [this](const QString &text) {
        m_proxy->setFilterFixedString(text);
        updateEmptyState();
    });
    connect(m_routing, &facade::RoutingFeed::snapshotChanged, this, &RoutingPage::apply);
    apply(m_routing->current());
}

RoutingPage::~RoutingPage() = default;

void RoutingPage::showEvent(QShowEvent *event) {
    QWidget::showEvent(event);
    placeSplit();
}

void RoutingPage::placeSplit() {
    // Until the user moves the handle, the table gets the width its columns need and the
    // picture the rest (never less than its minimum).
    if (m_userSplit || !isVisible()) {
        return;
    }
    const QTableView *table = m_ui->contactsView;
    const int needed = table->horizontalHeader()->length() + 2 * table->frameWidth() +
                       table->verticalScrollBar()->sizeHint().width();
    const int total = m_ui->splitter->width() - m_ui->splitter->handleWidth();
    const int picture = std::max(m_ui->keySpaceView->minimumSizeHint().width(),
                                 std::min(total - needed, total / 2));
    m_ui->splitter->setSizes({total - picture, picture});
}

void RoutingPage::changeEvent(QEvent *event) {
    if (event->type() == QEvent::LanguageChange) {
        m_ui->retranslateUi(this);
        apply(m_routing->current());
    }
    QWidget::changeEvent(event);
}

void RoutingPage::apply(const facade::RoutingSnapshot &snapshot) {
    m_model->applySnapshot(snapshot);
    m_ui->keySpaceView->setSnapshot(snapshot);
    placeSplit();
    int connected = 0;
    for (const auto &c : snapshot.contacts) {
        connected += c.state == facade::ContactState::Connected ? 1 : 0;
    }
    m_ui->summaryLabel->setText(tr("%n contact(s)", nullptr, int(snapshot.contacts.size())) +
                                QStringLiteral(" · ") + tr("%n connected", nullptr, connected) +
                                QStringLiteral(" · ") +
                                tr("%n bucket(s)", nullptr, int(snapshot.buckets.size())));
    updateEmptyState();
}

void RoutingPage::updateEmptyState() {
    const QString filter = m_ui->filterEdit->text().trimmed();
    if (m_model->rowCount() > 0 && !filter.isEmpty()) {
        m_empty->setMessage(tr("No contact matches \u201c%1\u201d. Clear the filter to see all "
                               "%n contact(s).",
                               nullptr, m_model->rowCount())
                                .arg(filter));
        return;
    }
    m_empty->setMessage(
        tr("No contacts yet. A node meets the network through nodes it already knows: import "
           "the member file of a node in your network (File \u2192 Import member file\u2026), or "
           "give someone in it your network key and member card (Node \u2192 Network key and "
           "member card\u2026) so their node connects to yours."));
}

} // namespace orion::app::windows
