// SPDX-License-Identifier: GPL-3.0-or-later
#include "widgets/LineNumberArea.h"

#include "widgets/ScriptEditor.h"

namespace orion::app::widgets {

LineNumberArea::LineNumberArea(ScriptEditor *editor)
    : QWidget(editor)
    , m_editor(editor) {
    setObjectName(QStringLiteral("lineNumberArea"));
}

QSize LineNumberArea::sizeHint() const {
    return {m_editor->lineNumberAreaWidth(), 0};
}

void LineNumberArea::paintEvent(QPaintEvent *event) {
    m_editor->paintLineNumbers(event);
}

} // namespace orion::app::widgets
