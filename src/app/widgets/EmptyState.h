// SPDX-License-Identifier: GPL-3.0-or-later
// EmptyState: the sentence an item view shows while it has no rows, saying what to do next.
// A label over the view's viewport that follows the model's rows. GUI thread.
#pragma once

#include <QLabel>
#include <QPointer>

class QAbstractItemModel;
class QAbstractItemView;

namespace orion::app::widgets {

class EmptyState : public QLabel {
    Q_OBJECT

public:
    // Watches `view` (and whatever model it shows, also one set later).
    explicit EmptyState(QAbstractItemView *view);

    // The sentence to show; empty shows nothing.
    void setMessage(const QString &text);
    // Visible exactly while the view's model has no rows (and there is a message).
    void refresh();

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;
    void changeEvent(QEvent *event) override;

private:
    void watchModel();
    void place();
    void applyPalette();

    QAbstractItemView *m_view;
    QPointer<QAbstractItemModel> m_model;
};

} // namespace orion::app::widgets
