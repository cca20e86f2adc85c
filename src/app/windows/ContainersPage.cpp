// SPDX-License-Identifier: GPL-3.0-or-later
#include "windows/ContainersPage.h"

#include "facade/StatusFeed.h"
#include "models/ContainerListModel.h"
#include "ui_ContainersPage.h"
#include "widgets/ContainerNameValidator.h"
#include "widgets/EmptyState.h"
#include "widgets/ScriptEditor.h"

#include <QHeaderView>
#include <QLocale>
#include <QMessageBox>

namespace orion::app::windows {

namespace {

const char kExample[] = "; Answer every message and count them.\n"
                        "(defun main ()\n"
                        "  (let n (+ 1 (or (store-get \"count\") 0)))\n"
                        "  (store-put \"count\" n)\n"
                        "  (log \"message\" n \"from\" SENDER)\n"
                        "  (reply (concat \"hello, you said: \" MESSAGE)))\n";

} // namespace

ContainersPage::ContainersPage(facade::ContainerFeed *containers, facade::StatusFeed *status,
                               QWidget *parent)
    : QWidget(parent)
    , m_ui(std::make_unique<Ui::ContainersPage>())
    , m_containers(containers)
    , m_status(status)
    , m_model(new models::ContainerListModel(this)) {
    m_ui->setupUi(this);
    m_ui->containersView->setModel(m_model);
    QHeaderView *header = m_ui->containersView->horizontalHeader();
    header->setStretchLastSection(false);
    // Sized by fitColumns() after every snapshot: ResizeToContents would not look again when
    // a row's key or state arrives by dataChanged, and would cut them short.
    header->setSectionResizeMode(QHeaderView::Interactive);
    header->setSectionResizeMode(models::ContainerListModel::NameColumn, QHeaderView::Stretch);
    m_ui->splitter->setStretchFactor(0, 1);
    m_ui->splitter->setStretchFactor(1, 1);
    m_ui->editorSplitter->setStretchFactor(0, 3);
    m_ui->editorSplitter->setStretchFactor(1, 2);
    m_ui->dataView->header()->setSectionResizeMode(0, QHeaderView::ResizeToContents);
    m_ui->nameEdit->setValidator(new widgets::ContainerNameValidator(m_ui->nameEdit));
    m_empty = new widgets::EmptyState(m_ui->containersView);

    m_checkTimer.setSingleShot(true);
    m_checkTimer.setInterval(kCheckDelayMs);
    connect(&m_checkTimer, &QTimer::timeout, this, &ContainersPage::check);
    connect(m_ui->editor, &QPlainTextEdit::textChanged, this, [this]() {
        m_checked = false;
        m_checkTimer.start();
        updateControls();
    });
    connect(m_ui->checkButton, &QPushButton::clicked, this, &ContainersPage::check);
    connect(m_ui->diagnosticLabel, &QLabel::linkActivated, this,
            [this]() { (void)m_ui->editor->goToError(); });
    connect(m_ui->newButton, &QPushButton::clicked, this, &ContainersPage::newContainer);
    connect(m_ui->deployButton, &QPushButton::clicked, this, &ContainersPage::deploy);
    connect(m_ui->startButton, &QPushButton::clicked, this, &ContainersPage::startSelected);
    connect(m_ui->stopButton, &QPushButton::clicked, this, &ContainersPage::stopSelected);
    connect(m_ui->removeButton, &QPushButton::clicked, this, &ContainersPage::removeSelected);
    connect(m_ui->nameEdit, &QLineEdit::textChanged, this, &ContainersPage::updateControls);
    connect(m_ui->containersView->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            &ContainersPage::selectionChanged);

    connect(m_containers, &facade::ContainerFeed::containersChanged, this,
            [this](const QList<facade::ContainerInfo> &list) {
                m_model->applySnapshot(list);
                fitColumns();
                if (!m_selectWhenListed.isEmpty() && m_model->rowOf(m_selectWhenListed) >= 0) {
                    selectContainer(std::exchange(m_selectWhenListed, {}));
                }
                updateControls();
            });
    connect(m_containers, &facade::ContainerFeed::checked, this, &ContainersPage::showCheck);
    connect(m_containers, &facade::ContainerFeed::detailChanged, this, &ContainersPage::showDetail);
    connect(m_containers, &facade::ContainerFeed::commandFinished, this,
            &ContainersPage::commandFinished);
    connect(m_status, &facade::StatusFeed::statusChanged, this, &ContainersPage::updateControls);

    m_model->applySnapshot(m_containers->current());
    fitColumns();
    showEmptyText();
    newContainer();
}

void ContainersPage::showEmptyText() {
    m_empty->setMessage(
        tr("No containers yet. A container is a small NET-Script program that answers messages "
           "under its own key. Give the example program on the right a name and press Deploy; "
           "then send it a message from the Console tab."));
}

ContainersPage::~ContainersPage() = default;

widgets::ScriptEditor *ContainersPage::editor() const {
    return m_ui->editor;
}

QString ContainersPage::selectedName() const {
    const QModelIndexList rows = m_ui->containersView->selectionModel()->selectedRows();
    return rows.isEmpty() ? QString() : m_model->containerAt(rows.first().row()).name;
}

void ContainersPage::selectContainer(const QString &name) {
    const int row = m_model->rowOf(name);
    if (row < 0) {
        m_ui->containersView->clearSelection();
        return;
    }
    m_ui->containersView->selectRow(row);
}

void ContainersPage::fitColumns() {
    for (int column = 0; column < models::ContainerListModel::ColumnCount; ++column) {
        if (column != models::ContainerListModel::NameColumn) {
            m_ui->containersView->resizeColumnToContents(column);
        }
    }
}

void ContainersPage::showEvent(QShowEvent *event) {
    QWidget::showEvent(event);
    fitColumns();
    if (m_splitPlaced) {
        return;
    }
    m_splitPlaced = true;
    // The list's seven columns and the editor's lines both want room: about half each.
    const int total = m_ui->splitter->width();
    m_ui->splitter->setSizes({total * 47 / 100, total - total * 47 / 100});
}

void ContainersPage::changeEvent(QEvent *event) {
    if (event->type() == QEvent::LanguageChange) {
        m_ui->retranslateUi(this);
        showEmptyText();
        if (m_checked) {
            showCheck(m_lastCheck, m_check);
        }
        updateControls();
    }
    QWidget::changeEvent(event);
}

void ContainersPage::newContainer() {
    m_ui->containersView->clearSelection();
    m_loadSourceOf.clear();
    m_containers->watch(QString());
    m_ui->nameEdit->clear();
    m_ui->editor->setPlainText(QString::fromLatin1(kExample));
    m_ui->logView->clear();
    m_ui->dataView->clear();
    m_ui->nameEdit->setFocus();
}

void ContainersPage::selectionChanged() {
    const QString name = selectedName();
    if (!name.isEmpty() && name != m_containers->watched()) {
        m_ui->nameEdit->setText(name);
        m_loadSourceOf = name;
        m_ui->logView->clear();
        m_ui->dataView->clear();
        m_containers->watch(name);
    }
    updateControls();
}

void ContainersPage::check() {
    m_checkTimer.stop();
    m_lastCheck = m_containers->check(m_ui->editor->toPlainText());
}

void ContainersPage::showCheck(quint64 requestId, const facade::ScriptCheck &result) {
    // Only the newest check speaks for the text in the editor.
    if (requestId != m_lastCheck) {
        return;
    }
    m_check = result;
    m_checked = true;
    if (result.ok) {
        m_ui->editor->clearError();
        m_ui->diagnosticLabel->setText(tr("No errors."));
    } else {
        m_ui->editor->markError(result.line, result.column, result.message);
        // The position is a link: it takes the cursor to the error.
        m_ui->diagnosticLabel->setText(
            QStringLiteral("<a href=\"#error\">%1</a>: %2")
                .arg(tr("Line %1, column %2").arg(result.line).arg(result.column),
                     result.message.toHtmlEscaped()));
    }
    updateControls();
}

void ContainersPage::showDetail(const facade::ContainerDetail &detail) {
    if (detail.restart) {
        m_ui->logView->clear();
    }
    if (!m_loadSourceOf.isEmpty() && detail.name == m_loadSourceOf && !detail.source.isEmpty()) {
        m_loadSourceOf.clear();
        if (m_ui->editor->toPlainText() != detail.source) {
            m_ui->editor->setPlainText(detail.source);
        }
    }
    const QLocale locale;
    for (const facade::ContainerLogLine &line : detail.lines) {
        // Seconds matter in a log; the locale's short format may leave them out.
        m_ui->logView->appendPlainText(
            QStringLiteral("%1  %2  %3")
                .arg(locale.toString(line.time.toLocalTime().time(), QStringLiteral("HH:mm:ss")),
                     line.level, line.text));
    }
    m_ui->dataView->clear();
    for (auto it = detail.data.begin(); it != detail.data.end(); ++it) {
        auto *item = new QTreeWidgetItem(m_ui->dataView);
        item->setText(0, it.key());
        item->setText(1, it.value());
    }
}

void ContainersPage::deploy() {
    const QString name = m_ui->nameEdit->text().trimmed();
    if (name.isEmpty()) {
        return;
    }
    m_selectWhenListed = name;
    m_requests << m_containers->deploy(name, m_ui->editor->toPlainText());
    m_ui->resultLabel->setText(tr("Deploying %1…").arg(name));
}

void ContainersPage::startSelected() {
    if (const QString name = selectedName(); !name.isEmpty()) {
        m_requests << m_containers->start(name);
    }
}

void ContainersPage::stopSelected() {
    if (const QString name = selectedName(); !name.isEmpty()) {
        m_requests << m_containers->stop(name);
    }
}

void ContainersPage::removeSelected() {
    const QString name = selectedName();
    if (name.isEmpty()) {
        return;
    }
    const auto answer = QMessageBox::question(
        this, tr("Remove container"),
        tr("Remove %1 with its key and all its stored data? This cannot be undone.").arg(name),
        QMessageBox::Yes | QMessageBox::No, QMessageBox::No);
    if (answer == QMessageBox::Yes) {
        m_requests << m_containers->remove(name);
    }
}

void ContainersPage::commandFinished(quint64 requestId, const QString &error,
                                     const QString &message) {
    if (!m_requests.removeOne(requestId)) {
        return;
    }
    if (!error.isEmpty()) {
        m_selectWhenListed.clear();
        m_ui->resultLabel->setText(tr("Failed: %1").arg(error));
    } else {
        m_ui->resultLabel->setText(message);
    }
    if (!m_selectWhenListed.isEmpty() && m_model->rowOf(m_selectWhenListed) >= 0) {
        selectContainer(std::exchange(m_selectWhenListed, {}));
    }
    updateControls();
}

void ContainersPage::updateControls() {
    const facade::NodeState state = m_status->current().state;
    const bool running =
        state == facade::NodeState::Online || state == facade::NodeState::Connecting;
    const int row = m_model->rowOf(selectedName());
    const bool selected = row >= 0;
    const facade::ContainerState containerState =
        selected ? m_model->containerAt(row).state : facade::ContainerState::Stopped;
    const QString name = m_ui->nameEdit->text().trimmed();
    m_ui->deployButton->setEnabled(running && !name.isEmpty() && !(m_checked && !m_check.ok));
    m_ui->deployButton->setText(m_model->rowOf(name) >= 0 ? tr("&Deploy update") : tr("&Deploy"));
    m_ui->startButton->setEnabled(running && selected &&
                                  containerState == facade::ContainerState::Stopped);
    m_ui->stopButton->setEnabled(running && selected &&
                                 containerState == facade::ContainerState::Running);
    m_ui->removeButton->setEnabled(running && selected);
    const QString notRunning = tr("Containers can be managed while the node runs.");
    if (!running && m_ui->resultLabel->text().isEmpty()) {
        m_ui->resultLabel->setText(notRunning);
    } else if (running && m_ui->resultLabel->text() == notRunning) {
        m_ui->resultLabel->clear();
    }
}

} // namespace orion::app::windows
