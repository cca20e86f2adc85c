// SPDX-License-Identifier: GPL-3.0-or-later
#include "widgets/EmptyState.h"

#include <QAbstractItemView>
#include <QEvent>

namespace orion::app::widgets {

EmptyState::EmptyState(QAbstractItemView *view)
    : QLabel(view->viewport())
    , m_view(view) {
    setObjectName(QStringLiteral("emptyState"));
    setWordWrap(true);
    setAlignment(Qt::AlignCenter);
    setTextInteractionFlags(Qt::NoTextInteraction);
    // Clicks and the wheel belong to the view underneath.
    setAttribute(Qt::WA_TransparentForMouseEvents);
    setAccessibleName(tr("Empty list"));
    applyPalette();
    view->viewport()->installEventFilter(this);
    view->installEventFilter(this);
    watchModel();
    place();
    refresh();
}

void EmptyState::watchModel() {
    QAbstractItemModel *model = m_view->model();
    if (model == m_model) {
        return;
    }
    if (m_model) {
        disconnect(m_model, nullptr, this, nullptr);
    }
    m_model = model;
    if (!model) {
        return;
    }
    connect(model, &QAbstractItemModel::rowsInserted, this, &EmptyState::refresh);
    connect(model, &QAbstractItemModel::rowsRemoved, this, &EmptyState::refresh);
    connect(model, &QAbstractItemModel::modelReset, this, &EmptyState::refresh);
    connect(model, &QAbstractItemModel::layoutChanged, this, &EmptyState::refresh);
}

void EmptyState::setMessage(const QString &text) {
    setText(text);
    refresh();
}

void EmptyState::refresh() {
    watchModel();
    const bool empty = !m_model || m_model->rowCount() == 0;
    setVisible(empty && !text().isEmpty());
}

void EmptyState::place() {
    // A margin of about two characters keeps long sentences off the view's frame.
    const int margin = 2 * fontMetrics().averageCharWidth();
    setGeometry(m_view->viewport()->rect().adjusted(margin, margin, -margin, -margin));
}

void EmptyState::applyPalette() {
    // The palette's placeholder colour, so light and dark themes both read well.
    QPalette p = palette();
    p.setColor(QPalette::WindowText, p.color(QPalette::PlaceholderText));
    setPalette(p);
}

bool EmptyState::eventFilter(QObject *watched, QEvent *event) {
    if (watched == m_view->viewport() && event->type() == QEvent::Resize) {
        place();
    } else if (watched == m_view && event->type() == QEvent::Show) {
        // setModel() has no signal; a view is always shown before anyone looks at it.
        refresh();
    }
    return QLabel::eventFilter(watched, event);
}

void EmptyState::changeEvent(QEvent *event) {
    if (event->type() == QEvent::PaletteChange) {
        // Setting our own palette sends a PaletteChange too; only the theme's counts.
        if (palette().color(QPalette::WindowText) != palette().color(QPalette::PlaceholderText)) {
            applyPalette();
        }
    }
    QLabel::changeEvent(event);
}

} // namespace orion::app::widgets
