// SPDX-License-Identifier: GPL-3.0-or-later
// LineNumberArea: the gutter beside a ScriptEditor; the editor sizes it and paints into it.
// GUI thread.
#pragma once

#include <QWidget>

namespace orion::app::widgets {

class ScriptEditor;

class LineNumberArea : public QWidget {
    Q_OBJECT

public:
    explicit LineNumberArea(ScriptEditor *editor);

    QSize sizeHint() const override;

protected:
    void paintEvent(QPaintEvent *event) override;

private:
    ScriptEditor *m_editor;
};

} // namespace orion::app::widgets
